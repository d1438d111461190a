"""A graph read once: exactly its triples, each property's values in ``g.objects``'s order."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from exports.reading import _subject_index, properties, triples
from graph.build import build_graph
from tests.graph.factories import record

A, B, NAME, KNOWS = (URIRef(f"urn:x:{n}") for n in ("a", "b", "name", "knows"))
#: Names in no order a hash table would keep.
NAMES = ("Zeta", "Alpha", "Mid", "Omega", "Beta", "Kappa", "Delta", "Eta")


def _named(g: Graph) -> Graph:
    for name in NAMES:
        g.add((A, NAME, Literal(name)))
    g.add((A, KNOWS, B))
    g.add((B, NAME, Literal("Bee")))
    return g


def _shared() -> Graph:
    """A graph that shares its store with another graph: the store holds more than it."""
    ds = Dataset()
    ds.graph(URIRef("urn:x:other")).add((B, KNOWS, A))
    return _named(ds.graph(URIRef("urn:x:mine")))


def _removed() -> Graph:
    """A graph whose store index keeps the emptied entries of removed triples."""
    g = _named(Graph())
    g.remove((B, None, None))
    g.remove((A, KNOWS, None))
    return g


GRAPHS = {"plain": lambda: _named(Graph()), "shared store": _shared, "after removals": _removed,
          "built": lambda: build_graph([record("d1"), record("d2", reporter="Avi Cohen")])}


@pytest.mark.parametrize("make", GRAPHS.values(), ids=GRAPHS.keys())
def test_reading_triples_are_the_graph_s_own_each_once(make):
    g = make()
    found = triples(g)
    assert len(found) == len(g) and set(found) == set(g)


@pytest.mark.parametrize("make", GRAPHS.values(), ids=GRAPHS.keys())
def test_reading_properties_are_every_value_in_g_objects_order(make):
    g = make()
    expected = {s: {p: list(g.objects(s, p)) for p in set(g.predicates(s))} for s in set(g.subjects())}
    assert properties(g) == expected


@pytest.mark.parametrize("make", [GRAPHS["plain"], _shared, _removed], ids=["plain", "shared store", "after removals"])
def test_reading_first_value_is_g_value_the_first_added(make):
    g = make()
    assert [str(n) for n in properties(g)[A][NAME]] == list(NAMES)
    assert properties(g)[A][NAME][0] == g.value(A, NAME)


def test_reading_a_graph_read_from_a_file_reads_the_store_index():
    # the fast way is the one a graph file read back takes; a graph that shares its store, or
    # a built graph (its own store has no contexts to skip), is read through rdflib
    built = build_graph([record()])
    assert _subject_index(Graph().parse(data=built.serialize(format="nt"), format="nt")) is not None
    assert _subject_index(_shared()) is None and _subject_index(built) is None
    assert sorted(triples(built)) == sorted(built)
