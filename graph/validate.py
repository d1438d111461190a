"""Validation of a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

The shapes are compiled once into plain checks (:mod:`graph.shacl_core`) and the graph is
read once into dictionaries of the predicates they name, with no inference and no
ontology mixed in: the shapes need only what a build writes. Each violation becomes one
line: the focus node, the path and the shape's message.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, URIRef

from graph.shacl_core import Data, compiled
from ontology import ITSRDF, KGB, load_ontology


@dataclass(frozen=True)
class Report:
    """The outcome of validating a graph: whether it conforms, and one line per violation."""

    conforms: bool
    violations: tuple[str, ...]


@lru_cache(maxsize=None)
def _shapes() -> Graph:
    return load_ontology("shapes.ttl")


def _short(g: Graph, term) -> str:
    if isinstance(term, URIRef):
        try:
            return g.namespace_manager.normalizeUri(term)
        except Exception:  # a term no prefix fits is shown whole
            return f"<{term}>"
    return repr(str(term)) if term is not None else "?"


def validate_graph(g: Graph, *, shapes: Graph | None = None) -> Report:
    """Validate ``g`` against the shapes; a report with one readable line per violation.

    >>> validate_graph(Graph()).conforms
    True
    """
    conforms, by_focus = violations_by_focus(g, shapes=shapes)
    lines = {line for found in by_focus.values() for line in found}
    return Report(conforms=conforms, violations=tuple(sorted(lines)))


def violations_by_focus(g: Graph, *, shapes: Graph | None = None,
                        data: Data | None = None) -> tuple[bool, dict]:
    """Whether ``g`` conforms, and the violation lines of each (focus node, node shape)
    that has any. ``data``: ``g``'s triples already read for these shapes (``g`` then
    serves only to shorten IRIs by its prefixes)."""
    checks = compiled(shapes if shapes is not None else _shapes())
    data = data if data is not None else checks.data(g)
    by_focus: dict = {}
    for focus, node_shape, path, message in checks.results(data):
        where = f"{_short(g, focus)} {_short(g, path)}" if path is not None else _short(g, focus)
        by_focus.setdefault((focus, node_shape), set()).add(" ".join(f"{where}: {message}".split()))
    return not by_focus, by_focus


#: where a document's graph points into the shared layer: the entities its statements and
#: mentions name (their class and label are checked) and the predicates of its statements
_REFERENCES = (RDF.subject, RDF.object, RDF.predicate, ITSRDF.taIdentRef, KGB.reportedBy)


def batch_triples(store, layers: Mapping[str, Iterable]) -> list[tuple]:
    """What a store write added, as the triples to validate: those of the graphs it gave
    its documents (``layers``: doc id -> triples, as :func:`graph.incremental.write_into`
    hands them on) and the class and label of every entity and predicate they point to,
    read from ``store``.

    The shapes are local to a statement, span, document or entity, and every such node
    lives in a document's graph or is an entity or predicate one points to, so the
    reports of all batches together are the report of the whole store. The documents'
    graphs come from the write rather than from the store, so a batch costs its own
    triples and a lookup per node it points to, however large the store.
    """
    import pyoxigraph as ox

    from graph.load import rdflib_term

    triples = [t for doc_id in sorted(layers) for t in layers[doc_id]]
    shared = {o for _, p, o in triples if p in _REFERENCES and isinstance(o, URIRef)}
    for node in sorted(shared):
        for p in (RDF.type, RDFS.label):
            for q in store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(p), None,
                                             ox.DefaultGraph()):
                triples.append((node, p, rdflib_term(q.object)))
    return triples


@lru_cache(maxsize=1)
def _prefixed() -> Graph:
    """An empty graph with the build's prefixes: it shortens a batch's IRIs as a built
    graph's own prefixes would."""
    from graph.build import bind_prefixes

    return bind_prefixes(Graph())


@dataclass(frozen=True)
class BatchReport:
    """What validating one store write found: (node, node shape) for every node a shape
    targeted, and the violation lines of those that have any. A later write in which the
    same shape targets the node again replaces its lines."""

    targeted: frozenset
    by_focus: dict


def validate_batch(store, layers: Mapping[str, Iterable], *, shapes: Graph | None = None
                   ) -> BatchReport:
    """Validate what one store write added (:func:`batch_triples`)."""
    checks = compiled(shapes if shapes is not None else _shapes())
    data = checks.data(batch_triples(store, layers))
    _, by_focus = violations_by_focus(_prefixed(), shapes=shapes, data=data)
    return BatchReport(targeted=frozenset(checks.targeted(data)), by_focus=by_focus)


class StoreViolations:
    """The violations of a store built batch by batch: each node's from its latest check,
    and none of a node that is no longer in the store (a later batch replaced or renamed it)."""

    def __init__(self) -> None:
        self.by_focus: dict = {}

    def add(self, report: BatchReport) -> None:
        for node in report.targeted:
            self.by_focus.pop(node, None)
        self.by_focus.update(report.by_focus)

    def drop_missing(self, store) -> None:
        """Forget the nodes ``store`` no longer holds (an old IRI that only a renaming link
        of :mod:`graph.renamed` names is no longer a node of the graph)."""
        import pyoxigraph as ox

        from graph.renamed import RENAMED_GRAPH

        for node, shape in list(self.by_focus):
            term = ox.NamedNode(str(node)) if isinstance(node, URIRef) else None
            if term is None or not any(q.graph_name != RENAMED_GRAPH
                                       for q in store.quads_for_pattern(term, None, None, None)):
                del self.by_focus[(node, shape)]

    def lines(self) -> tuple[str, ...]:
        return tuple(sorted({line for found in self.by_focus.values() for line in found}))
