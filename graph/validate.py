"""Validation of a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL runs in place, with no inference and no ontology mixed in (which would copy the
data graph): the shapes need only what a build writes. Each violation becomes one line.
pySHACL checks the property shapes of a node shape once per focus node, building their
constraints anew each time; :func:`standalone_property_shapes` gives each its node shape's
targets instead, so each is checked once for all its focus nodes (about five times
faster, the same results).
"""
from __future__ import annotations

import multiprocessing as mp
import signal
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH

from ontology import load_ontology


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


@lru_cache(maxsize=None)
def _checked_shapes() -> Graph:
    return standalone_property_shapes(_shapes())


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
    conforms, results, _ = shacl_validate(
        g, shacl_graph=shapes if shapes is not None else _checked_shapes(), inference="none",
        abort_on_first=False, allow_warnings=True, advanced=False, meta_shacl=False)
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = _short(g, results.value(result, SH.focusNode))
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage) or "violates a shape"
        where = f"{focus} {_short(g, path)}" if path is not None else focus
        lines.append(" ".join(f"{where}: {message}".split()))
    return Report(conforms=bool(conforms), violations=tuple(sorted(set(lines))))


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


def _validate_into(g: Graph, shapes: Graph, conn) -> None:
    # Ctrl-C reaches the whole process group: the child ends quietly, the parent reports
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    conn.send(validate_graph(g, shapes=shapes))
    conn.close()


def start_validation(g: Graph, *, jobs: int = 2) -> Callable[[], Report]:
    """Validate ``g`` on forked processes while the caller writes its files.

    pySHACL costs about a tenth of the parse. The shapes are split into ``jobs``
    groups, each checked by its own process beside the writing; the reports are
    joined. Returns a function that waits for the report. Where processes cannot be
    forked, or a child dies, the graph is validated in this process instead.
    """
    if "fork" not in mp.get_all_start_methods():
        report = validate_graph(g)
        return lambda: report
    ctx = mp.get_context("fork")
    children = []
    # Ctrl-C waits while the children are forked: Python drops a KeyboardInterrupt raised
    # in its at-fork hooks, in the parent and in the child alike
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for shapes in shape_groups(jobs):
            receive, send = ctx.Pipe(duplex=False)
            child = ctx.Process(target=_validate_into, args=(g, shapes, send), daemon=True)
            child.start()
            send.close()
            children.append((child, receive))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    def wait() -> Report:
        reports = []
        try:
            for child, receive in children:
                reports.append(receive.recv())
        except EOFError:  # a child died without a report
            return validate_graph(g)
        except BaseException:  # interrupted: the children's work is not wanted any more
            for child, _ in children:
                child.terminate()
            raise
        finally:
            for child, receive in children:
                child.join()
                receive.close()
        return Report(conforms=all(r.conforms for r in reports),
                      violations=tuple(sorted({v for r in reports for v in r.violations})))
    return wait
