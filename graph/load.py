"""Reading a graph file kgbuilder wrote, in any of its RDF formats, back into rdflib."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.build import bind_prefixes

#: File suffix -> parser name (as rdflib calls it); TriG and N-Quads are merged into one graph.
PARSERS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}
#: Formats Oxigraph's parser reads, about three times faster than rdflib's
_OXIGRAPH = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
             "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class GraphFileError(ValueError):
    """A graph file that is missing, of an unknown format, or not valid RDF."""


def read_graph(path: Path | str) -> Graph:
    """Read a graph file into one graph: the union of its graphs for TriG and N-Quads.

    Raises:
        GraphFileError: with a one-line message naming the file and the reason.
    """
    path = Path(path)
    fmt = PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"{path}: unknown graph format {path.suffix!r}; expected one of "
                             + ", ".join(PARSERS))
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    g = bind_prefixes(Graph())
    try:
        if fmt in _OXIGRAPH:
            terms: dict = {}

            def term(t) -> Node:   # each distinct term converted once
                found = terms.get(t)
                if found is None:
                    found = terms[t] = rdflib_term(t)
                return found
            g.addN((term(q.subject), term(q.predicate), term(q.object), g)
                   for q in ox.parse(path=path, format=_OXIGRAPH[fmt]))
        else:
            g.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many types; all mean "not valid RDF"
        reason = " ".join(str(err).split())[:200] or type(err).__name__
        raise GraphFileError(f"{path}: not a valid {fmt} graph ({reason})") from None
    return g


def rdflib_term(t) -> Node:
    """An Oxigraph term as the rdflib term its parser would have made."""
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    datatype = t.datatype.value
    return Literal(t.value) if datatype == _XSD_STRING else Literal(t.value, datatype=URIRef(datatype))


def read_store(path: Path | str) -> Graph:
    """The graph a store holds (the union of its graphs), from its newest snapshot.

    Raises:
        graph.store.StoreError: no store at ``path`` or nothing built into it yet.
    """
    from graph.store import dump_graphs, open_reader

    g = bind_prefixes(Graph())
    g.parse(data=dump_graphs(open_reader(path)), format="nt")
    return g
