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
from extractors.lexicon import load_lexicon
from extractors.phrase_mentions import (LOCATABLE_CLASSES, PLACE_CLASSES, SentenceRef, asserts,
                                        fact, is_body, is_class, mention_head, names_of,
                                        run_rules)
from extractors.records import Fact, Mention

# prepositions that put a thing inside or next to a place (the guideline's "in, near")
_IN = {"in", "near", "inside", "within"}
# participles that locate an organisation or a facility ("based in", "the Chicago-based")
_SITED = {"based", "located", "headquartered", "situated", "sited", "housed"}
# nouns that name a part of a place ("in the northern part of Mali", "capital of Somalia")
_PLACE_PARTS = {"part", "region", "area", "province", "state", "district", "county", "capital",
                "city", "town", "village", "suburb", "outskirts", "port", "island", "heart",
                "centre", "center", "north", "south", "east", "west", "northeast", "northwest",
                "southeast", "southwest", "neighbourhood", "neighborhood"}
# tokens that close a "Place, Region" pair ("Tucson, Ariz., said", "Mosul, Iraq.")
# nouns of sites that a name can modify ("Al Udeid air base", "the Nuseirat refugee camp")
_SITES = {"base", "airbase", "air base", "embassy", "consulate", "airport", "camp", "plant",
          "facility", "headquarters", "compound", "port", "prison", "desert", "mountains",
          "river", "dam", "refinery", "field", "oilfield", "mine", "reactor", "university",
          "hospital", "mosque", "church", "square", "barracks", "airfield", "outpost"}
_PAIR_END = {",", ".", ";", ":", "(", ")", "--", "—", "–", "_", "'", '"', "”", "’"}


def _tokens_of(mention: Mention, doc) -> tuple[int, int]:
    """Token range [first, last] of a mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and len(span):
        return span.start, span.end - 1
    inside = [t.i for t in doc if mention.start <= t.idx < mention.end] or [0]
    return inside[0], inside[-1]


def _not_people(mention: Mention, index: EntityIndex) -> bool:
    """Whether a mention is not a nationality or people ("Americans", "Kurds")."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ != "NORP"


def _is_place(mention: Mention | None, index: EntityIndex) -> bool:
    return is_class(mention, index, PLACE_CLASSES - {"Facility"}) and _not_people(mention, index)


def _locatable(mention: Mention | None, index: EntityIndex) -> bool:
    """Whether a mention names something that has a location (not a people: "Americans")."""
    return is_class(mention, index, LOCATABLE_CLASSES) and _not_people(mention, index)


def regions_after(mention: Mention, sent: Span, index: EntityIndex) -> list[Mention]:
    """The places that follow a name after commas: "Tucson, Ariz." or "the plant, Bushehr, Iran".

    Each name of such a chain lies in the ones after it. A run of names that ends in
    "and" or "or" is a list ("Paris, Lyon and Nice"), not a chain.
    """
    doc = sent.doc
    _, last = _tokens_of(mention, doc)
    run: list[Mention] = []
    while last + 2 < sent.end and doc[last + 1].text == ",":
        nxt = index.mention_at(doc[last + 2])
        if nxt is None or _tokens_of(nxt, doc)[0] != last + 2 or not _is_place(nxt, index):
            break
        run.append(nxt)
        last = _tokens_of(nxt, doc)[1]
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
        if not _is_place(region, index) or region.entity == mention.entity:
            break
        if country and not is_class(region, index, {"Country", "Region", "Place"}):
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
    nxt = _mention_starting(doc, k + 1, sent, index)
    if nxt is None or is_class(nxt, index, {"Country"}):
        return False
    after = _tokens_of(nxt, doc)[1] + 1
    return after + 1 < sent.end and doc[after].text == "," and is_class(
        _mention_starting(doc, after + 1, sent, index), index, {"Country"})


def comma_pairs(sent: Span, index: EntityIndex, cues, sentence: SentenceRef) -> Iterator[Fact]:
    """A place and the region that contains it, after a comma: "in Mosul, Iraq"."""
    for tok in sentence.tokens:
        mention = index.mention_at(tok)
        if mention is None or tok.idx != mention.start or not _locatable(mention, index):
            continue
        if is_class(mention, index, {"Person"}):
            continue
        for region in regions_after(mention, sent, index):
            yield from fact(mention, "locatedIn", region, sentence, "location-comma-pair")


