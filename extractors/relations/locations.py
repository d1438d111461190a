"""Locations stated without a verb: locatedIn.

News places things in apposition and in prepositional phrases: "in Mosul, Iraq", "the
Swiss embassy in Tehran", "a base near Erbil", "the Chicago-based firm", "Beijing's
Maidan Square", "Mogadishu, the capital of Somalia", and in wire datelines ("TUCSON,
Ariz. (AP)"). A place on the border of a country is not in it: "a base near Kandahar on
the Pakistani border" gives no fact about Syria.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from extractors.entities import EntityIndex
from extractors.relations.phrase_mentions import (LOCATABLE_CLASSES, PLACE_CLASSES, asserts, fact,
                                                  is_body, is_class, mention_head, names_of)
from extractors.records import Fact, Mention
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.registry import Stage, rule
from extractors.relations.words import words
from ontology.classes import subclasses_of
from ontology.terms import REL

# prepositions that put a thing inside or next to a place (the guideline's "in, near")
IN_PREPS = {"in", "near", "inside", "within"}
# tokens that close a "Place, Region" pair ("Tucson, Ariz., said", "Mosul, Iraq.")
_PAIR_END = {",", ".", ";", ":", "(", ")", "--", "—", "–", "_", "'", '"', "”", "’"}


def tokens_of(mention: Mention, doc) -> tuple[int, int]:
    """Token range [first, last] of a mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and len(span):
        return span.start, span.end - 1
    inside = [t.i for t in doc if mention.start <= t.idx < mention.end] or [0]
    return inside[0], inside[-1]


def not_people(mention: Mention, index: EntityIndex) -> bool:
    """Whether a mention is not a nationality or people ("Americans", "Kurds")."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ != "NORP"


def is_place(mention: Mention | None, index: EntityIndex) -> bool:
    return is_class(mention, index, PLACE_CLASSES - {"Facility"}) and not_people(mention, index)


def locatable(mention: Mention | None, index: EntityIndex) -> bool:
    """Whether a mention names something that has a location (not a people: "Americans")."""
    return is_class(mention, index, LOCATABLE_CLASSES) and not_people(mention, index)


def regions_after(mention: Mention, sent: Span, index: EntityIndex) -> list[Mention]:
    """The places that follow a name after commas: "Tucson, Ariz." or "the plant, Bushehr, Iran".

    Each name of such a chain lies in the ones after it. A run of names that ends in
    "and" or "or" is a list ("Paris, Lyon and Nice"), not a chain.
    """
    doc = sent.doc
    _, last = tokens_of(mention, doc)
    run: list[Mention] = []
    while last + 2 < sent.end and doc[last + 1].text == ",":
        nxt = index.mention_at(doc[last + 2])
        if nxt is None or tokens_of(nxt, doc)[0] != last + 2 or not is_place(nxt, index):
            break
        run.append(nxt)
        last = tokens_of(nxt, doc)[1]
    if not run:
        return []
    k = last + 1
    if k < sent.end and doc[k].text == ",":
        k += 1
    # an abbreviated state closes a pair even inside a list: "Flagstaff, Ariz., and Durango, Colo."
    abbreviated = len(run) == 1 and run[0].text.endswith(".") and len(run[0].text) <= 6
    pairs = _pair_of_pairs(run, k, sent, index)
    if k < sent.end and not abbreviated and not pairs and (
            doc[k].lower_ in {"and", "or", "&"} or k > last + 1 and index.mention_at(doc[k])):
        return []
    end = doc[last + 1] if last + 1 < sent.end else None
    if end is not None and not pairs and end.text not in _PAIR_END and end.pos_ != "ADP" \
            and end.ent_type_ not in {"DATE", "TIME"}:
        return []
    out = []
    # a country lies in no smaller place: "the King of Peru, Atahualpa," is no pair
    country = is_class(mention, index, {"Country"})
    for region in run:
        if not is_place(region, index) or region.entity == mention.entity:
            break
        if country and not is_class(region, index, PLACE_CLASSES - subclasses_of("City") - subclasses_of("Facility")):
            break
        out.append(region)
    return out


def _pair_of_pairs(run: list[Mention], k: int, sent: Span, index: EntityIndex) -> bool:
    """Whether "and" at ``k`` joins two "Place, Country" pairs: "in Tashkent, Uzbekistan and
    Tbilisi, Georgia" (a list of cities each with its country, not a list of countries)."""
    doc = sent.doc
    if len(run) != 1 or not is_class(run[0], index, {"Country"}) or k + 3 >= sent.end \
            or doc[k].lower_ != "and":
        return False
    nxt = mention_starting(doc, k + 1, sent, index)
    if nxt is None or is_class(nxt, index, {"Country"}):
        return False
    after = tokens_of(nxt, doc)[1] + 1
    return after + 1 < sent.end and doc[after].text == "," and is_class(
        mention_starting(doc, after + 1, sent, index), index, {"Country"})


