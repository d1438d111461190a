"""TriG and N-Quads: the graph split into one named graph per source document.

The named graph of a document has the document's IRI as its name and holds what was
read from it: its statements (``prov:wasDerivedFrom`` the document) and the sentences
and mentions they cite (``nif:referenceContext`` the document). The default graph holds
what every document shares: the entities, their names, the direct facts and the
documents' metadata. The union of all graphs is the graph that was built, so loading
either file with the default graph as the union answers the same queries.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import PROV

from exports.files import write_text
from ontology import KGB, NIF


def _source(g: Graph, node) -> URIRef | None:
    """The document a statement or a span of text belongs to, if it is one."""
    if (node, RDF.type, KGB.Statement) in g:
        doc = g.value(node, PROV.wasDerivedFrom)
    else:
        doc = g.value(node, NIF.referenceContext)
    return doc if isinstance(doc, URIRef) else None


def to_dataset(g: Graph) -> Dataset:
    """Split ``g`` into a dataset: one named graph per document, the rest in the default.

    >>> from rdflib import Literal
    >>> g = Graph()
    >>> st, doc = URIRef("urn:st"), URIRef("urn:doc")
    >>> _ = g.add((st, RDF.type, KGB.Statement)).add((st, PROV.wasDerivedFrom, doc))
    >>> [str(c.identifier) for c in to_dataset(g).graphs() if len(c)]
    ['urn:doc']
    """
    ds = Dataset()
    for prefix, ns in g.namespaces():
        ds.bind(prefix, ns, override=True, replace=True)
    sources: dict = {}
    for s, p, o in g:
        if s not in sources:
            sources[s] = _source(g, s)
        doc = sources[s]
        target = ds.graph(doc) if doc is not None else ds.default_graph
        target.add((s, p, o))
    return ds


def to_trig(g: Graph) -> str:
    """Serialise ``g`` as TriG, one named graph per source document."""
    return to_dataset(g).serialize(format="trig")


def to_nquads(g: Graph) -> str:
    """Serialise ``g`` as N-Quads, one named graph per source document; lines sorted."""
    lines = to_dataset(g).serialize(format="nquads").split("\n")
    return "".join(f"{line}\n" for line in sorted(set(lines)) if line.strip())


def write_trig(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as TriG to ``path`` and return the path."""
    return write_text(path, to_trig(g))


def write_nquads(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as N-Quads to ``path`` and return the path."""
    return write_text(path, to_nquads(g))
