"""The export formats: one closed set, parsed from the command line, written by family."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path

from rdflib import Graph

from exports.gexf import write_gexf
from exports.graphml import write_graphml
from exports.html import write_view
from exports.jsonld import write_jsonld
from exports.ntriples import write_ntriples
from exports.quads import write_nquads, write_trig
from exports.turtle import write_turtle


class Format(str, Enum):
    """A file format kgbuilder writes; the value is the file's suffix (``graph.<value>``)."""

    TURTLE = "ttl"
    NTRIPLES = "nt"
    TRIG = "trig"
    NQUADS = "nq"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    GEXF = "gexf"
    HTML = "html"

    @property
    def filename(self) -> str:
        return f"graph.{self.value}"


#: Other names users type for the formats.
ALIASES = {"turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "nquads": "nq",
           "n-quads": "nq", "json-ld": "jsonld"}

_WRITERS: dict[Format, Callable[[Graph, Path], Path]] = {
    Format.TURTLE: write_turtle,
    Format.NTRIPLES: write_ntriples,
    Format.TRIG: write_trig,
    Format.NQUADS: write_nquads,
    Format.JSONLD: write_jsonld,
    Format.GRAPHML: write_graphml,
    Format.GEXF: write_gexf,
    Format.HTML: write_view,
}


class UnknownFormatError(ValueError):
    """A format name that is not one of :class:`Format`."""


def parse_formats(values: Iterable[str]) -> list[Format]:
    """Formats from option values, each one name or several separated by commas.

    >>> [f.value for f in parse_formats(["ttl,nq", "trig", "ttl"])]
    ['ttl', 'nq', 'trig']
    >>> parse_formats(["xml"])
    Traceback (most recent call last):
    ...
    exports.formats.UnknownFormatError: unknown format 'xml'; choose from ttl, nt, trig, nq, jsonld, graphml, gexf, html
    """
    out: list[Format] = []
    for value in values:
        for name in filter(None, (part.strip().lower() for part in value.split(","))):
            try:
                fmt = Format(ALIASES.get(name, name))
            except ValueError:
                raise UnknownFormatError(
                    f"unknown format {name!r}; choose from "
                    + ", ".join(f.value for f in Format)) from None
            if fmt not in out:
                out.append(fmt)
    return out


def write_format(g: Graph, fmt: Format, outdir: Path | str) -> Path:
    """Write ``g`` to ``outdir/graph.<suffix>`` in one format and return the path."""
    return _WRITERS[fmt](g, Path(outdir) / fmt.filename)
