"""Reading a title noun: the relation it states, and whether it heads the whole body.

"Prime Minister" heads a state, "deputy head" does not; "an al-Shabaab commander" is one
of several (a member); "director of operations for X" heads a field of X, not X; a mayor
or governor heads a town or region, other titles serve bodies, not places.
"""
from __future__ import annotations

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.relations.words import words
from ontology.terms import REL


def title_relation(tok: Token, titles: dict[str, str]) -> str | None:
    """The relation a title noun states, reading the words before it.

    "Prime Minister" is a leadership title although "minister" alone is not, and
    "deputy head" is a subordinate one although "head" is a leadership title.
    """
    word = tok.lower_ if tok.lower_ in titles else tok.lemma_.lower()
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    rel = None
    # a hyphenated title: "Secretary-General", "commander-in-chief"
    if prev is not None and prev.text == "-" and tok.i > 1:
        before = tok.doc[tok.i - 2]
        rel = titles.get(f"{before.lower_}-{word}")
        prev = before
    if rel is None and prev is not None:
        rel = titles.get(f"{prev.lower_} {word}") or titles.get(f"{prev.lower_}{word}")
    rel = rel or titles.get(word)
    if rel == REL.leaderOf and prev is not None and prev.lower_ in words("subordinate_title_words"):
        return REL.memberOf
    return rel


def heads_places(title: Token) -> bool:
    """Whether a title may head a town or region: "mayor of Mosul", "Kirkuk's governor"."""
    heads = words("place_head_titles")
    prev = title.doc[title.i - 1].lower_ if title.i > 0 else ""
    return title.lower_ in heads or title.lemma_.lower() in heads or f"{prev} {title.lower_}" in heads


def chief_of_field(title: Token, index: EntityIndex) -> bool:
    """Whether a leader title heads an unnamed field, not the body: "director of operations
    for X", "head of procurement at X" (a department chief, so a member of X)."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN"} and index.mention_at(p) is None
        and not any(d.dep_ == "poss" for d in p.children) for p in c.children)
        for c in title.children)


def indefinite(title: Token) -> bool:
    """Whether a title is one of several: "a leader of X", "an X commander" (a member)."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in title.children)
