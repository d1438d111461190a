"""A build's graph store answers every look-up as rdflib's own memory store does, through
adds and removals, giving a subject's values of a property in the same order (so
``g.value`` agrees), and serves rdflib's whole Graph API."""
from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, Literal, URIRef

from graph.set_store import SetStore

NODES = [URIRef(f"urn:n{i}") for i in range(4)]
PREDICATES = [URIRef(f"urn:p{i}") for i in range(3)]
OBJECTS = NODES + [Literal(1), Literal("1"), Literal("one", lang="en")]
TRIPLES = st.tuples(st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS))
#: an add of a triple, or a removal by a pattern (None: any term)
STEPS = st.lists(st.one_of(
    st.tuples(st.just("add"), TRIPLES),
    st.tuples(st.just("remove"), st.tuples(st.sampled_from(NODES + [None]),
                                           st.sampled_from(PREDICATES + [None]),
                                           st.sampled_from(OBJECTS + [None])))), max_size=40)


def _patterns():
    return itertools.product(NODES + [None], PREDICATES + [None], OBJECTS + [None])


@settings(max_examples=150, deadline=None)
@given(STEPS)
@example([("add", (NODES[0], PREDICATES[1], NODES[0])), ("add", (NODES[1], PREDICATES[1], NODES[1])),
          ("add", (NODES[0], PREDICATES[1], NODES[1])), ("remove", (None, PREDICATES[0], NODES[0]))])
def test_set_store_answers_every_pattern_as_rdflibs_memory_store_does(steps):
    ours, theirs = Graph(store=SetStore()), Graph()
    for i, (what, triple) in enumerate(steps):
        for g in (ours, theirs):
            g.add(triple) if what == "add" else g.remove(triple)
        if i % 7 == 3:  # look something up midway, so that later adds meet made indexes
            for p in PREDICATES if triple[0] is not None else ():  # a subject's values, in order
                assert list(ours.objects(triple[0], p)) == list(theirs.objects(triple[0], p))
            assert set(ours.objects(None, triple[1])) == set(theirs.objects(None, triple[1]))
    assert len(ours) == len(theirs)
    for s, p, o in _patterns():
        assert set(ours.triples((s, p, o))) == set(theirs.triples((s, p, o))), (s, p, o)
        if s is not None and p is not None:  # g.objects(s, p) in the same order: g.value agrees
            assert list(ours.objects(s, p)) == list(theirs.objects(s, p))


def test_set_store_serves_namespaces_sparql_and_serialisation():
    g = Graph(store=SetStore())
    g.bind("ex", "urn:ex#")
    a = URIRef("urn:ex#a")
    g.add((a, RDF.type, URIRef("urn:ex#Group"))).add((a, URIRef("urn:ex#name"), Literal("A")))
    assert dict(g.namespaces())["ex"] == URIRef("urn:ex#")
    assert [row[0] for row in g.query("SELECT ?s WHERE { ?s a <urn:ex#Group> }")] == [a]
    assert "ex:a a ex:Group" in g.serialize(format="turtle")
    assert (a, RDF.type, None) in g and (a, RDF.value, None) not in g
