"""A graph read once, into plain Python: its triples, or each subject's property values.

The exports read every triple of a graph. rdflib's ``Memory`` store (the store of every
graph kgbuilder reads from a file; a build's own graph is on a store without contexts,
:mod:`graph.set_store`, read through the public API) answers each look-up with the contexts of each triple it
yields, which costs more than the rest of the look-up: iterating a graph of 45,000 triples
takes ~0.15 s of CPU, and one ``g.value`` ~10 µs. When ``g`` is a plain ``Graph`` that owns
all the triples of its ``Memory`` store, the store's subject index is the graph, in the
order ``g.objects(s, p)`` yields them, and is read directly (five times faster); any other
graph or store is read through rdflib's public API, with the same result.
"""
from __future__ import annotations

from rdflib import Graph
from rdflib.plugins.stores.memory import Memory

#: subject -> predicate -> its objects, in the order ``g.objects(subject, predicate)`` gives.
Properties = dict


def _subject_index(g: Graph) -> dict | None:
    """The subject index of ``g``'s ``Memory`` store if it holds exactly ``g``'s triples."""
    if type(g) is not Graph or type(g.store) is not Memory:
        return None
    # rdflib's own index; a graph's triples are a subset of it, so the same count means
    # the same triples (another graph sharing the store, or a formula, adds to it)
    spo = getattr(g.store, "_Memory__spo", None)
    if not isinstance(spo, dict):
        return None
    count = sum(len(objects) for po in spo.values() for objects in po.values())
    return spo if count == len(g) else None


def triples(g: Graph) -> list[tuple]:
    """Every triple of ``g``, once, in no particular order.

    >>> from rdflib import URIRef
    >>> g = Graph(); g.add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> triples(g)
    [(rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:b'), rdflib.term.URIRef('urn:c'))]
    """
    spo = _subject_index(g)
    if spo is None:
        return list(g)
    return [(s, p, o) for s, po in spo.items() for p, objects in po.items() for o in objects]


def properties(g: Graph) -> Properties:
    """Each subject of ``g``: each of its predicates with all their objects, in the order
    ``g.objects(subject, predicate)`` yields them (so the first is ``g.value``'s).

    >>> from rdflib import Literal, URIRef
    >>> g = Graph()
    >>> for name in ("first", "second"):
    ...     _ = g.add((URIRef("urn:a"), URIRef("urn:name"), Literal(name)))
    >>> [str(o) for o in properties(g)[URIRef("urn:a")][URIRef("urn:name")]]
    ['first', 'second']
    """
    spo = _subject_index(g)
    if spo is not None:
        return {s: {p: list(objects) for p, objects in po.items() if objects}
                for s, po in spo.items() if any(po.values())}
    found: Properties = {}
    for s, p, o in g:
        found.setdefault(s, {}).setdefault(p, []).append(o)
    for s, po in found.items():
        for p, objects in po.items():
            if len(objects) > 1:  # the pass above is in no particular order
                objects[:] = g.objects(s, p)
    return found
