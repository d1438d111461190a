"""N-Triples export round-trips and is read by strict parsers."""
from __future__ import annotations

from rdflib import Graph

from exports.ntriples import to_ntriples, write_ntriples
from graph.build import build_graph
from tests.exports.parsers import assert_isomorphic, oxigraph_count, rapper_count
from tests.graph.factories import record as _record


def test_ntriples_round_trip_is_isomorphic(tmp_path):
    g = build_graph([_record()])
    path = write_ntriples(g, tmp_path / "graph.nt")
    assert_isomorphic(g, Graph().parse(path, format="nt"))


def test_ntriples_is_one_sorted_line_per_triple():
    g = build_graph([_record()])
    lines = to_ntriples(g).splitlines()
    assert len(lines) == len(g) and lines == sorted(lines)


def test_ntriples_is_read_by_oxigraph_and_rapper():
    g = build_graph([_record()])
    text = to_ntriples(g)
    assert oxigraph_count(text, "ntriples") == len(g)
    assert rapper_count(text, "ntriples") == len(g)
