"""bench/quality.py: the news set scored without the facts of one-document rules."""
from __future__ import annotations

import importlib.util

from rdflib import RDF, Graph, Literal, Namespace

from tests.conftest import ROOT

KGB = Namespace("https://w3id.org/kgbuilder/ontology#")
EX = Namespace("urn:example:")


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _graph(facts: list[tuple[str, str, str, str]]) -> Graph:
    """A document graph: each (subject, relation, object, rule) as a triple and a statement."""
    g = Graph()
    for n, (s, rel, o, rule) in enumerate(facts):
        triple = (EX[s], KGB[rel], EX[o])
        g.add(triple)
        st = EX[f"st{n}"]
        g.add((st, RDF.type, KGB.Statement))
        g.add((st, RDF.subject, triple[0]))
        g.add((st, RDF.predicate, triple[1]))
        g.add((st, RDF.object, triple[2]))
        g.add((st, KGB.rule, Literal(rule)))
    return g


def test_quality_drops_facts_only_one_document_rules_gave(tmp_path):
    quality = _quality()
    graphs = tmp_path / "graphs"
    graphs.mkdir()
    _graph([("a", "attacked", "b", "one-doc-rule"),       # only a one-document rule: goes
            ("c", "attacked", "d", "one-doc-rule"),       # also a rule of many: stays
            ("c", "attacked", "d", "wide-rule"),
            ("e", "killed", "f", "wide-rule")]).serialize(graphs / "n01.ttl", format="turtle")
    out = quality.without_rules(graphs, tmp_path / "out", {"one-doc-rule"})
    kept = Graph().parse(out / "n01.ttl", format="turtle")
    facts = {(s, p, o) for s, p, o in kept if p in (KGB.attacked, KGB.killed)}
    assert facts == {(EX.c, KGB.attacked, EX.d), (EX.e, KGB.killed, EX.f)}


def test_quality_one_document_rules_are_those_seen_in_one_document():
    quality = _quality()
    tally = {"wide": {"fired": 3, "docs:n01": 1, "docs:n02": 2},
             "narrow": {"fired": 2, "docs:n01": 2}}
    assert quality.one_doc_rules(tally) == {"narrow"}
