"""N-Triples export: one triple a line, no prefixes, for line-oriented tools."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from exports.files import write_text


def to_ntriples(g: Graph) -> str:
    """Serialise ``g`` as N-Triples, lines sorted so that equal graphs give equal files.

    Lines are split on ``\\n`` only: ``str.splitlines`` would also split inside literals
    at U+001C..U+001E, U+0085, U+2028 and U+2029, which N-Triples leaves unescaped.
    """
    lines = g.serialize(format="nt11").split("\n")
    return "".join(f"{line}\n" for line in sorted(set(lines)) if line.strip())


def write_ntriples(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as N-Triples to ``path`` and return the path."""
    return write_text(path, to_ntriples(g))
