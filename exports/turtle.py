"""Turtle export, written by Oxigraph's serializer.

rdflib's own Turtle serializer is pure Python and costs more than the parse of the
text on large graphs; Oxigraph's writes the same graph in a fraction of the time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from exports.files import write_text


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
    return {p: ns for p, ns in sorted(bound.items()) if any(iri.startswith(ns) for iri in iris)}


def oxigraph_terms() -> tuple[Callable, dict]:
    """:func:`to_oxigraph` remembering the terms it made (a graph names a node many times),
    and what it made: rdflib term -> pyoxigraph term."""
    made: dict = {}

    def term(t):
        found = made.get(t)
        if found is None:
            found = made[t] = to_oxigraph(t)
        return found
    return term, made


def to_turtle(g: Graph) -> str:
    """Serialise ``g`` as Turtle, with the prefixes bound on it that the graph uses."""
    # sorted, so that each subject's triples are consecutive and written as one block
    ordered = sorted(g, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    term, made = oxigraph_terms()
    triples = [ox.Triple(term(s), term(p), term(o)) for s, p, o in ordered]
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used_prefixes(g, made))
    return data.decode("utf-8")


def write_turtle(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as Turtle to ``path`` and return the path."""
    return write_text(path, to_turtle(g))
