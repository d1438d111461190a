"""Triples as N-Triples / N-Quads lines, the way a store write loads them in bulk.

rdflib's indexed in-memory graph costs most of a write when the triples are only written
out again, so the builders write into a :class:`TripleSet` and the lines are made here.
"""
from __future__ import annotations

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


def triple_lines(g: Graph | TripleSet) -> list[str]:
    """``g`` as N-Triples lines, without their line ends."""
    return [f"{term_nt(s)} {term_nt(p)} {term_nt(o)} ." for s, p, o in g]


def nquads(g: Graph | TripleSet, graph_name: str | None) -> str:
    """``g`` as N-Quads lines in the named graph ``graph_name`` (None: the default graph)."""
    tail = f" <{graph_name}> .\n" if graph_name else " .\n"
    return "".join(f"{term_nt(s)} {term_nt(p)} {term_nt(o)}{tail}" for s, p, o in g)
