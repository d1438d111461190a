"""Which entity a noun phrase names, and the other small questions of the rules without verbs.

The rules in :mod:`extractors.relations.roles`, :mod:`extractors.relations.locations` and
:mod:`extractors.relations.modifiers` read relations off noun phrases ("Hamas leader Yahya
Sinwar", "Mosul, Iraq", "Iranian-backed militia"). They need the same small
questions answered: which entity a token names, what class it has, which names a
phrase coordinates, and the plain record of a sentence.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.records import Fact, Factuality, Mention
from extractors.relations.factuality import factuality
from extractors.relations.words import words
from ontology.classes import subclasses_of

if TYPE_CHECKING:
    from extractors.relations.context import SentenceView

# class groups read from rdfs:subClassOf in the ontology (read once, cached)
# things that can hold a post or contain a member: actors that are not people
ORG_CLASSES = subclasses_of("Actor") - subclasses_of("Person") - {"Actor"}
# things that can contain something else
PLACE_CLASSES = subclasses_of("Place")
# things that can be located somewhere: organisations and places
LOCATABLE_CLASSES = subclasses_of("Organization") | subclasses_of("Place")


def is_body(mention: Mention | None, index: EntityIndex) -> bool:
    """Whether a mention names a government body or armed group ("Iran's Quds Force").

    The entity's class decides, and the head word too when the class is the generic
    Organization, so a state force is a member of its state, not located in it.
    """
    if mention is None:
        return False
    cls = entity_class(mention, index)
    if cls in {"GovernmentBody", "ArmedGroup"}:
        return True
    heads = mention.text.lower().split()
    # head words of bodies that belong to a state or a movement rather than sit in a place
    return cls == "Organization" and bool(heads) and heads[-1] in \
        words("force_nouns") | words("state_institution_nouns")


def entity_class(mention: Mention, index: EntityIndex) -> str:
    """The ontology class of the entity a mention belongs to."""
    return index.entity(mention).cls


def is_class(mention: Mention | None, index: EntityIndex, classes: set[str]) -> bool:
    """Whether a mention exists and its entity has one of ``classes``."""
    return mention is not None and entity_class(mention, index) in classes


def mention_head(tok: Token, index: EntityIndex) -> Mention | None:
    """The mention ``tok`` names, only when ``tok`` is the syntactic head of that mention.

    "Tom" in "Tom Bowman" is inside the mention but not its head; rules that start from
    a head token use this so one mention is read once.
    """
    mention = index.mention_at(tok)
    if mention is None:
        return None
    head = tok.head
    if head.i != tok.i and index.mention_at(head) == mention:
        return None
    return mention


def names_of(tok: Token, index: EntityIndex, *, modifier: bool = False) -> list[Mention]:
    """The mentions a noun token and its conjuncts name ("Syria and Iraq").

    With ``modifier``, a common noun stands for the name that modifies it ("Iraq's
    security forces", "U.S. troops").
    """
    out: list[Mention] = []
    for t in [tok, *tok.conjuncts]:
        m = index.mention_at(t)
        if m is None and modifier and t.pos_ in {"NOUN", "PROPN"}:
            m = next((index.mention_at(c) for c in t.children
                      if c.dep_ in {"compound", "poss", "amod", "nmod"}
                      and index.mention_at(c) is not None), None)
        if m is not None and m not in out:
            out.append(m)
    return out


def asserts(verb: Token) -> bool:
    """Whether a clause asserts what its verb says (:func:`factuality` is asserted).

    Rules that read a fact off a clause ("X is based in Y", "X became head of Y") keep it
    only when this holds; noun phrases assert their facts whatever the verb around them.
    """
    return factuality(verb, verb.sent) is Factuality.ASSERTED


def fact(subject: Mention, relation: str, obj: Mention, sentence: "SentenceView", rule: str,
         *, frame=None) -> Iterator[Fact]:
    """One fact, unless both ends are the same entity: asserted, or with the factuality and
    reporter of the verb ``frame`` it was read from."""
    if subject.entity != obj.entity:
        yield Fact(subject=subject, relation=relation, object=obj, sentence=sentence.record(),
                   rule=rule,
                   factuality=frame.factuality if frame is not None else Factuality.ASSERTED,
                   reported_by=frame.reported_by if frame is not None else None)


def is_city(mention: Mention | None, index: EntityIndex, doc) -> bool:
    """Whether a mention is a city both by its entity's class and by the parser's place label.

    A town's office heads no body ("the governor of Sidon"), and one works in a city, not
    for it. Class and label must agree, and an acronym ("IRGC") is a body's name, as a
    misread class would otherwise drop a real body.
    """
    if not is_class(mention, index, {"City"}) or mention.text.isupper():
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].ent_type_ in {"GPE", "LOC"}
