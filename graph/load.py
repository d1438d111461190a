"""Reading a graph file kgbuilder wrote, in any of its RDF formats, back into rdflib."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from graph.build import bind_prefixes

#: File suffix -> rdflib parser; TriG and N-Quads are read as datasets and merged.
PARSERS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


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
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many types; all mean "not valid RDF"
        reason = " ".join(str(err).split())[:200] or type(err).__name__
        raise GraphFileError(f"{path}: not a valid {fmt} graph ({reason})") from None
    return g


def read_store(path: Path | str) -> Graph:
    """The graph a store holds (the union of its graphs), from its newest snapshot.

    Raises:
        graph.store.StoreError: no store at ``path`` or nothing built into it yet.
    """
    from graph.store import dump_graphs, open_reader

    g = bind_prefixes(Graph())
    g.parse(data=dump_graphs(open_reader(path)), format="nt")
    return g
