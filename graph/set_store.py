"""The rdflib store a build's graph lives on: its triples in insertion order, indexed only
when something looks one up.

A build adds some 50,000 triples and reads them a few times whole (Turtle, the view,
validation). rdflib's ``Memory`` store keeps three indexes and every triple's contexts,
and tells listeners of every add; its ``SimpleMemory`` keeps the three indexes. Adding a
triple to either costs more than making it. Here an add is one dictionary entry, a graph
read whole is that dictionary, and the indexes (by subject, predicate, object) are made
on the first look-up that needs one, then kept up to date by adds (a removal, which a
build makes rarely, drops them).

The triples keep the order they were added in, as in rdflib's own memory stores, so
``g.value(s, p)`` gives the same value it would there. The namespace bindings are
``SimpleMemory``'s.
"""
from __future__ import annotations

from rdflib.plugins.stores.memory import SimpleMemory


#: the contexts of every triple: none (one empty tuple for all, rather than one each)
_NO_CONTEXTS = ()


class SetStore(SimpleMemory):
    """A context-free rdflib store: ``Graph(store=SetStore())``.

    >>> from rdflib import Graph, URIRef
    >>> g = Graph(store=SetStore())
    >>> a, b = URIRef("urn:a"), URIRef("urn:b")
    >>> _ = g.add((a, b, URIRef("urn:c"))).add((a, b, URIRef("urn:d")))
    >>> len(g), [str(o) for o in g.objects(a, b)]
    (2, ['urn:c', 'urn:d'])
    """

    def __init__(self, configuration=None, identifier=None) -> None:
        super().__init__(configuration, identifier)
        self._triples: dict = {}   # triple -> None: an ordered set
        self._by: dict[int, dict] = {}  # position (0 s, 1 p, 2 o) -> its index, once made

    def add(self, triple, context=None, quoted: bool = False) -> None:
        if triple in self._triples:
            return
        self._triples[triple] = None
        for position, index in self._by.items():
            _index_one(index, position, triple)

    def remove(self, pattern, context=None) -> None:
        found = self._matches(pattern)
        for triple in found:
            del self._triples[triple]
        if found:
            self._by.clear()

    def triples(self, pattern, context=None):
        return ((triple, _NO_CONTEXTS) for triple in self._matches(pattern))

    def __len__(self, context=None) -> int:
        return len(self._triples)

    def contexts(self, triple=None):
        return iter(_NO_CONTEXTS)

    def _index(self, position: int) -> dict:
        index = self._by.get(position)
        if index is None:
            index = self._by[position] = {}
            for triple in self._triples:
                _index_one(index, position, triple)
        return index

    def _matches(self, pattern) -> list:
        s, p, o = pattern
        if s is None and p is None and o is None:
            return list(self._triples)
        if s is not None and p is not None and o is not None:
            return [pattern] if pattern in self._triples else []
        position = 0 if s is not None else 1 if p is not None else 2
        found = list(self._index(position).get(pattern[position], ()))
        for other in (1, 2):  # the indexed position matches already
            if other > position and pattern[other] is not None:
                found = [t for t in found if t[other] == pattern[other]]
        return found


def _index_one(index: dict, position: int, triple) -> None:
    found = index.get(triple[position])
    if found is None:
        index[triple[position]] = [triple]
    else:
        found.append(triple)