_COMPASS = {"north-east", "north-west", "south-east", "south-west", "central", "northeastern",
            "northwestern", "southeastern", "southwestern"}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
               "southwest", "northern", "southern", "eastern", "western"}


def comma_vicinity(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                   ) -> Iterator[Fact]:
    """A site placed after a comma: "Camp Victory, west of Baghdad", "the plant, in Bushehr".

    A measured distance ("40 miles north of Y") says the site is away from Y, so it
    gives no fact.
    """
    doc = sent.doc
    for tok in sentence.tokens:
        thing = index.mention_at(tok)
        if thing is None or tok.idx != thing.start or not _locatable(thing, index) \
                or is_class(thing, index, {"Person"}):
            continue
        _, last = _tokens_of(thing, doc)
        k = last + 1
        if k + 2 >= sent.end or doc[k].text != ",":
            continue
        k += 1
        # "near Y", "outside Y", "north of Y", "just south of Y"
        if doc[k].lower_ in {"just", "some", "directly"}:
            k += 1
        if doc[k].lower_ in {"near", "outside", "in"}:
            k += 1
        elif doc[k].lower_ in _DIRECTIONS and k + 1 < sent.end and doc[k + 1].lower_ == "of":
            k += 2
        elif doc[k].lower_ in _DIRECTIONS or doc[k].lower_ in _COMPASS:
            # a region of the place: "Kandahar, southern Afghanistan", "Tabriz, north-west Iran"
            while k < sent.end and (doc[k].lower_ in _DIRECTIONS or doc[k].lower_ in _COMPASS
                                    or doc[k].text == "-"):
                k += 1
        else:
            continue
        if k < sent.end and doc[k].lower_ == "the":
            k += 1
        place = index.mention_at(doc[k]) if k < sent.end else None
        if _is_place(place, index):
            for p in _with_region(place, sent, index):
                yield from fact(thing, "locatedIn", p, sentence, "location-comma-vicinity")


def _with_region(place: Mention, sent: Span, index: EntityIndex) -> list[Mention]:
    """A place and the regions named after it ("Tucson, Ariz."): all contain what is in it."""
    return [place, *regions_after(place, sent, index)]


def _place_objects(prep: Token, index: EntityIndex, sent: Span) -> list[Mention]:
    """The places a locative preposition names, through "the southern part of Y"."""
    out: list[Mention] = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for t in [pobj, *pobj.conjuncts]:
            m = index.mention_at(t)
            if m is None and t.lower_ in _PLACE_PARTS:
                # "in the northern part of Mali": the place the part belongs to
                m = next((index.mention_at(p) for of in t.children
                          if of.dep_ == "prep" and of.lower_ == "of"
                          for p in of.children if p.dep_ == "pobj"), None)
            if _is_place(m, index):
                out.extend(x for x in _with_region(m, sent, index) if x not in out)
    return out


_PATH_PREPS = {"from", "to", "at", "near", "outside", "toward", "towards"}


def _next_in(tok: Token, sent: Span) -> Token | None:
    """The locative preposition right after a token, wherever the parser attached it."""
    nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if nxt is not None and nxt.lower_ in _IN and nxt.dep_ == "prep":
        return nxt
    return None


def locative_phrases(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                     ) -> Iterator[Fact]:
    """A name with a locative modifier: "the Swiss embassy in Tehran", "a base near Erbil"."""
    for tok in sentence.tokens:
        thing = mention_head(tok, index)
        if not _locatable(thing, index) or is_class(thing, index, {"Person"}):
            continue
        # a name that modifies a site noun locates the site: "the Swiss embassy in Tehran"
        host = tok
        # through the compounds of the site noun: "the Nuseirat refugee camp in Gaza"
        while host.dep_ == "compound" and host.head.i - tok.i <= 2 \
                and index.mention_at(host.head) is None:
            host = host.head
        if host.i != tok.i and host.lower_ not in _SITES:
            host = tok
        children = list(host.children)
        # "in" right after a place that ends a path, or after a site noun, though the parser
        # hangs it elsewhere ("flew from Kandahar in southern Afghanistan", "the X base in Y")
        nxt = _next_in(host if host.i != tok.i else sent.doc[_tokens_of(thing, sent.doc)[1]],
                       sent)
        # (a country ends no such path: "targets linked to Iran in Baghdad")
        if nxt is not None and nxt.head.i != host.i and (host.i != tok.i or (
                tok.dep_ == "pobj" and tok.head.lower_ in _PATH_PREPS
                and not is_class(thing, index, {"Country"}))):
            children.append(nxt)
        for child in children:
            # prepositional modifier of the name itself: "Hezbollah in Lebanon"
            if child.dep_ == "prep" and child.lower_ in _IN:
                for place in _place_objects(child, index, sent):
                    yield from fact(thing, "locatedIn", place, sentence, "location-prep")
            # reduced relative: "a firm based in Ohio", "the plant, located near Bushehr"
            elif child.dep_ == "acl" and child.lower_ in _SITED and asserts(child):
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in _IN):
                    for place in _place_objects(prep, index, sent):
                        yield from fact(thing, "locatedIn", place, sentence, "location-sited")


