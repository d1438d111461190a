"""Extractors: text in, plain records out. Depends on spaCy only.

The records (:mod:`extractors.records`) import without spaCy, so downstream packages
can use them; the spaCy parts load when first used.
"""
from importlib import import_module

from extractors.records import (DocumentRecord, Entity, Fact, Factuality, Mention, Sentence,
                                TextInput)

_LAZY = {"DEFAULT_MODEL": "extractors.text.model", "ModelNotFoundError": "extractors.text.model",
         "load_nlp": "extractors.text.model", "extract": "extractors.pipeline"}

__all__ = ["DEFAULT_MODEL", "ModelNotFoundError", "load_nlp", "TextInput", "extract",
           "DocumentRecord", "Entity", "Fact", "Factuality", "Mention", "Sentence"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")
