"""Turtle export round-trips and is read by a strict parser."""
from __future__ import annotations

import pyoxigraph
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from exports.turtle import to_turtle, write_turtle
from tests.graph.test_build import _record
from graph.build import build_graph


def _assert_isomorphic(g1: Graph, g2: Graph) -> None:
    if not isomorphic(g1, g2):
        _, a, b = graph_diff(to_isomorphic(g1), to_isomorphic(g2))
        raise AssertionError(f"only in first: {sorted(a)}\nonly in second: {sorted(b)}")


def test_turtle_round_trip_is_isomorphic(tmp_path):
    g = build_graph([_record()])
    path = write_turtle(g, tmp_path / "graph.ttl")
    _assert_isomorphic(g, Graph().parse(path, format="turtle"))


def test_turtle_uses_the_ontology_prefixes():
    text = to_turtle(build_graph([_record()]))
    assert "@prefix kgb: <https://w3id.org/kgbuilder/ontology#> ." in text
    assert "kgb:attacked" in text


def test_turtle_is_read_by_oxigraph_with_the_same_triple_count():
    g = build_graph([_record()])
    quads = list(pyoxigraph.parse(to_turtle(g), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(g)


def test_turtle_is_read_by_rapper_with_the_same_triple_count():
    from tests.exports.parsers import rapper_count

    g = build_graph([_record()])
    assert rapper_count(to_turtle(g), "turtle") == len(g)
