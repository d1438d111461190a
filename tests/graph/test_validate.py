"""SHACL validation of built graphs: what conforms and what each shape catches."""
from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, TIME

from graph.build import build_graph
from graph.validate import validate_graph
from ontology import KGB, NIF
from tests.graph.factories import record


def _statement(g):
    [st] = g.subjects(RDF.type, KGB.Statement)
    return st


def test_validate_built_graph_with_every_provenance_field_conforms():
    g = build_graph([record(reporter="Avi Cohen", time="2020-W12", time_text="last week",
                            title="T", url="https://example.org/x", date="2020-03-20"),
                     record("d3", reporter="officials", named_reporter=False),
                     record("d2", verb="praised", relation="praise", open_=True)])
    report = validate_graph(g)
    assert report.conforms, report.violations


def _break_factuality(g):
    g.set((_statement(g), KGB.factuality, Literal("rumoured")))


def _drop_offsets(g):
    g.remove((g.value(_statement(g), KGB.subjectMention), NIF.beginIndex, None))


def _swap_offsets(g):
    span = g.value(_statement(g), KGB.evidence)
    g.set((span, NIF.beginIndex, Literal(99, datatype=XSD.nonNegativeInteger)))


def _date_as_text(g):
    g.add((_statement(g), KGB.eventDate, Literal("last Friday")))


def _date_without_unit(g):
    st = _statement(g)
    g.add((st, KGB.eventDate, Literal("2020-03-20", datatype=XSD.date)))


def _unknown_predicate(g):
    g.set((_statement(g), RDF.predicate, URIRef("https://w3id.org/kgbuilder/ontology#bombed")))


def _no_rule(g):
    g.remove((_statement(g), KGB.rule, None))


def _document_without_identifier(g):
    g.remove((None, DCTERMS.identifier, None))


def _unlabelled_entity(g):
    g.add((_statement(g), KGB.reportedBy, URIRef("https://w3id.org/kgbuilder/resource/person/x")))


@pytest.mark.parametrize("damage,expected", [
    (_break_factuality, "kgb:factuality: factuality is one of asserted, negated, hypothetical, planned"),
    (_drop_offsets, "nif:beginIndex: a span has one begin offset, before its end"),
    (_swap_offsets, "nif:beginIndex: a span has one begin offset, before its end"),
    (_date_as_text, "kgb:eventDate: the event date is one xsd:date"),
    (_date_without_unit, "time:unitType: an event date states its granularity (time:unitType)"),
    (_unknown_predicate, "a statement's predicate is an inventory relation or an open relation"),
    (_no_rule, "kgb:rule: a statement names the rule that produced it"),
    (_document_without_identifier, "dcterms:identifier: a document has one identifier"),
    (_unlabelled_entity, "rdfs:label: an entity has a label"),
])
def test_validate_damaged_graph_reports_the_violation(damage, expected):
    g = build_graph([record()])
    damage(g)
    report = validate_graph(g)
    assert not report.conforms
    assert any(line.endswith(expected) for line in report.violations), report.violations


def test_validate_each_violation_is_one_line_naming_the_node():
    g = build_graph([record()])
    _break_factuality(g)
    [line] = validate_graph(g).violations
    assert "\n" not in line and line.startswith("kgs:")


def test_validate_a_plural_description_may_name_each_of_its_members():
    """"Chad and Niger clashed. The two sides exchanged fire": one span, two entities."""
    from extractors.records import DocumentRecord, Entity, Fact, Mention, Sentence
    text = "Chad and Niger clashed. The two sides attacked Gao."
    sides = [Mention("The two sides", 24, 37, key) for key in ("td", "ne")]
    gao = Mention("Gao", 47, 50, "gao")
    sent = Sentence(text[24:], 24, len(text))
    facts = tuple(Fact(m, "attacked", gao, sent, "verb-active") for m in sides)
    ents = (Entity("td", "Chad", "Country"), Entity("ne", "Niger", "Country"), Entity("gao", "Gao", "City"))
    g = build_graph([DocumentRecord("d1", text, ents, facts)])
    assert validate_graph(g).conforms

@pytest.mark.slow
def test_validate_batches_together_report_what_the_whole_graph_reports(tmp_path, nlp, cues):
    from extractors import TextInput, extract
    from graph.build import build_graph
    from graph.incremental import write_into
    from graph.inputs import read_inputs
    from graph.store import open_writer
    from graph.validate import StoreViolations, validate_batch
    from ontology import load_ontology
    from tests.conftest import ROOT, shared

    inputs = [TextInput(p.stem, p.read_text(encoding="utf-8"))
              for p in sorted(shared("seeds").glob("*.txt"))]
    inputs += [t for t in read_inputs([str(ROOT / "examples")]) if isinstance(t, TextInput)]
    records = list(extract(inputs, nlp=nlp, cues=cues))
    # a shape every statement of an inventory relation breaks, so there is something to report
    strict = load_ontology("shapes.ttl")
    strict.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kgb: <https://w3id.org/kgbuilder/ontology#> .
        <urn:test#Ranked> a sh:NodeShape ; sh:targetClass kgb:Statement ;
            sh:property [ sh:path kgb:rule ; sh:maxCount 0 ; sh:message "no rules here" ] .
        <urn:test#Named> a sh:NodeShape ; sh:targetObjectsOf <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ;
            sh:property [ sh:path <http://www.w3.org/2000/01/rdf-schema#label> ; sh:maxCount 0 ] .
        """, format="turtle")
    whole = build_graph(records)
    for shapes in (None, strict):
        found = StoreViolations()
        with open_writer(tmp_path / f"kg{shapes is None}") as dbs:
            for start in range(0, len(records), 3):
                write_into(dbs, add=[(r, r.doc_id) for r in records[start:start + 3]], group=2,
                           written=lambda layers: found.add(validate_batch(dbs.data, layers, shapes=shapes)))
            found.drop_missing(dbs.data)
        want = validate_graph(whole, shapes=shapes).violations
        assert found.lines() == want, (set(found.lines()) ^ set(want))
    assert found.lines(), "the stricter shapes found nothing to report"
