"""JSON-LD export, compacted with the published context ``ontology/context.jsonld``.

The context is written inline, so the file is read without fetching anything; it is
the same object as the shipped ``context.jsonld``, which others may reference.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from exports.files import write_text
from ontology.terms import ontology_text

CONTEXT_FILE = "context.jsonld"


@lru_cache(maxsize=None)
def _context_text() -> str:
    return ontology_text(CONTEXT_FILE)


def published_context() -> dict:
    """The JSON-LD context shipped in the ontology package (a fresh copy).

    >>> published_context()["kgb"]
    'https://w3id.org/kgbuilder/ontology#'
    """
    return json.loads(_context_text())["@context"]


def to_jsonld(g: Graph) -> str:
    """Serialise ``g`` as JSON-LD compacted with the published context."""
    return g.serialize(format="json-ld", context=published_context(), auto_compact=True,
                       ensure_ascii=False, indent=2)


def write_jsonld(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as JSON-LD to ``path`` and return the path."""
    return write_text(path, to_jsonld(g))