# nouns of an organisation's sites or stay ("the militia's bases in Iraq", "its presence in")
_HOLDINGS = {"base", "bases", "facility", "facilities", "headquarters", "office", "offices",
             "branch", "branches", "presence", "positions", "camps", "camp", "bureau"}


def holdings(sent: Span, index: EntityIndex, cues, sentence: SentenceRef) -> Iterator[Fact]:
    """An organisation's site or presence in a place: "the militia's facilities in Iraq"."""
    for tok in sentence.tokens:
        if tok.lower_ not in _HOLDINGS or index.mention_at(tok) is not None:
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
            elif child.dep_ == "prep" and child.lower_ in _IN:
                places.extend(_place_objects(child, index, sent))
                # "the presence in Syria of X": the owner hangs on the place
                owners.extend(index.mention_at(p) for pobj in child.children
                              if pobj.dep_ == "pobj" for of in pobj.children
                              if of.dep_ == "prep" and of.lower_ == "of"
                              for p in of.children if p.dep_ == "pobj")
        for owner in owners:
            # a state's presence abroad is not its location ("the US presence in Syria")
            if not is_class(owner, index, {"Organization", "ArmedGroup", "GovernmentBody"}):
                continue
            if not _not_people(owner, index):
                continue
            for place in places:
                yield from fact(owner, "locatedIn", place, sentence, "location-holdings")


# verbs whose subject keeps a site somewhere ("the group has bases in Syria")
_KEEP_VERBS = {"have", "maintain", "operate", "run", "keep", "open", "establish", "set"}


def sited_clauses(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                  ) -> Iterator[Fact]:
    """A clause that sites its subject: "Al Jazeera is headquartered in Doha"."""
    for tok in sentence.tokens:
        if tok.pos_ != "VERB":
            continue
        if tok.lower_ in _SITED and tok.dep_ != "acl":
            # "X is based in Y": a passive participle with its subject
            subj = next((c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
            if subj is not None and subj.tag_ in {"WDT", "WP"} and tok.dep_ == "relcl":
                subj = tok.head  # "Hamas, which is based in Gaza"
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _IN]
        elif tok.lemma_ in _KEEP_VERBS:
            # "X has bases in Y": the subject keeps a site in the place
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            sites = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in _HOLDINGS]
            preps = [c for site in sites for c in site.children
                     if c.dep_ == "prep" and c.lower_ in _IN]
            preps += [c for c in tok.children if sites and c.dep_ == "prep" and c.lower_ in _IN]
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
            if not _locatable(thing, index) or is_class(thing, index, {"Person", "Country"}):
                continue
            for prep in preps:
                for place in _place_objects(prep, index, sent):
                    yield from fact(thing, "locatedIn", place, sentence, "location-sited-clause")


def fronted_places(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                   ) -> Iterator[Fact]:
    """A place fronted before an organisation's clause: "In Geneva, the Red Cross said"."""
    toks = [t for t in sentence.tokens if not t.is_space]
    if len(toks) < 5 or toks[0].lower_ != "in":
        return
    place = index.mention_at(toks[1])
    if not _is_place(place, index):
        return
    _, last = _tokens_of(place, sent.doc)
    if last + 1 >= sent.end or sent.doc[last + 1].text != ",":
        return
    # the subject of the main clause that the fronted phrase modifies
    root = sent.root
    if toks[0].head.i != root.i:
        return
    for subj in (c for c in root.children if c.dep_ == "nsubj"):
        org = mention_head(subj, index)
        if is_class(org, index, {"Organization", "GovernmentBody", "ArmedGroup"}) \
                and _not_people(org, index):
            yield from fact(org, "locatedIn", place, sentence, "location-fronted")


