"""Triples as N-Triples / N-Quads lines, the way a store write loads them in bulk, and the
bulk load itself on a thread (:class:`LoadBehind`).

rdflib's indexed in-memory graph costs most of a write when the triples are only written
out again, so the builders write into a :class:`TripleSet` and the lines are made here.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from rdflib import BNode, Graph, URIRef


class TripleSet:
    """The one Graph method the builders call (``add``), over a plain set of triples.

    >>> from rdflib import URIRef
    >>> len(TripleSet().add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"))))
    1
    """

    def __init__(self) -> None:
        self.triples: set = set()

    def add(self, triple) -> TripleSet:
        self.triples.add(triple)
        return self

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)


def string_nt(text: str) -> str:
    """A plain string literal in N-Triples syntax.

    >>> print(string_nt('say "hi"\\n'))
    "say \\"hi\\"\\n"
    """
    return '"' + (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                  .replace("\r", "\\r")) + '"'


def term_nt(term) -> str:
    """One RDF term in N-Triples syntax."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    text = string_nt(str(term))
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype:
        return f"{text}^^<{term.datatype}>"
    return text


def _memo_nt() -> Callable:
    """:func:`term_nt` remembered by the term's identity, for the terms of one graph: the
    builders share term objects (predicates, types, entities, offsets, dates), and a
    literal takes microseconds to write. The graph keeps its terms alive meanwhile, so no
    two of them share an id."""
    memo: dict[int, str] = {}

    def nt(term) -> str:
        text = memo.get(id(term))
        if text is None:
            text = memo[id(term)] = term_nt(term)
        return text
    return nt


def triple_lines(g: Graph | TripleSet) -> list[str]:
    """``g`` as N-Triples lines, without their line ends."""
    nt = _memo_nt()
    return [f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in g]


def nquads(g: Graph | TripleSet, graph_name: str | None) -> str:
    """``g`` as N-Quads lines in the named graph ``graph_name`` (None: the default graph).

    >>> from rdflib import Literal
    >>> print(nquads(TripleSet().add((URIRef("urn:a"), URIRef("urn:b"), Literal(2))), "urn:g"), end="")
    <urn:a> <urn:b> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:g> .
    """
    tail = f" <{graph_name}> .\n" if graph_name else " .\n"
    nt = _memo_nt()
    return "".join(f"{nt(s)} {nt(p)} {nt(o)}{tail}" for s, p, o in g)


class LoadBehind:
    """A bulk load of N-Quads into a store on a thread of its own, while the caller goes on.

    pyoxigraph releases the GIL while it loads, so Python work in the block runs beside
    it. The block ends when the load does; an error of the load is raised there.

    >>> import pyoxigraph as ox
    >>> store = ox.Store()
    >>> with LoadBehind(store, b"<urn:a> <urn:b> <urn:c> .\\n"):
    ...     pass
    >>> len(store)
    1
    """

    def __init__(self, store, data: bytes):
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, args=(store, data),
                                        name="kgbuilder-bulk-load")

    def _load(self, store, data: bytes) -> None:
        import pyoxigraph as ox
        try:
            store.bulk_load(data, ox.RdfFormat.N_QUADS)
        except BaseException as err:  # handed to the caller's thread by __exit__
            self._error = err

    def __enter__(self) -> LoadBehind:
        try:
            self._thread.start()
        except KeyboardInterrupt:  # Ctrl-C as the thread starts: it may be loading already
            self.__exit__(KeyboardInterrupt, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        # The load ends before the block does, even when the block raised or Ctrl-C comes
        # meanwhile: the store is never closed, nor its lock let go, in the middle of a load.
        interrupted = False
        while self._thread.is_alive():
            try:
                self._thread.join()
            except KeyboardInterrupt:
                interrupted = True
        if interrupted and exc[0] is None:
            raise KeyboardInterrupt
        if self._error is not None and exc[0] is None:
            raise self._error
