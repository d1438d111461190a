"""Entities: spaCy's names repaired, grouped into document entities, classed, and the
references (pronouns, descriptions) that point at them.

The names the relation rules use are re-exported here, loaded on first use, so that
``import extractors.entities.names`` (spaCy-free, used by the graph) does not load spaCy.
"""
from importlib import import_module

_LAZY = {
    "EntityIndex": "extractors.entities.entities",
    "index_entities": "extractors.entities.entities",
    "References": "extractors.entities.coref",
    "resolve_references": "extractors.entities.coref",
    "classify": "extractors.entities.entity_classes",
    "clean_name": "extractors.entities.name_shapes",
    "load_countries": "extractors.entities.countries",
    "name_key": "extractors.entities.names",
    "fold": "extractors.entities.names",
    "strip_titles": "extractors.entities.names",
    "is_acronym": "extractors.entities.names",
    "variant_of": "extractors.entities.names",
    "same_person": "extractors.entities.names",
    "surname_of": "extractors.entities.names",
    "titles": "extractors.entities.names",
    "UnionFind": "extractors.entities.unionfind",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extractors.entities' has no attribute {name!r}")
