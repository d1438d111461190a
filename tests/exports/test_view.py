"""The network view read from a graph: every entity, every fact in its voice, evidence."""
from __future__ import annotations

from extractors.records import DocumentRecord, Entity, Factuality
from exports.view import graph_view
from graph.build import build_graph
from ontology import load_relations
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
