"""Validation of a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL runs in place, with no inference and no ontology mixed in (which would copy the
data graph): the shapes need only what a build writes. Each violation becomes one line.
pySHACL checks the property shapes of a node shape once per focus node, building their
constraints anew each time; :func:`standalone_property_shapes` gives each its node shape's
targets instead, so each is checked once for all its focus nodes (about five times
faster, the same results).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.namespace import SH

from graph.forked import Forked
from ontology import ITSRDF, KGB, load_ontology


@dataclass(frozen=True)
class Report:
    """The outcome of validating a graph: whether it conforms, and one line per violation."""

    conforms: bool
    violations: tuple[str, ...]


#: the properties that say which nodes a shape checks
TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)


@lru_cache(maxsize=None)
def _shapes() -> Graph:
    return load_ontology("shapes.ttl")


def standalone_property_shapes(shapes: Graph) -> Graph:
    """The same shapes, each property shape of a targeted node shape made a shape of its own.

    A node shape's ``sh:property`` shapes are checked on its focus nodes; a property shape
    with the node shape's targets checks the same nodes, with the same results (focus
    node, path, value, message). Node shapes that another shape refers to (``sh:node``,
    ``sh:or`` ...) are left as they are, since their focus nodes come from that reference.
    """
    out = Graph()
    for triple in shapes:
        out.add(triple)
    for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
        targets = [(p, o) for p in TARGETS for o in shapes.objects(node, p)]
        if not targets or (None, None, node) in shapes:
            continue
        for prop in shapes.objects(node, SH.property):
            out.remove((node, SH.property, prop))
            out.add((prop, RDF.type, SH.PropertyShape))
            for p, o in targets:
                out.add((prop, p, o))
    return out


@lru_cache(maxsize=4)
def _checked(shapes: Graph) -> Graph:
    """:func:`standalone_property_shapes` of ``shapes``, made once per shapes graph."""
    return standalone_property_shapes(shapes)


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


def violations_by_focus(g: Graph, *, shapes: Graph | None = None) -> tuple[bool, dict]:
    """Whether ``g`` conforms, and the violation lines of each (focus node, node shape)
    that has any. The shapes are checked standalone (:func:`standalone_property_shapes`)
    and each result is given the node shape of ``shapes`` its property shape belongs to."""
    shapes_g = shapes if shapes is not None else _shapes()
    checked = _checked(shapes_g)
    conforms, results, _ = shacl_validate(
        g, shacl_graph=checked, inference="none",
        abort_on_first=False, allow_warnings=True, advanced=False, meta_shacl=False)
    by_focus: dict = {}
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        node = results.value(result, SH.focusNode)
        source = results.value(result, SH.sourceShape)
        node_shape = next(iter(shapes_g.subjects(SH.property, source)), source)
        focus = _short(g, node)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage) or "violates a shape"
        where = f"{focus} {_short(g, path)}" if path is not None else focus
        by_focus.setdefault((node, node_shape), set()).add(" ".join(f"{where}: {message}".split()))
    return bool(conforms), by_focus


#: where a document's graph points into the shared layer: the entities its statements and
#: mentions name (their class and label are checked) and the predicates of its statements
_REFERENCES = (RDF.subject, RDF.object, RDF.predicate, ITSRDF.taIdentRef, KGB.reportedBy)


def batch_graph(store, layers: Mapping[str, Iterable]) -> Graph:
    """What a store write added, as one graph to validate: the graphs it gave its
    documents (``layers``: doc id -> triples, as :func:`graph.incremental.write_into` hands
    them on) and the class and label of every entity and predicate they point to, read
    from ``store``.

    The shapes are local to a statement, span, document or entity, and every such node
    lives in a document's graph or is an entity or predicate one points to, so the
    reports of all batches together are the report of the whole store. The documents'
    graphs come from the write rather than from the store, so a batch costs its own
    triples and a lookup per node it points to, however large the store.
    """
    import pyoxigraph as ox

    from graph.build import bind_prefixes
    from graph.load import rdflib_term

    g = bind_prefixes(Graph())
    for doc_id in sorted(layers):
        for triple in layers[doc_id]:
            g.add(triple)
    shared = {o for p in _REFERENCES for o in g.objects(None, p) if isinstance(o, URIRef)}
    for node in sorted(shared):
        for p in (RDF.type, RDFS.label):
            for q in store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(p), None,
                                             ox.DefaultGraph()):
                g.add((node, p, rdflib_term(q.object)))
    return g


@dataclass(frozen=True)
class BatchReport:
    """What validating one store write found: (node, node shape) for every node a shape
    targeted, and the violation lines of those that have any. A later write in which the
    same shape targets the node again replaces its lines."""

    targeted: frozenset
    by_focus: dict


def _targets(g: Graph, shapes: Graph) -> set:
    """(node, node shape) for every node of ``g`` a shape targets (by class, subjects-of,
    objects-of or node)."""
    out: set = set()
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        nodes = {n for c in shapes.objects(shape, SH.targetClass) for n in g.subjects(RDF.type, c)}
        nodes.update(n for p in shapes.objects(shape, SH.targetSubjectsOf) for n in g.subjects(p, None))
        nodes.update(n for p in shapes.objects(shape, SH.targetObjectsOf) for n in g.objects(None, p))
        nodes.update(shapes.objects(shape, SH.targetNode))
        out.update((n, shape) for n in nodes)
    return out


def validate_batch(store, layers: Mapping[str, Iterable], *, shapes: Graph | None = None
                   ) -> BatchReport:
    """Validate what one store write added (:func:`batch_graph`)."""
    g = batch_graph(store, layers)
    _, by_focus = violations_by_focus(g, shapes=shapes)
    return BatchReport(targeted=frozenset(_targets(g, shapes if shapes is not None else _shapes())),
                       by_focus=by_focus)


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


def shape_groups(n: int) -> list[Graph]:
    """The shapes split into ``n`` graphs, each node shape whole with its blank-node
    property shapes (made standalone: :func:`standalone_property_shapes`); the groups
    together hold every shape once.

    Shapes are independent, so the reports of the groups together are the report of
    all the shapes. The statement shape, the costliest, gets a group of its own.
    """
    shapes = _shapes()
    nodes = sorted(shapes.subjects(RDF.type, SH.NodeShape),
                   key=lambda n: (-len(list(shapes.objects(n, SH.property))), str(n)))
    groups = [Graph() for _ in range(max(1, min(n, len(nodes))))]
    for i, node in enumerate(nodes):
        target = groups[0] if i == 0 or len(groups) == 1 else groups[1 + (i - 1) % (len(groups) - 1)]
        todo = [node]
        while todo:
            subject = todo.pop()
            for triple in shapes.triples((subject, None, None)):
                target.add(triple)
                if isinstance(triple[2], BNode):
                    todo.append(triple[2])
    return [standalone_property_shapes(group) for group in groups]


def start_validation(g: Graph, *, jobs: int = 2) -> Callable[[], Report]:
    """Validate ``g`` on forked processes while the caller writes its files.

    pySHACL costs about a tenth of the parse. The shapes are split into ``jobs``
    groups, each checked by its own process beside the writing (:class:`graph.forked.Forked`:
    in this process where processes cannot be forked or a child dies); the reports are
    joined. Returns a function that waits for the report.
    """
    children = [Forked(partial(validate_graph, g, shapes=shapes)) for shapes in shape_groups(jobs)]

    def wait() -> Report:
        try:
            reports = [child.result() for child in children]
        except BaseException:  # interrupted: the other children's work is not wanted either
            for child in children:
                child.stop()
            raise
        return Report(conforms=all(r.conforms for r in reports),
                      violations=tuple(sorted({v for r in reports for v in r.violations})))
    return wait
