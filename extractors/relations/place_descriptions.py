"""Facts without verbs that place a name by describing it.

"Mogadishu, the capital of Somalia", "the northern Syrian town of Manbij", "the Acme
Trust Co. of Denver", and wire datelines ("TUCSON, Ariz. (AP)").
"""
from __future__ import annotations

from collections.abc import Iterator

from extractors.records import Fact, Mention
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.locations import (IN_PREPS, is_place, locatable, place_objects,
                                            tokens_of, with_region)
from extractors.relations.phrase_mentions import (PLACE_CLASSES, asserts, fact, is_class,
                                                  mention_head)
from extractors.relations.registry import Stage, rule
from extractors.relations.words import words
from ontology.terms import REL


@rule("location-appositive", stage=Stage.PHRASE)
def appositive_places(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A description in apposition that places a name: "Mogadishu, the capital of Somalia"."""
    sent, index, sentence = view.sent, ctx.index, view
    for tok in sentence.tokens:
        if tok.pos_ != "NOUN" or index.mention_at(tok) is not None:
            continue
        if tok.dep_ == "appos":
            thing = index.mention_at(tok.head)
        else:
            thing = next((index.mention_at(c) for c in tok.children if c.dep_ == "appos"), None)
        if not locatable(thing, index) or is_class(thing, index, {"Person"}):
            continue
        places: list[Mention] = []
        for child in tok.children:
            # "a Dubai shipping firm", "Somalia's capital"
            if child.dep_ in {"compound", "poss", "nmod"}:
                m = index.mention_at(child)
                if is_place(m, index) and m != thing:
                    places.append(m)
            # "a port town in the Red Sea", "the capital of Somalia"
            elif child.dep_ == "prep" and (child.lower_ in IN_PREPS or
                                           child.lower_ == "of" and tok.lower_ in words("place_parts")):
                places.extend(place_objects(child, index, sent))
            # "a group based in Gaza"
            elif child.dep_ == "acl" and child.lower_ in words("siting_participles") and asserts(child):
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in IN_PREPS):
                    places.extend(place_objects(prep, index, sent))
        for place in places:
            yield from fact(thing, REL.locatedIn, place, sentence, "location-appositive")




@rule("location-kind-of", stage=Stage.PHRASE)
def kind_of_place(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A place named as a kind of place of a country: "the northern Syrian town of Manbij"."""
    index, sentence = ctx.index, view
    for tok in sentence.tokens:
        if tok.lemma_.lower() not in words("place_nouns") or index.mention_at(tok) is not None:
            continue
        # the country is an adjective or a name before the kind ("Syrian", "Gaza")
        containers = [index.mention_at(c) for c in tok.children
                      if c.dep_ in {"amod", "compound", "nmod", "poss"}]
        containers = [c for c in containers if is_class(c, index, PLACE_CLASSES - {"Facility"})]
        if not containers:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            # every member of a list: "the West Darfur villages of A, B and C"
            for pobj in (t for c in prep.children if c.dep_ == "pobj" for t in [c, *c.conjuncts]):
                place = index.mention_at(pobj)
                if not locatable(place, index) or is_class(place, index, {"Person"}):
                    continue
                for container in containers:
                    yield from fact(place, REL.locatedIn, container, sentence, "location-kind-of")


@rule("location-org-of", stage=Stage.PHRASE)
def organisation_of_place(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A company named with its town: "the Acme Trust Co. of Denver"."""
    sent, index, sentence = view.sent, ctx.index, view
    for tok in sentence.tokens:
        org = mention_head(tok, index)
        if not is_class(org, index, {"Organization"}):
            continue
        # an age in apposition marks a person the model took for a firm: "X, 50, of Denver"
        if any(c.dep_ == "appos" and c.like_num for c in tok.children):
            continue
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    place = index.mention_at(pobj)
                    if is_place(place, index):
                        for p in with_region(place, sent, index):
                            yield from fact(org, REL.locatedIn, p, sentence, "location-org-of")


@rule("location-dateline", stage=Stage.PHRASE)
def datelines(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A wire dateline: "TUCSON, Ariz. (AP)" places the agency in both places."""
    sent, index, sentence = view.sent, ctx.index, view
    doc = sent.doc
    toks = [t for t in sentence.tokens if not t.is_space]
    if len(toks) < 4:
        return
    first = index.mention_at(toks[0])
    # the model often tags an upper-case dateline town as an organisation
    if first is None or is_class(first, index, {"Person"}):
        return
    places = with_region(first, sent, index)
    if len(places) == 1 and not is_place(first, index):
        return
    _, last = tokens_of(places[-1], doc)
    if last + 3 >= sent.end or doc[last + 1].text != "(":
        return
    agency = index.mention_at(doc[last + 2])
    if agency is None or is_place(agency, index) or is_class(agency, index, {"Person"}):
        return
    _, a_last = tokens_of(agency, doc)
    if a_last + 1 < sent.end and doc[a_last + 1].text == ")":
        for place in places:
            yield from fact(agency, REL.locatedIn, place, sentence, "location-dateline")


