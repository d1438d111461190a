"""Which state a body's own name says it belongs to: "US State Department", "Russian
Foreign Ministry", "U.S. Department of the Treasury" (read by ``role-body-of-state``).
"""
from __future__ import annotations

from spacy.tokens import Token

from extractors.entities import EntityIndex, load_countries, name_key
from extractors.records import Mention
from extractors.relations.words import words


def generic_body_name(words_after: list[Token]) -> bool:
    """Whether a body's name after its country is a state body's generic name ("Foreign
    Ministry", "Ministry of Defense", "Security Forces"), not a proper one ("Democratic
    Forces", "Central News Agency")."""
    generic = (words("portfolio_words") | words("state_body_nouns") | words("institution_nouns")) \
        - words("facility_nouns")   # "the Iranian Embassy" is a place, no member
    # capitalised, as a body's name is ("American service members" names no body)
    return bool(words_after) and all(t.lower_ in {"of", "the"} or
                                     (t.lower_ in generic and t.text[:1].isupper())
                                     for t in words_after)


def country_named(tok: Token, index: EntityIndex, inside: Mention) -> Mention | None:
    """The country another entity of the document names by this word, if any.

    The country's name or its capitalised abbreviation counts ("US", "Iran") where the
    document uses it as a place or before a state body's generic name ("U.S. Department of
    the Treasury"); a nationality counts only before a generic name ("Russian Foreign
    Ministry", "Iraqi Security Forces"), not in a proper one ("Syrian Democratic Forces").
    """
    key = name_key(tok.text)
    abbreviation = tok.text.replace(".", "").isupper()
    demonym_of = load_countries().demonym(tok.text)
    span = tok.doc.char_span(inside.start, inside.end, alignment_mode="expand")
    generic = span is not None and generic_body_name([t for t in span if t.i > tok.i])
    for ent in index.entities.values():
        if ent.key == inside.entity or ent.cls != "Country":
            continue
        if demonym_of == ent.name:
            if generic:
                return Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                               entity=ent.key)
            return None
        aliases = {name_key(a) for a in ent.aliases} if abbreviation else set()
        if key == name_key(ent.name) or key in aliases:
            # the word must be used elsewhere as a place name, not as a nationality ("Iraqi"),
            # or open a state body's generic name ("U.S. Department of the Treasury")
            if generic or any(t.ent_type_ == "GPE" and name_key(t.text) == key for t in tok.doc):
                return Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                               entity=ent.key)
            return None
    return None
