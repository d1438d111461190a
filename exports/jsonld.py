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
    """Serialise ``g`` as JSON-LD compacted with the published context.

    rdflib writes nodes in the order its store holds them, and some in the order of a
    Python set, which changes with the interpreter's hash seed; the nodes are sorted by
    their ``@id`` and each property's values by their text, so equal graphs give equal
    files in any run.
    """
    text = _sorted_copy(g).serialize(format="json-ld", context=published_context(), auto_compact=True,
                                     ensure_ascii=False, indent=2)
    return json.dumps(_ordered(json.loads(text)), ensure_ascii=False, indent=2)


def _key(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _ordered(doc):
    """The same JSON-LD with the nodes of ``@graph`` and the values of each property sorted
    (both are sets in JSON-LD; an ``@list`` keeps its order)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("@graph"), list):
        return doc
    nodes = []
    for node in doc["@graph"]:
        if isinstance(node, dict):
            node = {k: sorted(v, key=_key) if isinstance(v, list) and k != "@list" else v
                    for k, v in node.items()}
        nodes.append(node)
    return {**doc, "@graph": sorted(nodes, key=lambda n: n.get("@id", "") + _key(n)
                                    if isinstance(n, dict) else _key(n))}


def write_jsonld(g: Graph, path: Path | str) -> Path:
    """Write ``g`` as JSON-LD to ``path`` and return the path."""
    return write_text(path, to_jsonld(g))


def _sorted_copy(g: Graph) -> Graph:
    ordered = Graph()
    for prefix, ns in g.namespaces():
        ordered.bind(prefix, ns, override=True, replace=True)
    for triple in sorted(g, key=lambda t: tuple(str(x) for x in t)):
        ordered.add(triple)
    return ordered