def based_compounds(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                    ) -> Iterator[Fact]:
    """A hyphenated locative modifier: "the Chicago-based bank", "a London-headquartered firm"."""
    doc = sent.doc
    for tok in sentence.tokens:
        if tok.lower_ not in _SITED or tok.i < sent.start + 2 or doc[tok.i - 1].text != "-":
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
        if _is_place(place, index) and _locatable(thing, index):
            yield from fact(thing, "locatedIn", place, sentence, "location-based-compound")


def possessive_places(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                      ) -> Iterator[Fact]:
    """A place named as the owner of a site or outlet: "Kyiv's Maidan Square"."""
    for tok in sentence.tokens:
        thing = mention_head(tok, index)
        if not is_class(thing, index, {"Organization", "Facility", "City", "Region", "Place"}) \
                or is_body(thing, index):
            continue
        for child in tok.children:
            # possessive place before a name: "Iran's Press TV"
            if child.dep_ == "poss":
                place = index.mention_at(child)
                if _is_place(place, index):
                    yield from fact(thing, "locatedIn", place, sentence, "location-possessive")


def appositive_places(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                      ) -> Iterator[Fact]:
    """A description in apposition that places a name: "Mogadishu, the capital of Somalia"."""
    for tok in sentence.tokens:
        if tok.pos_ != "NOUN" or index.mention_at(tok) is not None:
            continue
        if tok.dep_ == "appos":
            thing = index.mention_at(tok.head)
        else:
            thing = next((index.mention_at(c) for c in tok.children if c.dep_ == "appos"), None)
        if not _locatable(thing, index) or is_class(thing, index, {"Person"}):
            continue
        places: list[Mention] = []
        for child in tok.children:
            # "a Dubai shipping firm", "Somalia's capital"
            if child.dep_ in {"compound", "poss", "nmod"}:
                m = index.mention_at(child)
                if _is_place(m, index) and m != thing:
                    places.append(m)
            # "a port town in the Red Sea", "the capital of Somalia"
            elif child.dep_ == "prep" and (child.lower_ in _IN or
                                           child.lower_ == "of" and tok.lower_ in _PLACE_PARTS):
                places.extend(_place_objects(child, index, sent))
            # "a group based in Gaza"
            elif child.dep_ == "acl" and child.lower_ in _SITED and asserts(child):
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in _IN):
                    places.extend(_place_objects(prep, index, sent))
        for place in places:
            yield from fact(thing, "locatedIn", place, sentence, "location-appositive")


# nouns of a kind of place named by "of" ("the Iraqi city of Mosul", "the province of Idlib")
_PLACE_KINDS = {"city", "town", "village", "province", "region", "district", "governorate",
                "state", "county", "port", "island", "capital", "enclave", "suburb", "area",
                "neighbourhood", "neighborhood", "municipality", "oblast", "camp", "base"}


def kind_of_place(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                  ) -> Iterator[Fact]:
    """A place named as a kind of place of a country: "the northern Syrian town of Manbij"."""
    for tok in sentence.tokens:
        if tok.lemma_.lower() not in _PLACE_KINDS or index.mention_at(tok) is not None:
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
                if not _locatable(place, index) or is_class(place, index, {"Person"}):
                    continue
                for container in containers:
                    yield from fact(place, "locatedIn", container, sentence, "location-kind-of")


def organisation_of_place(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                          ) -> Iterator[Fact]:
    """A company named with its town: "the Acme Trust Co. of Denver"."""
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
                    if _is_place(place, index):
                        for p in _with_region(place, sent, index):
                            yield from fact(org, "locatedIn", p, sentence, "location-org-of")


