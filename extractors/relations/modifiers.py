"""Modifiers that state relations: "Iranian-backed militia", "the US-led coalition".

A hyphenated participle ("-backed", "-led", "-linked"), its reduced-relative form
("a militia backed by Iran", "groups linked to Iran") and "pro-" ("the pro-Iranian
Houthis") relate the name in the modifier to the thing modified, when that
thing is named or resolves to a name. The participles and their relations come from
the ontology's ``kgb:modifierCue`` (``cues.modifiers``).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.entities import load_countries, name_key
from extractors.relations.phrase_mentions import fact, is_class
from extractors.records import Fact, Mention
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.registry import Stage, rule
from ontology.classes import subclasses_of
from ontology.terms import REL

# classes that can be backed, led or linked
_CLIENTS = subclasses_of("Organization") | subclasses_of("Person")


def _named(tok: Token, index: EntityIndex, inside: Mention | None) -> Mention | None:
    """The entity a modifier word names, even when the name it modifies swallowed it.

    In "Iranian-backed Hezbollah" the model may tag the whole phrase; the word
    "Iranian" then names another entity of the document only through its name.
    """
    mention = index.mention_at(tok)
    if mention is not None and mention != inside:
        return mention
    key = name_key(tok.text)
    country = load_countries().any(tok.text)   # "U.S." for the document's "United States"
    for ent in index.entities.values():
        if key and key in {name_key(n) for n in (ent.name, *ent.aliases)} or \
                country is not None and ent.cls == "Country" and ent.name == country:
            if inside is None or ent.key != inside.entity:
                return Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                               entity=ent.key)
    return None


def _modified(noun: Token, index: EntityIndex) -> list[Mention]:
    """The names a modified noun stands for.

    The noun itself when it is (part of) a name; the name it is in apposition to ("Hamas,
    an Iranian-backed group"); the names coordinated before "other" ("Hamas and other
    Iranian-backed groups" says Hamas is one).
    """
    mention = index.mention_at(noun)
    if mention is not None:
        # a capitalised common noun opening a sentence is no name ("Groups linked to"); a
        # common noun the index resolves to a name is ("the militia")
        misread = noun.pos_ != "PROPN" and noun.i == noun.sent.start and noun.is_title \
            and mention.text == noun.text
        return [] if misread else [mention]
    # apposition: "the Houthis, an Iranian-backed militia"
    if noun.dep_ == "appos" and index.mention_at(noun.head) is not None:
        return [index.mention_at(noun.head)]
    # "A, B and other X-backed groups": A and B are such groups
    if any(c.lower_ == "other" for c in noun.children) and noun.dep_ == "conj":
        first = noun.head
        while first.dep_ == "conj":
            first = first.head
        out = []
        for t in [first, *first.conjuncts]:
            m = index.mention_at(t)
            if m is not None and t.i != noun.i and m not in out:
                out.append(m)
        return out
    return []


def _own_subject(noun: Token, client: Mention, index: EntityIndex) -> bool:
    """Whether a described object stands for the subject of its own verb, which it cannot.

    "The union accused the Russian-backed group": a group resolved to the union is misread.
    """
    if noun.dep_ not in {"dobj", "obj", "pobj"} or noun.pos_ != "NOUN":
        return False
    verb = noun.head if noun.dep_ != "pobj" else noun.head.head
    return any(index.mention_at(s) is not None and index.mention_at(s).entity == client.entity
               for s in verb.children if s.dep_ == "nsubj")


@rule("modifier-hyphen", stage=Stage.PHRASE)
def hyphen_modifiers(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A name joined by hyphen to a participle: "Iranian-backed militia", "US-led coalition"."""
    sent, index, cues, sentence = view.sent, ctx.index, ctx.cues, view
    doc = sent.doc
    for tok in sentence.tokens:
        relation = cues.modifiers.get(tok.lower_)
        if relation is None or tok.i < sent.start + 2 or doc[tok.i - 1].text != "-":
            continue
        noun = tok.head if tok.dep_ in {"amod", "compound", "nmod"} else None
        if noun is None or noun.i == tok.i:
            # the participle may head a compound with the noun ("Saudi-led Coalition")
            noun = next((t for t in doc[tok.i + 1:min(tok.i + 4, sent.end)]
                         if t.pos_ in {"NOUN", "PROPN"}), None)
            if noun is None:
                continue
        clients = _modified(noun, index)
        patron = _named(doc[tok.i - 2], index, clients[0] if len(clients) == 1 else None)
        if patron is None:
            continue
        for client in clients:
            if _own_subject(noun, client, index):
                continue  # "the union accused the Russian-backed group": not the union
            # a person is the client only right after the modifier ("Iran-backed cleric X"
            # is rare; "the Saudi-led coalition Col. X" is a title before a name)
            if is_class(client, index, {"Person"}) and client.start > tok.idx + len(tok.text) + 1:
                continue
            if is_class(client, index, _CLIENTS):
                yield from fact(patron, relation, client, sentence, "modifier-hyphen")


@rule("modifier-pro", stage=Stage.PHRASE)
def pro_modifiers(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A "pro-" modifier: "the pro-Iranian Houthis" supports Iran."""
    sent, index, sentence = view.sent, ctx.index, view
    doc = sent.doc
    for tok in sentence.tokens:
        if tok.lower_ != "pro" or tok.i + 2 >= sent.end or doc[tok.i + 1].text != "-":
            continue
        target = doc[tok.i + 2]
        noun = target.head if target.head.i != target.i else None
        while noun is not None and noun.i <= target.i and noun.head.i != noun.i:
            noun = noun.head
        if noun is None or noun.i <= target.i:
            continue
        clients = [c for c in _modified(noun, index) if is_class(c, index, _CLIENTS - {"Person"})]
        supported = _named(target, index, clients[0] if len(clients) == 1 else None)
        if supported is None:
            continue
        for client in clients:
            yield from fact(client, REL.supported, supported, sentence, "modifier-pro")


