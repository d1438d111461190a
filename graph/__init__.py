"""Graph: plain records to RDF under the kgbuilder ontology. spaCy-free.

The names below are imported when first used (PEP 562), so that a module of the
package that needs no rdflib (``kgbuilder query`` on a store, the endpoint's workers)
does not pay for importing it.
"""
from importlib import import_module

_HOMES = {"bind_prefixes": "graph.build", "build_graph": "graph.build",
          "document_iri": "graph.iris", "entity_iri": "graph.iris", "slugify": "graph.iris"}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