def datelines(sent: Span, index: EntityIndex, cues, sentence: SentenceRef) -> Iterator[Fact]:
    """A wire dateline: "TUCSON, Ariz. (AP)" places the agency in both places."""
    doc = sent.doc
    toks = [t for t in sentence.tokens if not t.is_space]
    if len(toks) < 4:
        return
    first = index.mention_at(toks[0])
    # the model often tags an upper-case dateline town as an organisation
    if first is None or is_class(first, index, {"Person"}):
        return
    places = _with_region(first, sent, index)
    if len(places) == 1 and not _is_place(first, index):
        return
    _, last = _tokens_of(places[-1], doc)
    if last + 3 >= sent.end or doc[last + 1].text != "(":
        return
    agency = index.mention_at(doc[last + 2])
    if agency is None or _is_place(agency, index) or is_class(agency, index, {"Person"}):
        return
    _, a_last = _tokens_of(agency, doc)
    if a_last + 1 < sent.end and doc[a_last + 1].text == ")":
        for place in places:
            yield from fact(agency, "locatedIn", place, sentence, "location-dateline")


RULES = (comma_pairs, comma_vicinity, locative_phrases, holdings, sited_clauses, fronted_places,
         kind_of_place, based_compounds, possessive_places, appositive_places,
         organisation_of_place, datelines)


def location_facts(sent: Span, index: EntityIndex, cues) -> Iterator[Fact]:
    """All locatedIn facts one sentence states without a verb: every rule of :data:`RULES`."""
    return run_rules(RULES, sent, index, cues)


# --- places named by their kind, and organisations described by a nationality -------------

def _lexicon_words(name: str) -> frozenset[str]:
    return load_lexicon().words(name)


def _mention_starting(doc, k: int, sent: Span, index: EntityIndex) -> Mention | None:
    """The mention that starts at token ``k`` of the sentence, if any."""
    if k >= sent.end:
        return None
    m = index.mention_at(doc[k])
    return m if m is not None and _tokens_of(m, doc)[0] == k else None


def possessive_kinds(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                     ) -> Iterator[Fact]:
    """A place named with its country's possessive and its kind: "Somalia's Gedo region",
    "Ethiopia's Ebole district", "Nigeria's capital Abuja", "Anjouan's capital, Mutsamudu".

    The kind noun is not part of a name (the name's own possessive is
    ``location-possessive``); the place is a name that modifies the kind noun, or the name
    right after it (through one comma).
    """
    doc = sent.doc
    kinds = _lexicon_words("place_nouns")
    for tok in sentence.tokens:
        if tok.lower_ not in kinds or tok.tag_ == "NNS" or index.mention_at(tok) is not None:
            continue
        owners = [index.mention_at(c) for c in tok.children if c.dep_ == "poss"]
        owners = [o for o in owners if _is_place(o, index)]
        if not owners:
            continue
        places = [index.mention_at(c) for c in tok.children if c.dep_ in {"compound", "nmod"}]
        k = tok.i + 1
        if k < sent.end and doc[k].text == ",":
            k += 1
        places.append(_mention_starting(doc, k, sent, index))
        for place in places:
            if not _locatable(place, index) or is_class(place, index, {"Person", "Country"}):
                continue
            for owner in owners:
                yield from fact(place, "locatedIn", owner, sentence, "location-possessive-kind")


def region_of_country(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                      ) -> Iterator[Fact]:
    """A region whose name ends in its kind, of a country: "the Mopti Region of Mali",
    "the Diffa Region of Niger", "the Balkh province of Afghanistan"."""
    doc = sent.doc
    kinds = _lexicon_words("place_nouns") - {"capital", "city", "town", "village"}
    for tok in sentence.tokens:
        region = index.mention_at(tok)
        if region is None or _tokens_of(region, doc)[1] != tok.i or not _is_place(region, index):
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
        country = _mention_starting(doc, last + 2, sent, index)
        if is_class(country, index, {"Country"}) and _not_people(country, index):
            yield from fact(region, "locatedIn", country, sentence, "location-region-of")


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


def demonym_descriptions(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                         ) -> Iterator[Fact]:
    """An organisation described by its nationality in apposition: "Huione Group, a Cambodian
    financial institution", "the Somali group al-Shabab", "Los Choneros, an Ecuadorian gang"."""
    kinds = _lexicon_words("organisation_kind_nouns")
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
            if is_class(thing, index, {"Organization", "ArmedGroup", "GovernmentBody"}) \
                    and _not_people(thing, index):
                yield from fact(thing, "locatedIn", country, sentence,
                                "location-demonym-description")


RULES = (*RULES, possessive_kinds, region_of_country, demonym_descriptions)