@rule("location-comma-pair", stage=Stage.PHRASE)
def comma_pairs(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A place and the region that contains it, after a comma: "in Mosul, Iraq"."""
    sent, index, sentence = view.sent, ctx.index, view
    for tok in sentence.tokens:
        mention = index.mention_at(tok)
        if mention is None or tok.idx != mention.start or not locatable(mention, index):
            continue
        if is_class(mention, index, {"Person"}):
            continue
        for region in regions_after(mention, sent, index):
            yield from fact(mention, REL.locatedIn, region, sentence, "location-comma-pair")


@rule("location-comma-vicinity", stage=Stage.PHRASE)
def comma_vicinity(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A site placed after a comma: "Camp Victory, west of Baghdad", "the plant, in Bushehr".

    A measured distance ("40 miles north of Y") says the site is away from Y, so it
    gives no fact.
    """
    sent, index, sentence = view.sent, ctx.index, view
    doc = sent.doc
    for tok in sentence.tokens:
        thing = index.mention_at(tok)
        if thing is None or tok.idx != thing.start or not locatable(thing, index) \
                or is_class(thing, index, {"Person"}):
            continue
        _, last = tokens_of(thing, doc)
        k = last + 1
        if k + 2 >= sent.end or doc[k].text != ",":
            continue
        k += 1
        # "near Y", "outside Y", "north of Y", "just south of Y"
        if doc[k].lower_ in {"just", "some", "directly"}:
            k += 1
        if doc[k].lower_ in {"near", "outside", "in"}:
            k += 1
        elif doc[k].lower_ in words("compass_directions") and k + 1 < sent.end and doc[k + 1].lower_ == "of":
            k += 2
        elif doc[k].lower_ in words("compass_directions") or doc[k].lower_ in words("compass_adjectives"):
            # a region of the place: "Kandahar, southern Afghanistan", "Tabriz, north-west Iran"
            while k < sent.end and (doc[k].lower_ in words("compass_directions") or doc[k].lower_ in words("compass_adjectives")
                                    or doc[k].text == "-"):
                k += 1
        else:
            continue
        if k < sent.end and doc[k].lower_ == "the":
            k += 1
        place = index.mention_at(doc[k]) if k < sent.end else None
        if is_place(place, index):
            for p in with_region(place, sent, index):
                yield from fact(thing, REL.locatedIn, p, sentence, "location-comma-vicinity")


def with_region(place: Mention, sent: Span, index: EntityIndex) -> list[Mention]:
    """A place and the regions named after it ("Tucson, Ariz."): all contain what is in it."""
    return [place, *regions_after(place, sent, index)]


def place_objects(prep: Token, index: EntityIndex, sent: Span) -> list[Mention]:
    """The places a locative preposition names, through "the southern part of Y"."""
    out: list[Mention] = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for t in [pobj, *pobj.conjuncts]:
            m = index.mention_at(t)
            if m is None and t.lower_ in words("place_parts"):
                # "in the northern part of Mali": the place the part belongs to
                m = next((index.mention_at(p) for of in t.children
                          if of.dep_ == "prep" and of.lower_ == "of"
                          for p in of.children if p.dep_ == "pobj"), None)
            if is_place(m, index):
                out.extend(x for x in with_region(m, sent, index) if x not in out)
    return out


def _next_in(tok: Token, sent: Span) -> Token | None:
    """The locative preposition right after a token, wherever the parser attached it."""
    nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if nxt is not None and nxt.lower_ in IN_PREPS and nxt.dep_ == "prep":
        return nxt
    return None


def _locative_children(view: SentenceView, ctx: DocContext) -> list[tuple[Mention, Token]]:
    """Each locatable name of the sentence with the modifiers that may place it."""
    cached = view.analyses.get("locative_children")
    if cached is not None:
        return cached
    sent, index = view.sent, ctx.index
    out: list[tuple[Mention, Token]] = []
    for tok in view.tokens:
        thing = mention_head(tok, index)
        if not locatable(thing, index) or is_class(thing, index, {"Person"}):
            continue
        # a name that modifies a site noun locates the site: "the Swiss embassy in Tehran"
        host = tok
        # through the compounds of the site noun: "the Nuseirat refugee camp in Gaza"
        while host.dep_ == "compound" and host.head.i - tok.i <= 2 \
                and index.mention_at(host.head) is None:
            host = host.head
        if host.i != tok.i and host.lower_ not in words("site_nouns"):
            host = tok
        children = list(host.children)
        # "in" right after a place that ends a path, or after a site noun, though the parser
        # hangs it elsewhere ("flew from Kandahar in southern Afghanistan", "the X base in Y")
        nxt = _next_in(host if host.i != tok.i else sent.doc[tokens_of(thing, sent.doc)[1]],
                       sent)
        # (a country ends no such path: "targets linked to Iran in Baghdad")
        if nxt is not None and nxt.head.i != host.i and (host.i != tok.i or (
                tok.dep_ == "pobj" and tok.head.lower_ in words("path_prepositions")
                and not is_class(thing, index, {"Country"}))):
            children.append(nxt)
        group = [tok, *tok.conjuncts]
        # "A and B in the C Region": a place phrase after the last coordinated place places
        # each ("A, B Township in C", with no "and", is a town and its region)
        if is_class(thing, index, PLACE_CLASSES) and any(c.dep_ == "cc" for t in group for c in t.children):
            last = max(t.i for t in group)
            children.extend(c for other in group if other.i != tok.i
                            and is_class(index.mention_at(other), index, PLACE_CLASSES)
                            for c in other.children
                            if c.dep_ == "prep" and c.i > last and c not in children)
        out.extend((thing, child) for child in children)
    view.analyses["locative_children"] = out
    return out


@rule("location-prep", stage=Stage.PHRASE)
def locative_phrases(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A name with a locative modifier: "the Swiss embassy in Tehran", "a base near Erbil"."""
    for thing, child in _locative_children(view, ctx):
        # NAME -> prep in/near -> pobj place: "Hezbollah in Lebanon"
        if child.dep_ == "prep" and child.lower_ in IN_PREPS:
            for place in place_objects(child, ctx.index, view.sent):
                yield from fact(thing, REL.locatedIn, place, view, "location-prep")


@rule("location-sited", stage=Stage.PHRASE)
def sited_participles(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A reduced relative places a name: "a firm based in Ohio", "the plant, located near X"."""
    for thing, child in _locative_children(view, ctx):
        # NAME -> acl based/located -> prep in/near -> pobj place
        if child.dep_ == "acl" and child.lower_ in words("siting_participles") and asserts(child):
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in IN_PREPS):
                for place in place_objects(prep, ctx.index, view.sent):
                    yield from fact(thing, REL.locatedIn, place, view, "location-sited")


@rule("location-holdings", stage=Stage.PHRASE)
def holdings(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An organisation's site or presence in a place: "the militia's facilities in Iraq"."""
    sent, index, sentence = view.sent, ctx.index, view
    for tok in sentence.tokens:
        if tok.lower_ not in words("holding_nouns") or index.mention_at(tok) is not None:
            continue
        owners = []
        places = []
        nxt = _next_in(tok, sent)
        extra = [nxt] if nxt is not None and nxt.head.i != tok.i else []
        for child in [*tok.children, *extra]:
            # the owner: "Hezbollah's bases", "Hezbollah bases", "the presence of NATO"
            if child.dep_ in {"poss", "compound"}:
                owners.append(index.mention_at(child))
            elif child.dep_ == "prep" and child.lower_ == "of":
                owners.extend(index.mention_at(p) for p in child.children if p.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ in IN_PREPS:
                places.extend(place_objects(child, index, sent))
                # "the presence in Syria of X": the owner hangs on the place
                owners.extend(index.mention_at(p) for pobj in child.children
                              if pobj.dep_ == "pobj" for of in pobj.children
                              if of.dep_ == "prep" and of.lower_ == "of"
                              for p in of.children if p.dep_ == "pobj")
        for owner in owners:
            # a state's presence abroad is not its location ("the US presence in Syria")
            if not is_class(owner, index, subclasses_of("Organization")):
                continue
            if not not_people(owner, index):
                continue
            for place in places:
                yield from fact(owner, REL.locatedIn, place, sentence, "location-holdings")


@rule("location-sited-clause", stage=Stage.PHRASE)
def sited_clauses(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A clause that sites its subject: "Al Jazeera is headquartered in Doha"."""
    sent, index, sentence = view.sent, ctx.index, view
    for tok in sentence.tokens:
        if tok.pos_ != "VERB":
            continue
        if tok.lower_ in words("siting_participles") and tok.dep_ != "acl":
            # "X is based in Y": a passive participle with its subject
            subj = next((c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
            if subj is not None and subj.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
                subj = tok.head  # "Hamas, which is based in Gaza"
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in IN_PREPS]
        elif tok.lemma_ in words("keeping_verbs"):
            # "X has bases in Y": the subject keeps a site in the place
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            sites = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in words("holding_nouns")]
            preps = [c for site in sites for c in site.children
                     if c.dep_ == "prep" and c.lower_ in IN_PREPS]
            preps += [c for c in tok.children if sites and c.dep_ == "prep" and c.lower_ in IN_PREPS]
        else:
            continue
        if subj is None or not preps:
            continue
        # negated, modal, conditional or "no bases": the clause does not site anything
        if not asserts(tok) \
                or any(d.lower_ == "no" for p in preps for d in p.head.children if d.dep_ == "det"):
            continue
        for thing in names_of(subj, index):
            # a state's bases abroad are not its location ("the US has bases in Iraq")
            if not locatable(thing, index) or is_class(thing, index, {"Person", "Country"}):
                continue
            for prep in preps:
                for place in place_objects(prep, index, sent):
                    yield from fact(thing, REL.locatedIn, place, sentence, "location-sited-clause")


@rule("location-fronted", stage=Stage.PHRASE)
def fronted_places(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A place fronted before an organisation's clause: "In Geneva, the Red Cross said"."""
    sent, index, sentence = view.sent, ctx.index, view
    toks = [t for t in sentence.tokens if not t.is_space]
    if len(toks) < 5 or toks[0].lower_ != "in":
        return
    place = index.mention_at(toks[1])
    if not is_place(place, index):
        return
    _, last = tokens_of(place, sent.doc)
    if last + 1 >= sent.end or sent.doc[last + 1].text != ",":
        return
    # the subject of the main clause that the fronted phrase modifies
    root = sent.root
    if toks[0].head.i != root.i:
        return
    for subj in (c for c in root.children if c.dep_ == "nsubj"):
        org = mention_head(subj, index)
        if is_class(org, index, subclasses_of("Organization")) \
                and not_people(org, index):
            yield from fact(org, REL.locatedIn, place, sentence, "location-fronted")


@rule("location-based-compound", stage=Stage.PHRASE)
def based_compounds(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A hyphenated locative modifier: "the Chicago-based bank", "a London-headquartered firm"."""
    sent, index, sentence = view.sent, ctx.index, view
    doc = sent.doc
    for tok in sentence.tokens:
        if tok.lower_ not in words("siting_participles") or tok.i < sent.start + 2 or doc[tok.i - 1].text != "-":
            continue
        place = index.mention_at(doc[tok.i - 2])
        thing = index.mention_at(tok.head) if tok.head.i != tok.i else None
        if thing is None:
            # the modified noun may itself be in apposition to a name: "Acme, a Texas-based firm"
            head = tok.head
            if head.dep_ == "appos":
                thing = index.mention_at(head.head)
            else:  # a name before the modified noun: "the Ecuador-based Los Lobos gang"
                thing = next((index.mention_at(c) for c in head.children
                              if c.dep_ == "compound" and c.i > tok.i), None)
        if is_place(place, index) and locatable(thing, index):
            yield from fact(thing, REL.locatedIn, place, sentence, "location-based-compound")


@rule("location-possessive", stage=Stage.PHRASE)
def possessive_places(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A place named as the owner of a site or outlet: "Kyiv's Maidan Square"."""
    index, sentence = ctx.index, view
    for tok in sentence.tokens:
        thing = mention_head(tok, index)
        if not is_class(thing, index, subclasses_of("Organization") | subclasses_of("Place") - {"Country"}) \
                or is_body(thing, index):
            continue
        for child in tok.children:
            # possessive place before a name: "Iran's Press TV"
            if child.dep_ == "poss":
                place = index.mention_at(child)
                if is_place(place, index):
                    yield from fact(thing, REL.locatedIn, place, sentence, "location-possessive")


def mention_starting(doc, k: int, sent: Span, index: EntityIndex) -> Mention | None:
    """The mention that starts at token ``k`` of the sentence, if any."""
    if k >= sent.end:
        return None
    m = index.mention_at(doc[k])
    return m if m is not None and tokens_of(m, doc)[0] == k else None
