"""Turtle export, written by Oxigraph's serializer.

rdflib's own Turtle serializer is pure Python and costs more than the parse of the
text on large graphs; Oxigraph's writes the same graph in a fraction of the time. What is
left is ours: reading the triples (:mod:`exports.reading`), ordering them and converting
their terms, each distinct term once (a graph names each node many times).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from exports.files import write_text
from exports.reading import triples


def to_oxigraph(term):
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def used_prefixes(g: Graph, terms: Iterable | None = None) -> dict[str, str]:
    """The prefixes bound on ``g`` whose namespace some IRI of the graph starts with.

    ``terms``: the distinct terms of ``g`` when the caller has them already (a graph names
    each node many times; reading it again costs more than the rest of the serialisation).
    """
    bound = {prefix: str(ns) for prefix, ns in g.namespaces() if prefix}
    if terms is None:
        terms = {t for triple in g for t in triple}
    iris = set()
    for t in terms:
        if isinstance(t, URIRef):
            iris.add(str(t))
        elif isinstance(t, Literal) and t.datatype:
            iris.add(str(t.datatype))
    ordered = sorted(iris)
    return {p: ns for p, ns in sorted(bound.items()) if _starts_one(ordered, ns)}


def _starts_one(ordered: list[str], prefix: str) -> bool:
    """Whether a string of ``ordered`` (sorted) starts with ``prefix``: the first string not
    below it does, if any does."""
    i = bisect_left(ordered, prefix)
    return i < len(ordered) and ordered[i].startswith(prefix)


def _term_order(t) -> tuple:
    """Terms ordered by their text; terms of one text (a literal and an IRI, or literals of
    two datatypes or languages) by kind, so that the order is total."""
    if isinstance(t, Literal):
        return str(t), type(t).__name__, str(t.datatype or ""), t.language or ""
    return str(t), type(t).__name__, "", ""


def to_turtle(g: Graph) -> str:
    """Serialise ``g`` as Turtle, with the prefixes bound on it that the graph uses."""
    # each distinct term numbered once: an rdflib term's hash is Python code, an int's is not
    ids: dict = {}
    number = ids.setdefault
    coded = [(number(s, len(ids)), number(p, len(ids)), number(o, len(ids)))
             for s, p, o in triples(g)]
    terms = list(ids)
    rank = [0] * len(terms)
    for r, i in enumerate(sorted(range(len(terms)), key=lambda i: _term_order(terms[i]))):
        rank[i] = r
    # sorted by (subject, predicate, object) text, so that each subject's triples are
    # consecutive and written as one block
    n = len(terms)
    coded.sort(key=lambda t: (rank[t[0]] * n + rank[t[1]]) * n + rank[t[2]])
    made = [to_oxigraph(t) for t in terms]
    data = ox.serialize([ox.Triple(made[s], made[p], made[o]) for s, p, o in coded],
                        format=ox.RdfFormat.TURTLE, prefixes=used_prefixes(g, terms))
    return data.decode("utf-8")


def write_turtle(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as Turtle to ``path`` and return the path."""
    return write_text(path, to_turtle(g))
