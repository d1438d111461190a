"""Validation of a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL runs in place, with no inference and no ontology mixed in (which would copy the
data graph): the shapes need only what a build writes. Each violation becomes one line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from ontology import load_ontology


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


def validate_graph(g: Graph) -> Report:
    """Validate ``g`` against the shapes; a report with one readable line per violation.

    >>> validate_graph(Graph()).conforms
    True
    """
    conforms, results, _ = shacl_validate(
        g, shacl_graph=_shapes(), inference="none",
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
