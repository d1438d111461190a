"""Roles and membership from titles, appositions and possessives: leaderOf and memberOf.

News states who holds which post without a verb: "Hamas leader Yahya Sinwar", "Ismail
Qaani, commander of the Quds Force and a member of the IRGC", "NBC's Richard Engel",
"Iran's Quds Force". The title words come from the ontology's ``kgb:titleCue`` (``cues.titles``): a
leadership title gives leaderOf, any other title memberOf.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.entities import EntityIndex
from extractors.entities import is_acronym
from extractors.relations.phrase_mentions import (ORG_CLASSES, asserts, fact, is_body, is_city, is_class,
                                                  mention_head, names_of)
from extractors.records import Fact, Mention
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.registry import Stage, rule
from extractors.relations.state_bodies import country_named
from extractors.relations.titles import chief_of_field, heads_places, indefinite, title_relation
from extractors.relations.words import words
from ontology.classes import subclasses_of
from ontology.terms import REL

# prepositions that link a title to the body it serves ("spokesman for", "head of")
TITLE_PREPS = {"of", "for", "at", "with"}
# prepositions that link a person to the body they belong to ("Larijani of the SNSC")
_MEMBER_PREPS = {"of", "at"}
_BODIES = ORG_CLASSES - {"Country"}
# places that are no body a person serves: a job they modify says where, not whom for
_TOWNS = subclasses_of("Place") - {"Country"}


def is_person(mention: Mention | None, index: EntityIndex) -> bool:
    return is_class(mention, index, {"Person"})


def hyphen_modifier(mention: Mention, doc) -> bool:
    """Whether a name is the first half of a compound modifier ("US-led", "Iran-backed")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    end = doc[span.end] if span is not None and span.end < len(doc) else None
    return end is not None and end.text == "-" and end.idx == mention.end


def title_phrases(view: SentenceView, ctx: DocContext) -> list[tuple[Mention, list]]:
    """Each person of the sentence with the phrase before the name, read right to left.

    The phrase is a list of ``(kind, value, token)``: ``body`` (a name, its mention),
    ``title`` (a title cue, its relation), ``role`` (an occupation noun) or ``filler``.
    """
    cached = view.analyses.get("title_phrases")
    if cached is not None:
        return cached
    sent, index, cues = view.sent, ctx.index, ctx.cues
    out: list[tuple[Mention, list]] = []
    titles = cues.titles
    doc = sent.doc
    for tok in view.tokens:
        person = index.mention_at(tok)
        if not is_person(person, index) or tok.idx != person.start:
            continue
        # walk left over the title phrase: title words, names of bodies, fillers
        items: list[tuple[str, object, Token]] = []
        j = tok.i - 1
        while j >= sent.start:
            t = doc[j]
            m = index.mention_at(t)
            nxt = doc[j + 1]
            in_title = m is not None and (m.text.lower() in words("portfolio_words") or
                                          f"{t.lower_} {nxt.lower_}" in titles)
            if m is not None and not in_title:
                if is_person(m, index):
                    break
                if not hyphen_modifier(m, doc) and (not items or items[-1][1] != m):
                    items.append(("body", m, t))
            elif m is not None:
                # a portfolio or title word tagged as a name: "Defense Minister", "Supreme Leader"
                items.append(("filler", None, t))
            elif title_relation(t, titles):
                items.append(("title", title_relation(t, titles), t))
            elif t.lower_ in words("title_fillers") or (t.is_title and t.pos_ in {"PROPN", "ADJ"}):
                items.append(("filler", None, t))
            elif t.text == "-" or t.lower_ in cues.modifiers:
                items.append(("filler", None, t))
            elif t.pos_ == "NOUN" and t.dep_ == "compound" and t.is_lower:
                # an occupation outside the title cues: "Exxon geologist X", "CNN anchor X"
                items.append(("role", None, t))
            else:
                break
            if t.lower_ == "the":
                break
            j -= 1
        items.reverse()
        if items and items[-1][2].lower_ in {"and", "&", "of"}:
            # the name is a conjunct or the object, not the titled one: "emir of A and B"
            items = []
        out.append((person, items))
    view.analyses["title_phrases"] = out
    return out


