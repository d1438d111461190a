"""Acronyms and short names a document defines in brackets: "Kataib Hezbollah (KH)",
"KH (Kataib Hezbollah)", "Los Lobos Drug Trafficking Organization (Los Lobos)".

Only the definition is read here; matching an acronym to a long name by its initials is
:func:`extractors.entities.names.acronym_of`.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from extractors.entities.names import acronym_of, is_acronym, name_key

_OPEN, _CLOSE = {"(", "["}, {")", "]"}


def _bracketed(doc: Doc, start: int) -> str | None:
    """The text between the bracket at ``start`` and its closing bracket, if short."""
    if start >= len(doc) or doc[start].text not in _OPEN:
        return None
    for end in range(start + 1, min(start + 8, len(doc))):
        if doc[end].text in _CLOSE:
            return doc[start + 1:end].text.strip() or None
    return None


def bracket_definitions(doc: Doc) -> Iterator[tuple[str, str]]:
    """Pairs (long name, acronym) that the text defines with brackets.

    The long name is a named entity right before the bracket and the bracket holds an
    acronym, or the other way round.
    """
    for ent in doc.ents:
        inside = _bracketed(doc, ent.end)
        if inside is None:
            continue
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        if is_acronym(inside) and not is_acronym(name) and _may_abbreviate(inside, name):
            yield name, inside
        elif is_acronym(name) and not is_acronym(inside) and _may_abbreviate(name, inside):
            yield inside, name
        elif _short_form(inside, name):
            yield name, inside


def _short_form(short: str, name: str) -> bool:
    """Whether a bracketed name is the long name's first or last words, capitalised: the
    short form the text goes on to use ("Los Lobos Drug Trafficking Organization (Los
    Lobos)", "Wilmer Geovanny Chavarria Barre (Chavarria Barre)").

    >>> _short_form("Red Hand", "Red Hand Defence Force"), _short_form("Force", "Red Force")
    (True, False)
    """
    words, long_words = short.split(), name.split()
    if not 2 <= len(words) < len(long_words) or not all(w[:1].isupper() for w in words):
        return False
    return words in (long_words[:len(words)], long_words[-len(words):])


def _may_abbreviate(acronym: str, name: str) -> bool:
    """Whether a bracketed acronym can stand for the name beside it: its initials, or (for
    acronyms of another language, "PKK (Kurdistan Workers' Party)") any long name of
    several words. A one-word name is no definition: "TUCSON, Ariz. (AP)" is a dateline.

    >>> _may_abbreviate("AP", "Ariz."), _may_abbreviate("KH", "Kataib Hezbollah")
    (False, True)
    """
    if acronym_of(acronym, name):
        return True
    return len(name_key(name).split()) > 1
