"""Turtle export."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph


def to_turtle(g: Graph) -> str:
    """Serialise ``g`` as Turtle, with the prefixes bound on it."""
    return g.serialize(format="turtle")


def write_turtle(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as Turtle to ``path`` and return the path."""
    path = Path(path)
    path.write_text(to_turtle(g), encoding="utf-8")
    return path
