"""Every statement carries its provenance: document, sentence and mention offsets,
factuality, reporter, time and rule."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, TIME

from extractors.records import Factuality
from graph.build import build_graph
from graph.iris import document_iri, entity_iri
from graph.provenance import time_value
from ontology import ITSRDF, KGB, NIF, SCHEMA
from tests.graph.factories import record

HAMAS = entity_iri("Hamas", "ArmedGroup")
SDEROT = entity_iri("Sderot", "City")
DOC = document_iri("d1")


def _statement(g: Graph) -> URIRef:
    [st] = g.subjects(RDF.type, KGB.Statement)
    return st


def _span(g: Graph, node) -> tuple[int, int, str]:
    return (g.value(node, NIF.beginIndex).toPython(), g.value(node, NIF.endIndex).toPython(),
            str(g.value(node, NIF.anchorOf)))


def test_provenance_sentence_and_mentions_have_offsets_in_the_document():
    rec = record(prefix="Overnight, ")
    g = build_graph([rec])
    st = _statement(g)
    sentence = g.value(st, KGB.evidence)
    assert _span(g, sentence) == (0, len(rec.text), rec.text)
    assert (sentence, RDF.type, NIF.Sentence) in g and g.value(sentence, NIF.referenceContext) == DOC
    assert _span(g, g.value(st, KGB.subjectMention)) == (11, 16, "Hamas")
    assert _span(g, g.value(st, KGB.objectMention)) == (26, 32, "Sderot")
    assert g.value(g.value(st, KGB.objectMention), ITSRDF.taIdentRef) == SDEROT


def test_provenance_offsets_index_the_document_text():
    rec = record(prefix="Überraschend 😀 ")
    g = build_graph([rec])
    for prop in (KGB.subjectMention, KGB.objectMention):
        start, end, text = _span(g, g.value(_statement(g), prop))
        assert rec.text[start:end] == text


def test_provenance_statement_names_triple_rule_factuality_and_document():
    g = build_graph([record(factuality=Factuality.PLANNED, rule="verb-passive")])
    st = _statement(g)
    assert (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)) == (
        HAMAS, KGB.attacked, SDEROT)
    assert g.value(st, KGB.factuality) == Literal("planned")
    assert g.value(st, KGB.rule) == Literal("verb-passive")
    assert g.value(st, PROV.wasDerivedFrom) == DOC


def test_provenance_document_metadata_when_the_input_gives_it():
    g = build_graph([record(title="Rockets on the border", url="https://example.org/a?b=1",
                            date="2020-03-05T09:00:00Z")])
    assert g.value(DOC, DCTERMS.title) == Literal("Rockets on the border")
    assert g.value(DOC, SCHEMA.url) == Literal("https://example.org/a?b=1", datatype=XSD.anyURI)
    assert g.value(DOC, DCTERMS.date) == Literal("2020-03-05", datatype=XSD.date)


def test_provenance_document_without_metadata_has_identifier_only():
    g = build_graph([record()])
    assert set(g.predicates(DOC)) == {RDF.type, DCTERMS.identifier}


def test_provenance_reported_fact_names_the_reporter_and_where():
    g = build_graph([record(reporter="Avi Cohen")])
    st = _statement(g)
    cohen = entity_iri("Avi Cohen", "Person")
    assert g.value(st, KGB.reportedBy) == cohen
    assert _span(g, g.value(st, KGB.reporterMention))[2] == "Avi Cohen"


def test_provenance_unnamed_source_is_a_reporter_span_without_entity():
    g = build_graph([record(reporter="officials", named_reporter=False)])
    st = _statement(g)
    assert g.value(st, KGB.reportedBy) is None
    span = g.value(st, KGB.reporterMention)
    assert _span(g, span)[2] == "officials" and g.value(span, ITSRDF.taIdentRef) is None


def test_provenance_unattributed_fact_has_no_reporter():
    g = build_graph([record()])
    assert g.value(_statement(g), KGB.reportedBy) is None


@pytest.mark.parametrize("iso,day,unit", [
    ("2020-03-26", "2020-03-26", TIME.unitDay),
    ("2020-W12", "2020-03-16", TIME.unitWeek),
    ("2020-03", "2020-03-01", TIME.unitMonth),
    ("2019", "2019-01-01", TIME.unitYear),
])
def test_provenance_event_date_is_xsd_date_with_granularity(iso, day, unit):
    g = build_graph([record(time=iso, time_text="then")])
    st = _statement(g)
    assert g.value(st, KGB.eventDate) == Literal(day, datatype=XSD.date)
    assert g.value(st, TIME.unitType) == unit
    assert g.value(st, KGB.timeExpression) == Literal("then")


def test_provenance_no_time_in_text_means_no_event_date():
    g = build_graph([record()])
    st = _statement(g)
    assert g.value(st, KGB.eventDate) is None and g.value(st, TIME.unitType) is None


@pytest.mark.parametrize("iso,expected", [
    ("2020-02-29", (date(2020, 2, 29), "day")), ("2020-W01", (date(2019, 12, 30), "week")),
    ("2020-02-30", None), ("2020-W60", None), ("soon", None), ("", None),
])
def test_provenance_time_value_parses_iso_precisions(iso, expected):
    assert time_value(iso) == expected


def test_provenance_same_fact_in_two_documents_is_two_statements():
    g = build_graph([record("d1"), record("d2")])
    statements = set(g.subjects(RDF.type, KGB.Statement))
    assert {g.value(s, PROV.wasDerivedFrom) for s in statements} == {DOC, document_iri("d2")}


def test_provenance_iris_are_the_same_on_every_build():
    # no blank nodes: equal sets of triples, not just isomorphic graphs
    g1 = build_graph([record(reporter="Avi Cohen", time="2020-W12")])
    g2 = build_graph([record(reporter="Avi Cohen", time="2020-W12")])
    assert set(g1) == set(g2)


class _Additions:
    """A sink that counts every triple added to it, repeats included."""

    def __init__(self) -> None:
        self.added: list = []

    def add(self, triple) -> None:
        self.added.append(triple)


def test_provenance_span_of_several_statements_is_added_once():
    from graph.build import add_statements, guessed_iris

    rec = record(reporter="Avi Cohen")
    second = dataclasses.replace(rec.facts[0], relation="threatened", rule="verb-threat")
    rec = dataclasses.replace(rec, facts=(rec.facts[0], second))
    sink = _Additions()
    add_statements(sink, rec, rec.facts, iris=guessed_iris(rec), mentioned=())
    assert len(set(g for g in sink.added if g[1] == KGB.rule)) == 2  # two statements
    assert len(sink.added) == len(set(sink.added))  # their sentence and mentions once
    apart = _Additions()  # each statement on its own: the same triples, the shared ones twice
    for fact in rec.facts:
        add_statements(apart, rec, (fact,), iris=guessed_iris(rec), mentioned=())
    assert set(sink.added) == set(apart.added) and len(apart.added) > len(sink.added)
