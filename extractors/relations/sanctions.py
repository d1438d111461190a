"""Sanctions language: designations made under a legal authority, support named as a purpose.

"OFAC designated X pursuant to Executive Order 14059" sanctions X even without a
terrorist label, as does any designation in a text about sanctions; "X provides
services for Y in support of Z's efforts" says X supported Z.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from extractors.records import Fact
from extractors.relations.arguments import argument_mentions
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.registry import Stage, rule
from extractors.relations.verb_frames import verb_frames
from extractors.relations.verbs import frame_facts
from extractors.relations.words import words
from ontology.terms import REL


def _legal_basis(verb: Token) -> bool:
    """Whether a verb names the authority it acts under: "designated X pursuant to E.O. 1"."""
    return any(t.lower_ in words("legal_basis_words") and _clause_verb(t).i == verb.i
               for t in verb.subtree)


def _clause_verb(tok: Token) -> Token:
    """The nearest verb above a token (the token's own clause)."""
    t = tok.head
    while t.pos_ not in {"VERB", "AUX"} and t.head is not t:
        t = t.head
    return t


def _designee(tok: Token) -> Token:
    """The object of a designation, also when the parse hangs it under "pursuant"."""
    if tok.lower_ in words("legal_basis_words"):
        return next((c for c in tok.children if c.dep_ == "compound"), tok)
    return tok


def _about_sanctions(doc: Doc, ctx: DocContext) -> bool:
    """Whether the document speaks of sanctions (a sanctions noun or verb besides designating)."""
    key = "kgb_about_sanctions"
    if key not in doc.user_data:
        nouns, verbs = ctx.cues.nouns, ctx.cues.verbs
        designating = words("designation_verbs")
        doc.user_data[key] = any(
            (t.pos_ == "NOUN" and nouns.get(t.lemma_.lower()) == REL.sanctioned and
             not t.lemma_.lower().startswith(tuple(designating))) or
            (t.pos_ == "VERB" and verbs.get(t.lemma_.lower()) == REL.sanctioned and
             t.lemma_.lower() not in designating)
            for t in doc)
    return doc.user_data[key]


@rule("verb-designation", stage=Stage.VERB)
def designation(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A designation under a legal authority, or in a text about sanctions, is a sanction.

    "OFAC designated Los Alamos Cartel pursuant to E.O. 14059" -> OFAC sanctioned it.
    """
    for frame in verb_frames(view, ctx):
        # designate/list (no terrorist label) -> dobj | nsubjpass with a by-agent
        if frame.verb.lemma_.lower() not in words("designation_verbs"):
            continue
        if not (_legal_basis(frame.verb) or _about_sanctions(view.sent.doc, ctx)):
            continue
        paths = ("passive-subject", "co-argument") if frame.passive else ("object", "co-argument")
        cands = [replace(c, token=_designee(c.token), relation=REL.sanctioned, is_open=False)
                 for c in frame.candidates
                 if c.path in paths and (c.relation is None or c.is_open)]
        yield from frame_facts(view, ctx, frame, cands, "verb-designation")


@rule("clause-in-support-of", stage=Stage.VERB)
def in_support_of(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A purpose phrase "in support of X" says the clause's subject supported X.

    "The militia guards mines for the cartel in support of its trafficking" (possessive
    owners count: "in support of Hamas's war effort" gives Hamas).
    """
    index = ctx.index
    for frame in verb_frames(view, ctx):
        if frame.passive:
            continue
        # VERB -> prep in -> pobj support -> prep of -> pobj X (or X's noun)
        for prep in frame.verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or ctx.cues.nouns.get(noun.lemma_.lower()) != REL.supported:
                    continue
                for of in noun.children:
                    if of.dep_ != "prep" or of.lower_ != "of":
                        continue
                    for pobj in (p for p in of.children if p.dep_ == "pobj"):
                        for obj in argument_mentions(pobj, index):
                            for subj in frame.subjects:
                                if subj.entity != obj.entity:
                                    yield Fact(subject=subj, relation=REL.supported, object=obj,
                                               sentence=view.record(), rule="clause-in-support-of",
                                               factuality=frame.factuality,
                                               reported_by=frame.reported_by)
