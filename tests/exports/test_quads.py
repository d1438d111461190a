"""TriG and N-Quads: one named graph per document, round-trips, strict parsers."""
from __future__ import annotations

import os
import subprocess
import sys

from rdflib import RDF, URIRef

from exports.quads import to_dataset, to_nquads, to_trig, write_nquads, write_trig
from graph.build import build_graph
from graph.iris import document_iri
from ontology import KGB
from tests.conftest import ROOT
from tests.exports.parsers import assert_isomorphic, oxigraph_count, rapper_count, union
from tests.graph.factories import record as _record


def _two_documents():
    return build_graph([_record("d1"), _record("d2", verb="shelled", relation="shell", open_=True)])


def test_quads_one_named_graph_per_document_holding_its_statements():
    g = _two_documents()
    ds = to_dataset(g)
    named = {c.identifier: c for c in ds.graphs() if c.identifier != ds.default_graph.identifier
             and len(c)}
    assert set(named) == {document_iri("d1"), document_iri("d2")}
    for doc, sub in named.items():
        statements = set(sub.subjects(RDF.type, KGB.Statement))
        assert len(statements) == 1
        assert all(str(s).startswith(str(doc)) or s in statements for s in sub.subjects())


def test_quads_default_graph_keeps_entities_and_direct_facts():
    g = _two_documents()
    default = to_dataset(g).default_graph
    assert not set(default.subjects(RDF.type, KGB.Statement))
    assert set(default.triples((None, KGB.attacked, None)))


def test_quads_trig_round_trip_is_isomorphic(tmp_path):
    g = _two_documents()
    path = write_trig(g, tmp_path / "graph.trig")
    assert_isomorphic(g, union(path.read_text(encoding="utf-8"), "trig"))


def test_quads_nquads_round_trip_is_isomorphic(tmp_path):
    g = _two_documents()
    path = write_nquads(g, tmp_path / "graph.nq")
    assert_isomorphic(g, union(path.read_text(encoding="utf-8"), "nquads"))


def test_quads_are_read_by_oxigraph_and_rapper():
    g = _two_documents()
    for text, syntax in ((to_nquads(g), "nquads"), (to_trig(g), "trig")):
        assert oxigraph_count(text, syntax) == len(g)
        assert rapper_count(text, syntax) == len(g)


def test_quads_graph_names_are_the_document_iris():
    text = to_nquads(_two_documents())
    assert f"<{URIRef(document_iri('d1'))}> ." in text


def _three_documents_in(order):
    records = {"d1": _record("d1"), "d2": _record("d2", agent="Iran", verb="struck", target="Erbil"),
               "d3": _record("d3", verb="shelled", relation="shell", open_=True)}
    return build_graph([records[k] for k in order])


_TRIG_IN_A_NEW_PROCESS = """
import sys
from exports.quads import to_trig
from tests.exports.test_quads import _three_documents_in
sys.stdout.write(to_trig(_three_documents_in(sys.argv[1].split(","))))
"""


def test_quads_trig_is_byte_identical_across_runs_and_input_orders():
    # each run in a fresh process with its own string-hash seed, as separate builds are
    texts = {subprocess.run([sys.executable, "-c", _TRIG_IN_A_NEW_PROCESS, order], cwd=ROOT,
                            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                            text=True, check=True).stdout
             for seed, order in (("1", "d1,d2,d3"), ("2", "d1,d2,d3"), ("3", "d3,d2,d1"))}
    assert len(texts) == 1
