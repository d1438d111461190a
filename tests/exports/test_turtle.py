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


def test_turtle_prefixes_of_the_distinct_terms_are_those_of_the_graph():
    from rdflib import XSD, Literal, URIRef

    from exports.turtle import used_prefixes
    from graph.build import bind_prefixes

    g = bind_prefixes(Graph())
    # xsd: is used by a literal's datatype only, kgb: by nothing
    g.add((URIRef("https://w3id.org/kgbuilder/resource/doc/d1"),
           URIRef("http://purl.org/dc/terms/date"), Literal("2020-01-02", datatype=XSD.date)))
    distinct = {t for triple in g for t in triple}
    assert used_prefixes(g, distinct) == used_prefixes(g)
    assert {"xsd", "dcterms", "kgd"} <= set(used_prefixes(g)) and "kgb" not in used_prefixes(g)


def test_turtle_of_equal_graphs_is_the_same_text_in_any_order_of_adding():
    import random

    from rdflib import XSD, BNode, Literal, URIRef

    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    # objects of one text: a plain, a typed and a tagged literal and an IRI; a blank node
    # and a literal
    same = "urn:x:5"
    triples = [(s, p, Literal(same)), (s, p, Literal(same, datatype=XSD.anyURI)),
               (s, p, Literal(same, lang="en")), (s, p, URIRef(same)), (s, p, BNode("b5")),
               (s, p, Literal("b5")), (BNode("b5"), p, s), (URIRef("https://example.org/a"), p, s)]
    texts = set()
    for seed in range(6):
        random.Random(seed).shuffle(triples)
        g = Graph()
        for triple in triples:
            g.add(triple)
        texts.add(to_turtle(g))
    assert len(texts) == 1
    [text] = texts
    assert text.index("\n<https://example.org/a>") < text.index("\n<https://example.org/s>")
