"""``export --store``: a store written to Turtle, N-Triples, TriG or N-Quads as it streams.

Oxigraph's serialisers read the store's quads one by one and write them straight into
the file, so no rdflib graph of the store is built and memory does not grow with the
store. What is written is what a one-shot build holds: the shared default graph and the
documents' graphs, not the renaming links (:mod:`graph.renamed`), and NIF's offsets with
their ``xsd:nonNegativeInteger`` type (:func:`graph.store.dump_graph`). Turtle and
N-Triples get the union of the graphs; TriG and N-Quads keep the store's graphs (one
per document, named by its IRI, and the default graph of what documents share).

The other formats (JSON-LD compacted with our context, GraphML, GEXF, the HTML view)
are made from an rdflib graph of the store, as before (:func:`graph.load.read_store`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, Graph

from exports.atomic import write_stream_atomic
from exports.formats import Format
from graph.build import bind_prefixes
from graph.store import document_graphs
from ontology import NIF

#: the formats written from the store as it streams, and Oxigraph's name for each
STREAMED = {Format.TURTLE: ox.RdfFormat.TURTLE, Format.NTRIPLES: ox.RdfFormat.N_TRIPLES,
            Format.TRIG: ox.RdfFormat.TRIG, Format.NQUADS: ox.RdfFormat.N_QUADS}
_OFFSETS = {ox.NamedNode(str(NIF.beginIndex)), ox.NamedNode(str(NIF.endIndex))}
_INTEGER = ox.NamedNode(str(XSD.integer))
_NON_NEGATIVE = ox.NamedNode(str(XSD.nonNegativeInteger))


def store_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The default graph's quads, then each document graph's, offsets typed as written."""
    for graph_name in [ox.DefaultGraph(), *document_graphs(store)]:
        for q in store.quads_for_pattern(None, None, None, graph_name):
            o = q.object
            if q.predicate in _OFFSETS and isinstance(o, ox.Literal) and o.datatype == _INTEGER:
                q = ox.Quad(q.subject, q.predicate, ox.Literal(o.value, datatype=_NON_NEGATIVE),
                            q.graph_name)
            yield q


def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in bind_prefixes(Graph()).namespaces() if prefix}


def write_from_store(store: ox.Store, fmt: Format, outdir: Path | str) -> Path:
    """Write the store in ``fmt`` (one of :data:`STREAMED`) to ``outdir/graph.<fmt>``.

    Raises:
        KeyError: ``fmt`` is not written as it streams.
    """
    rdf_format = STREAMED[fmt]
    quads = store_quads(store)
    items = quads if rdf_format.supports_datasets else (q.triple for q in quads)

    def write(out) -> None:
        ox.serialize(items, out, rdf_format, prefixes=_prefixes())
    return write_stream_atomic(Path(outdir) / fmt.filename, write)


def store_writer(path: Path | str) -> Callable[[Format, Path], Path]:
    """``write(fmt, outdir)`` for the store at ``path``: the :data:`STREAMED` formats as
    the store streams, the others from an rdflib graph of the store, read once if asked.

    Raises:
        graph.store.StoreError: no store at ``path`` or nothing built into it yet.
    """
    from exports import write_format
    from graph.load import read_store
    from graph.store import open_reader

    store = open_reader(path)
    read: list[Graph] = []

    def write(fmt: Format, outdir: Path) -> Path:
        if fmt in STREAMED:
            return write_from_store(store, fmt, outdir)
        if not read:
            read.append(read_store(path))
        return write_format(read[0], fmt, outdir)
    return write
