"""SPARQL over a written graph, in Oxigraph.

The graph file is loaded into an in-memory :class:`pyoxigraph.Store`; Oxigraph's strict
parser doubles as a check that what kgbuilder wrote is valid RDF.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.prefixes import QUERY

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
            ".jsonld": ox.RdfFormat.JSON_LD}


class QueryError(ValueError):
    """A graph that cannot be loaded or a query that cannot be run."""


@dataclass(frozen=True)
class Table:
    """The answer of a query: variables and rows of plain strings (None when unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def load_store(path: Path | str) -> ox.Store:
    """Load a graph file into a new in-memory Oxigraph store."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown graph format {path.suffix!r}; expected one of "
                         + ", ".join(sorted(_FORMATS)))
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"{path}: cannot load graph ({err})") from err
    return store


def prefix_map() -> dict[str, str]:
    """Every prefix a built graph is written with, plus rdf, rdfs, xsd: predeclared in
    queries (passed to the parser, so the user's line numbers stay the user's).

    >>> prefix_map()["kgo"]
    'https://w3id.org/kgbuilder/resource/org/'
    """
    return dict(QUERY)


def sparql_prefixes() -> str:
    """The predeclared prefixes as PREFIX lines.

    >>> "PREFIX kgo: <https://w3id.org/kgbuilder/resource/org/>" in sparql_prefixes()
    True
    """
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in QUERY.items())


def _term(term) -> str | None:
    if term is None:
        return None
    return term.value if hasattr(term, "value") else str(term)


def run_query(store: ox.Store, sparql: str) -> Table:
    """Run a SELECT or ASK query and return its answer as a :class:`Table`."""
    from graph.sparql_guard import syntax_message

    try:
        result = store.query(sparql, use_default_graph_as_union=True, prefixes=prefix_map())
    except SyntaxError as err:
        raise QueryError(syntax_message(err)) from None
    if isinstance(result, ox.QueryBoolean):
        return Table(("ask",), ((str(bool(result)).lower(),),))
    if isinstance(result, ox.QuerySolutions):
        cols = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_term(sol[c]) for c in cols) for sol in result)
        return Table(cols, rows)
    triples = tuple((_term(t.subject), _term(t.predicate), _term(t.object)) for t in result)
    return Table(("subject", "predicate", "object"), triples)
