"""The export formats: one closed set, parsed from the command line, written by family."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path

from rdflib import Graph

from exports.files import write_text
from exports.gexf import to_gexf
from exports.graphml import to_graphml
from exports.html import to_html
from exports.jsonld import to_jsonld
from exports.ntriples import to_ntriples
from exports.quads import to_nquads, to_trig
from exports.turtle import to_turtle


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

_TEXTS: dict[Format, Callable[[Graph], str]] = {
    Format.TURTLE: to_turtle,
    Format.NTRIPLES: to_ntriples,
    Format.TRIG: to_trig,
    Format.NQUADS: to_nquads,
    Format.JSONLD: to_jsonld,
    Format.GRAPHML: to_graphml,
    Format.GEXF: to_gexf,
    Format.HTML: to_html,
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


def format_text(g: Graph, fmt: Format) -> str:
    """``g`` in one format, as the file :func:`write_format` writes holds it."""
    return _TEXTS[fmt](g)


def write_format(g: Graph, fmt: Format, outdir: Path | str) -> Path:
    """Write ``g`` to ``outdir/graph.<suffix>`` in one format and return the path."""
    return write_text(Path(outdir) / fmt.filename, format_text(g, fmt))
