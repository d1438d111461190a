"""Records to RDF: entities, direct triples only for asserted facts, statements."""
from __future__ import annotations

from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic, graph_diff, to_isomorphic
from rdflib.namespace import PROV, SKOS

from extractors.records import DocumentRecord, Entity, Fact, Factuality, Mention, Sentence
from graph.build import build_graph
from graph.iris import entity_iri
from ontology import KGB, OPEN


def _record(doc_id="d1", factuality=Factuality.ASSERTED, relation="attacked", open_=False,
            aliases=()):
    sent = Sentence("Hamas attacked Sderot.", 0, 22)
    hamas = Mention("Hamas", 0, 5, "hamas")
    sderot = Mention("Sderot", 15, 21, "sderot")
    return DocumentRecord(
        doc_id=doc_id, text=sent.text,
        entities=(Entity("hamas", "Hamas", "ArmedGroup", aliases),
                  Entity("sderot", "Sderot", "City")),
        facts=(Fact(hamas, relation, sderot, sent, "verb-active", open_, factuality),))


HAMAS = entity_iri("Hamas", "ArmedGroup")
SDEROT = entity_iri("Sderot", "City")


def test_build_asserted_fact_is_a_direct_triple():
    g = build_graph([_record()])
    assert (HAMAS, KGB.attacked, SDEROT) in g


def test_build_unasserted_fact_is_a_statement_without_direct_triple():
    g = build_graph([_record(factuality=Factuality.NEGATED)])
    assert (HAMAS, KGB.attacked, SDEROT) not in g
    st = g.value(predicate=RDF.subject, object=HAMAS)
    assert g.value(st, KGB.factuality) == Literal("negated")


def test_build_statement_records_document_and_sentence():
    g = build_graph([_record()])
    st = g.value(predicate=RDF.subject, object=HAMAS)
    assert g.value(st, RDF.predicate) == KGB.attacked
    assert g.value(st, KGB.sentence) == Literal("Hamas attacked Sderot.")
    assert g.value(st, PROV.wasDerivedFrom) is not None


def test_build_entities_have_type_label_and_altlabels():
    g = build_graph([_record(aliases=("Harakat al-Muqawama",))])
    assert (HAMAS, RDF.type, KGB.ArmedGroup) in g
    assert g.value(HAMAS, RDFS.label) == Literal("Hamas")
    assert (HAMAS, SKOS.altLabel, Literal("Harakat al-Muqawama")) in g


def test_build_open_relation_keeps_the_verb_outside_the_inventory():
    g = build_graph([_record(relation="shell", open_=True)])
    assert (HAMAS, OPEN.shell, SDEROT) in g
    assert not [p for p in g.predicates(HAMAS, SDEROT) if str(p).startswith(str(KGB))]


def test_build_is_independent_of_record_order():
    a, b = _record("d1"), _record("d2", relation="shell", open_=True)
    g1, g2 = build_graph([a, b]), build_graph([b, a])
    if not isomorphic(g1, g2):
        _, only1, only2 = graph_diff(to_isomorphic(g1), to_isomorphic(g2))
        raise AssertionError(f"only in first: {sorted(only1)}\nonly in second: {sorted(only2)}")


def test_build_adds_a_documents_nif_strings_as_its_record_comes_and_its_statements_after_the_last():
    from graph.build import bind_prefixes
    from graph.iris import document_iri
    from rdflib import Graph
    from ontology import NIF
    g = bind_prefixes(Graph())
    seen = {}

    def records():
        yield _record("d1")
        # the first record's document and NIF strings are there before the second comes;
        # its statement waits for the merge of every document's entities
        seen["spans"] = set(g.subjects(NIF.referenceContext, document_iri("d1")))
        seen["statements"] = set(g.subjects(RDF.type, KGB.Statement))
        seen["document"] = (document_iri("d1"), RDF.type, KGB.Document) in g
        yield _record("d2", relation="shell", open_=True)

    built = build_graph(records(), g=g)
    assert seen["document"] and len(seen["spans"]) == 3   # the sentence, Hamas, Sderot
    assert seen["statements"] == set()
    assert isomorphic(built, build_graph([_record("d1"), _record("d2", relation="shell", open_=True)]))
