"""The network view read from a graph: every entity, every fact in its voice, evidence."""
from __future__ import annotations

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from extractors.records import DocumentRecord, Entity, Factuality
from exports.view import Document, Edge, Evidence, Node, View, graph_view
from graph.build import build_graph
from ontology import KGB, load_relations
from tests.graph.factories import record


def _lonely() -> DocumentRecord:
    """A document that names an entity in no fact."""
    text = "Kirkuk was quiet."
    return DocumentRecord(doc_id="calm", text=text, entities=(Entity("k", "Kirkuk", "City"),), facts=())


def test_view_draws_entities_without_facts():
    view = graph_view(build_graph([record(), _lonely()]))
    assert sorted(n.label for n in view.nodes) == ["Hamas", "Kirkuk", "Sderot"]


def test_view_edge_voice_follows_factuality_and_reporter():
    g = build_graph([record("d1"), record("d2", factuality=Factuality.NEGATED),
                     record("d3", reporter="Avi Cohen"), record("d4", factuality=Factuality.PLANNED)])
    assert sorted(e.factuality for e in graph_view(g).edges) == ["asserted", "negated", "planned", "reported"]


def test_view_evidence_marks_the_two_mentions():
    view = graph_view(build_graph([record(prefix="On Monday ", title="A", date="2024-03-04")]))
    [edge] = view.edges
    [ev] = edge.evidence
    assert [ev.sentence[a:b] for a, b in ev.marks] == ["Hamas", "Sderot"]
    assert view.documents[0].title == "A" and view.documents[0].date == "2024-03-04"


def test_view_evidence_names_the_reporter_and_the_event_date():
    view = graph_view(build_graph([record(reporter="Avi Cohen", time="2024-02-01", time_text="Feb 1")]))
    [ev] = view.edges[0].evidence
    assert (ev.reporter, ev.date, ev.time_text) == ("Avi Cohen", "2024-02-01", "Feb 1")


def test_view_family_comes_from_the_ontology():
    family = {r.name: r.family for r in load_relations()}
    g = build_graph([record(), record("d2", verb="backed", relation="supported")])
    assert {e.relation: e.family for e in graph_view(g).edges} == {
        "attacked": family["attacked"], "supported": family["supported"]}


def test_view_statements_of_one_fact_share_an_edge():
    view = graph_view(build_graph([record("d1"), record("d2")]))
    [edge] = view.edges
    assert len(edge.evidence) == 2


# A graph kgbuilder did not build: written by hand, with several values of one property
# (the first added is the one ``g.value`` gives) and a statement without an evidence span.
DOC, HAMAS, TOWN, STATEMENT = (URIRef(f"https://example.org/{n}") for n in ("doc/1", "hamas", "sderot", "st/1"))
LABELS = ("Hamas", "Harakat", "Zeta", "Alpha", "Mid", "Omega", "Beta", "Kappa")


def _hand_made(g: Graph) -> Graph:
    for label in LABELS:
        g.add((HAMAS, RDFS.label, Literal(label)))
    g.add((HAMAS, RDF.type, KGB.ArmedGroup))
    g.add((HAMAS, RDF.type, KGB.Organization))
    g.add((HAMAS, SKOS.altLabel, Literal("HMS")))
    g.add((HAMAS, KGB.mentionCount, Literal(3)))
    g.add((TOWN, RDF.type, KGB.City))
    g.add((TOWN, RDFS.label, Literal("Sderot")))
    g.add((HAMAS, KGB.attacked, TOWN))
    for p, o in ((RDF.type, KGB.Statement), (RDF.subject, HAMAS), (RDF.predicate, KGB.attacked),
                 (RDF.object, TOWN), (KGB.sentence, Literal("Hamas shelled Sderot.")),
                 (PROV.wasDerivedFrom, DOC)):
        g.add((STATEMENT, p, o))
    g.add((DOC, RDF.type, KGB.Document))
    for title in ("First title", "Second title", "Third title"):
        g.add((DOC, DCTERMS.title, Literal(title)))
    return g


def test_view_reads_a_graph_kgbuilder_did_not_build():
    family = {r.name: r.family for r in load_relations()}["attacked"]
    assert graph_view(_hand_made(Graph())) == View(
        nodes=(Node(str(HAMAS), "Hamas", "ArmedGroup", ("HMS",), 3),
               Node(str(TOWN), "Sderot", "City")),
        edges=(Edge(str(HAMAS), str(TOWN), "attacked", False,
                    (Evidence("Hamas shelled Sderot.", (), str(DOC), "asserted"),),
                    str(KGB.attacked), family),),
        documents=(Document(str(DOC), "1", "First title"),))


def test_view_of_several_values_takes_the_one_g_value_gives():
    g = _hand_made(Graph())
    view = graph_view(g)
    assert view.nodes[0].label == str(g.value(HAMAS, RDFS.label)) == LABELS[0]
    assert view.documents[0].title == str(g.value(DOC, DCTERMS.title)) == "First title"


def test_view_is_the_same_whatever_store_holds_the_graph():
    # a graph sharing its store with another is read through rdflib, not the store's index
    ds = Dataset()
    ds.graph(URIRef("https://example.org/other")).add((TOWN, RDFS.label, Literal("Elsewhere")))
    shared = _hand_made(ds.graph(URIRef("https://example.org/mine")))
    assert graph_view(shared) == graph_view(_hand_made(Graph()))
    built = build_graph([record("d1"), record("d2", reporter="Avi Cohen"), _lonely()])
    copy = ds.graph(URIRef("https://example.org/built"))
    for triple in built:
        copy.add(triple)
    assert graph_view(copy) == graph_view(built)


def test_view_statement_without_evidence_span_keeps_its_sentence_and_no_marks():
    [edge] = graph_view(_hand_made(Graph())).edges
    [ev] = edge.evidence
    assert (ev.sentence, ev.marks, ev.factuality) == ("Hamas shelled Sderot.", (), "asserted")