@rule("role-possessive", stage=Stage.PHRASE)
def possessive_names(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A possessive name alone before a person: "NBC's Richard Engel" -> memberOf."""
    for person, items in title_phrases(view, ctx):
        # NAME 's PERSON, with no title between
        if any(kind == "title" for kind, _, _ in items):
            continue
        if len(items) >= 2 and items[-1][2].lower_ in {"'s", "’s"} and items[-2][0] == "body":
            yield from fact(person, REL.memberOf, items[-2][1], view, "role-possessive")


@rule("role-occupation-prenominal", stage=Stage.PHRASE)
def prenominal_occupations(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An organisation, then an occupation noun: "Exxon geologist Jane Doe" -> memberOf.

    Not "Gaza resident X": a place before the noun says where, not for whom.
    """
    for person, items in title_phrases(view, ctx):
        kinds = [kind for kind, _, _ in items]
        # ORG compound-NOUN(lower case) PERSON
        if "title" in kinds or kinds[-1:] != ["role"] or "body" not in kinds:
            continue
        b = max(k for k, kind in enumerate(kinds) if kind == "body")
        if all(kind == "role" for kind in kinds[b + 1:]) \
                and ctx.index.entity(items[b][1]).cls in _BODIES:
            yield from fact(person, REL.memberOf, items[b][1], view, "role-occupation-prenominal")


@rule("role-title-prenominal", stage=Stage.PHRASE)
def prenominal_titles(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A body and a title before a name: "U.S. Defense Secretary Lloyd Austin"."""
    index = ctx.index
    for person, items in title_phrases(view, ctx):
        title_at = [k for k, (kind, _, _) in enumerate(items) if kind == "title"]
        bodies_before = [k for k, (kind, _, _) in enumerate(items[:title_at[-1]])
                         if kind == "body"] if title_at else []
        if not bodies_before:
            continue
        # "IRGC head X": the body nearest the title phrase that ends at the name
        b = bodies_before[-1]
        phrase = items[b + 1:]
        # the head of the title phrase decides ("Secretary-General"); a subordinate
        # word anywhere in it makes a member ("Deputy Prime Minister")
        relation = [rel for kind, rel, _ in phrase if kind == "title"][-1]
        if any(t.lower_ in words("subordinate_title_words") for _, _, t in phrase):
            relation = REL.memberOf
        # a leader of an unnamed part is a member of the named whole ("Sudanese army chief")
        if any(kind == "role" or t.lower_ in words("portfolio_words") for kind, _, t in phrase):
            relation = REL.memberOf
        # a town before a job says where ("a Denver prosecutor X"), unless possessive or
        # an adjective made from the place's name ("South Ossetian leader X")
        if is_class(items[b][1], index, _TOWNS) and phrase[0][2].lower_ not in {"'s", "’s"} \
                and items[b][2].ent_type_ != "NORP":
            continue
        yield from fact(person, relation, items[b][1], view, "role-title-prenominal")


def _title_bodies(title: Token, index: EntityIndex) -> list[Mention]:
    """The bodies a title noun names: "head of Hamas", "Exxon's spokesman", "Iraqi analyst"."""
    bodies: list[Mention] = []
    for child in title.children:
        if child.dep_ == "prep" and child.lower_ in TITLE_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = [m for m in names_of(pobj, index) if not is_person(m, index)]
                if not found and index.mention_at(pobj) is None:
                    # the field of a post, then its body: "professor of history at Cairo University"
                    found = [m for prep in pobj.children
                             if prep.dep_ == "prep" and prep.lower_ in TITLE_PREPS - {"of"}
                             for p in prep.children if p.dep_ == "pobj"
                             for m in names_of(p, index) if is_class(m, index, _BODIES)]
                bodies.extend(found)
        elif child.dep_ == "prep" and child.lower_ == "in":
            # a post inside a body: "a major in the Marine Corps", "a commander in the
            # Sudanese army" (a state's army is the state); not a place ("a reporter in Kabul")
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                force = pobj.lemma_.lower() in words("state_force_nouns")
                bodies.extend(m for m in names_of(pobj, index, modifier=force)
                              if is_class(m, index, _BODIES) or force and is_class(m, index, {"Country"}))
        elif child.dep_ in {"compound", "poss", "amod", "nmod"}:
            m = index.mention_at(child)
            if m is not None and not is_person(m, index) and not hyphen_modifier(m, child.doc):
                # a town before a job says where the person works, not whom for
                # ("a Denver lawyer"); "Moscow's mayor" still names the city's head
                if child.dep_ != "poss" and is_class(m, index, _TOWNS):
                    continue
                bodies.append(m)
    return bodies


def titled_person(title: Token, index: EntityIndex) -> Mention | None:
    """The person a title noun describes through apposition or a copula."""
    head = title.head
    # apposition after the name: "X, a spokesman for Y"
    if title.dep_ == "appos" and is_person(index.mention_at(head), index):
        return index.mention_at(head)
    # apposition before the name: "the chairman of Y, X"
    for child in title.children:
        if child.dep_ == "appos" and is_person(index.mention_at(child), index):
            return index.mention_at(child)
    # "as" before the title: "X, who served as head of Y", "X was named as envoy"
    if title.dep_ == "pobj" and head.lower_ == "as":
        title, head = head, head.head
    # copula or naming verb: "X is the president of Y", "X was appointed head of Y"
    if title.dep_ in {"attr", "oprd", "prep", "xcomp"} and head.lemma_ in words("copular_role_verbs") \
            and asserts(head):
        # the appointee of an active naming verb is its object ("X appointed Y as head")
        deps = ("dobj",) if head.lemma_ in words("appointing_verbs") and any(
            c.dep_ == "dobj" for c in head.children) else ("nsubj", "nsubjpass")
        subj = next((c for c in head.children if c.dep_ in deps), None)
        # a relative clause's subject is the name it modifies ("X, who is head of Y")
        if subj is not None and subj.tag_ in {"WP", "WDT"} and head.dep_ == "relcl":
            subj = head.head
        if subj is not None and is_person(index.mention_at(subj), index):
            return index.mention_at(subj)
    return None


@rule("role-occupation-appositive", stage=Stage.PHRASE)
def appositive_occupations(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """An occupation outside the cues with its organisation: "X, a Chevron geologist,"."""
    index = ctx.index
    for tok in view.tokens:
        if tok.pos_ != "NOUN" or index.mention_at(tok) is not None or \
                title_relation(tok, ctx.cues.titles) is not None:
            continue
        # PERSON -> appos NOUN -> compound/poss ORG
        if tok.dep_ == "appos" and is_person(index.mention_at(tok.head), index):
            for child in tok.children:
                body = index.mention_at(child) if child.dep_ in {"compound", "poss"} else None
                if is_class(body, index, _BODIES) and not hyphen_modifier(body, tok.doc):
                    yield from fact(index.mention_at(tok.head), REL.memberOf, body, view,
                                    "role-occupation-appositive")


@rule("role-title-appositive", stage=Stage.PHRASE)
def appositive_titles(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A title in apposition or after a copula: "X, commander of the Quds Force"."""
    index = ctx.index
    for tok in view.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or index.mention_at(tok) is not None:
            continue
        relation = title_relation(tok, ctx.cues.titles)
        if relation is None:
            continue
        # PERSON -> appos TITLE | PERSON <- nsubj be -> attr TITLE; TITLE -> prep of -> BODY
        person = titled_person(tok, index)
        owner = tok
        # a coordinated title shares the first title's person ("commander of X and member of Y")
        while person is None and owner.dep_ == "conj":
            owner = owner.head
            person = titled_person(owner, index)
        if person is None:
            continue
        # the chief of an unnamed part or of staff is a member ("its military chief of staff")
        if relation == REL.leaderOf and (any(
                t.is_lower and t.lower_ in words("unit_part_words")
                for c in tok.children if c.dep_ in {"amod", "compound"} for t in c.subtree)
                or tok.i + 2 < len(tok.doc)
                and tok.doc[tok.i + 1].lower_ == "of" and tok.doc[tok.i + 2].lower_ == "staff"):
            relation = REL.memberOf
        # "an al-Shabaab commander", "a senior leader of X": one of its leaders, a member
        if relation == REL.leaderOf and (indefinite(tok) or chief_of_field(tok, index)):
            relation = REL.memberOf
        for body in _title_bodies(tok, index):
            # a place is not the body of a title ("emir of Arbinda"), but a mayor's town is
            if is_class(body, index, _TOWNS) and not is_acronym(body.text) \
                    and not heads_places(tok):
                continue
            # a town's office sits in the town, it heads no body ("a former governor of
            # Sidon"): the relations' range is an actor
            if tok.lemma_.lower() in words("local_office_titles") and is_city(body, index, tok.doc):
                continue
            yield from fact(person, relation, body, view, "role-title-appositive")


@rule("role-person-of", stage=Stage.PHRASE)
def person_of_body(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A person named with the body they belong to: "Ali Larijani of the SNSC"."""
    sent, index, sentence = view.sent, ctx.index, view
    for tok in sentence.tokens:
        person = mention_head(tok, index)
        if not is_person(person, index):
            continue
        # the age in apposition may carry the body: "Maria Lopez, 52, of the IMF"
        ages = [c for c in tok.children if c.dep_ == "appos" and c.like_num]
        preps = [c for host in (tok, *ages) for c in host.children]
        # "of" right after the name, even when the parser hangs it on the verb
        # ("Iran sent Ali Larijani of its security council to Beirut")
        end = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if end is not None and end.lower_ == "of" and end.dep_ == "prep" and end.head.i != tok.i:
            preps.append(end)
        for child in preps:
            # prepositional modifier of a name: "X of/at the Institute"
            if child.dep_ == "prep" and child.lower_ in _MEMBER_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    bodies = names_of(pobj, index)
                    # a part of a named body: "X of the agency's legal division"
                    if not bodies and index.mention_at(pobj) is None and pobj.pos_ == "NOUN":
                        bodies = [m for c in pobj.children if c.dep_ == "poss"
                                  for m in names_of(c, index)]
                    for body in bodies:
                        if is_class(body, index, _BODIES):
                            yield from fact(person, REL.memberOf, body, sentence, "role-person-of")


@rule("role-person-possessive", stage=Stage.PHRASE)
def person_body(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A body named as a person's own: "Netanyahu's Likud party" (the person is a member)."""
    index, sentence = ctx.index, view
    for tok in sentence.tokens:
        body = mention_head(tok, index)
        if not is_class(body, index, _BODIES):
            continue
        for child in tok.children:
            # possessive person before a body: "Starmer's Labour Party"
            if child.dep_ == "poss" and is_person(index.mention_at(child), index):
                yield from fact(index.mention_at(child), REL.memberOf, body, sentence,
                                "role-person-possessive")


@rule("role-body-of-state", stage=Stage.PHRASE)
def body_of_state(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A state body named with its state or parent body: "Iran's Quds Force"."""
    index, sentence = ctx.index, view
    for tok in sentence.tokens:
        body = mention_head(tok, index)
        if not is_body(body, index):
            continue
        for child in tok.children:
            # possessive or modifying name of the owner: "Jordan's Foreign Ministry"
            if child.dep_ in {"poss", "compound", "nmod"}:
                owner = index.mention_at(child)
                if owner is not None and owner != body and is_class(owner, index, ORG_CLASSES) \
                        and not hyphen_modifier(owner, tok.doc):
                    yield from fact(body, REL.memberOf, owner, sentence, "role-body-of-state")
        # a body whose name opens with its country's name: "US State Department"
        span = tok.doc.char_span(body.start, body.end, alignment_mode="expand")
        words = [t for t in (span if span is not None else ())
                 if t.lower_ not in {"the", "a", "an"}]
        if words and words[0].i != tok.i:
            state = country_named(words[0], index, body)
            if state is not None:
                yield from fact(body, REL.memberOf, state, sentence, "role-body-of-state")


@rule("role-part-of", stage=Stage.PHRASE)
def part_of(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Membership stated as a part: "the Houthis are part of the Axis of Resistance"."""
    index, sentence = ctx.index, view
    for tok in sentence.tokens:
        if tok.lower_ != "part" or tok.dep_ not in {"attr", "appos"}:
            continue
        if tok.dep_ == "attr":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        else:
            subj = tok.head
        if subj is None:
            continue
        members = names_of(subj, index, modifier=True)
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for whole in names_of(pobj, index):
                    for member in members:
                        yield from fact(member, REL.memberOf, whole, sentence, "role-part-of")
