"""The word lists the relation rules read, from the lexicon the build passes in.

:func:`extractors.relations.reading.relation_facts` makes the lexicon it is given the
active one while it reads a document (:func:`using`); the rules and their syntax helpers
ask :func:`words` for a list by name. Outside a build the shipped lexicon is used.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from extractors.lexicon import Lexicon, load_lexicon

_ACTIVE: ContextVar[Lexicon | None] = ContextVar("kgb_lexicon", default=None)


def words(name: str) -> frozenset[str]:
    """The word list ``name`` of the active lexicon (a misspelt name raises).

    >>> "say" in words("speech_verbs")
    True
    """
    lexicon = _ACTIVE.get() or load_lexicon()
    found = lexicon.lists.get(name)  # asked for every token by some rules: no method call
    return found if found is not None else lexicon.words(name)


def table(name: str):
    """The table ``name`` of the active lexicon: key -> its values."""
    return (_ACTIVE.get() or load_lexicon()).table(name)


@contextmanager
def using(lexicon: Lexicon) -> Iterator[None]:
    """Make ``lexicon`` the one :func:`words` reads, for the duration of the block."""
    token = _ACTIVE.set(lexicon)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
