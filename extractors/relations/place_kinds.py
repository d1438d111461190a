"""Places named by their kind and organisations described by a nationality: locatedIn.

"Somalia's Gedo region", "Nigeria's capital Abuja", "the Mopti Region of Mali" (a place
and the country it lies in); "Huione Group, a Cambodian financial institution", "the
Somali group al-Shabab" (an organisation and the country it is of).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.records import Fact, Mention
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.locations import (is_place, locatable, mention_starting, not_people,
                                            tokens_of)
from extractors.relations.phrase_mentions import fact, is_class, mention_head
from extractors.relations.registry import Stage, rule
from extractors.relations.words import words
from ontology.classes import subclasses_of
from ontology.terms import REL


@rule("location-possessive-kind", stage=Stage.PHRASE)
def possessive_kinds(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A place named with its country's possessive and its kind: "Somalia's Gedo region",
    "Ethiopia's Ebole district", "Nigeria's capital Abuja", "Anjouan's capital, Mutsamudu".

    The kind noun is not part of a name (the name's own possessive is
    ``location-possessive``); the place is a name that modifies the kind noun, or the name
    right after it (through one comma).
    """
    sent, index, sentence = view.sent, ctx.index, view
    doc = sent.doc
    kinds = words("place_nouns")
    for tok in sentence.tokens:
        if tok.lower_ not in kinds or tok.tag_ == "NNS" or index.mention_at(tok) is not None:
            continue
        owners = [index.mention_at(c) for c in tok.children if c.dep_ == "poss"]
        owners = [o for o in owners if is_place(o, index)]
        if not owners:
            continue
        places = [index.mention_at(c) for c in tok.children if c.dep_ in {"compound", "nmod"}]
        k = tok.i + 1
        if k < sent.end and doc[k].text == ",":
            k += 1
        places.append(mention_starting(doc, k, sent, index))
        for place in places:
            if not locatable(place, index) or is_class(place, index, {"Person", "Country"}):
                continue
            for owner in owners:
                yield from fact(place, REL.locatedIn, owner, sentence, "location-possessive-kind")


@rule("location-region-of", stage=Stage.PHRASE)
def region_of_country(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A region whose name ends in its kind, of a country: "the Mopti Region of Mali",
    "the Diffa Region of Niger", "the Balkh province of Afghanistan"."""
    sent, index, sentence = view.sent, ctx.index, view
    doc = sent.doc
    kinds = words("place_nouns") - {"capital", "city", "town", "village"}
    for tok in sentence.tokens:
        region = index.mention_at(tok)
        if region is None or tokens_of(region, doc)[1] != tok.i or not is_place(region, index):
            continue
        # the kind word ends the name, or follows it: "the Mopti Region", "the Balkh province"
        last = tok.i
        if tok.lower_ not in kinds:
            if tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ not in kinds \
                    or index.mention_at(doc[tok.i + 1]) is not None:
                continue
            last = tok.i + 1
        if last + 2 >= sent.end or doc[last + 1].lower_ != "of":
            continue
        country = mention_starting(doc, last + 2, sent, index)
        if is_class(country, index, {"Country"}) and not_people(country, index):
            yield from fact(region, REL.locatedIn, country, sentence, "location-region-of")


def _demonym_country(noun: Token, index: EntityIndex) -> Mention | None:
    """The country a nationality adjective on ``noun`` names: "a Cambodian financial institution".

    Only a bare adjective counts: "an Iranian-backed militia" is backed by Iran, not in it.
    """
    doc = noun.doc
    for child in noun.children:
        if child.dep_ != "amod" or child.i + 1 >= len(doc) or doc[child.i + 1].text == "-" \
                or doc[child.i - 1].text == "-":
            continue
        m = index.mention_at(child)
        if is_class(m, index, {"Country"}):
            return m
    return None


@rule("location-demonym-description", stage=Stage.PHRASE)
def demonym_descriptions(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An organisation described by its nationality in apposition: "Huione Group, a Cambodian
    financial institution", "the Somali group al-Shabab", "Los Choneros, an Ecuadorian gang"."""
    index, sentence = ctx.index, view
    kinds = words("organisation_kind_nouns")
    for tok in sentence.tokens:
        if tok.lemma_.lower() not in kinds or index.mention_at(tok) is not None:
            continue
        country = _demonym_country(tok, index)
        if country is None:
            continue
        if tok.dep_ == "appos":
            things = [mention_head(tok.head, index)]
        else:
            things = [mention_head(c, index) for c in tok.children if c.dep_ == "appos"]
        for thing in things:
            if is_class(thing, index, subclasses_of("Organization")) \
                    and not_people(thing, index):
                yield from fact(thing, REL.locatedIn, country, sentence,
                                "location-demonym-description")
