"""Membership stated around a name rather than by a title at its head: memberOf, leaderOf.

"Cambodian businessman X" (a member of the state), "X, the head of Y's communications
division" (a member of Y), "NATO members, the US, Britain and France" (each a member),
"the leader of Hamas, X," (the name in apposition to the body, after its title), "President
X" heading the country the table of heads of state gives.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extractors.entities import EntityIndex, load_countries
from extractors.entities.leaders import load_leaders
from extractors.records import Fact, Mention
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.phrase_mentions import ORG_CLASSES, fact, is_class, mention_head, names_of
from extractors.relations.registry import Stage, rule
from extractors.relations.roles import (TITLE_PREPS, hyphen_modifier, is_person, title_phrases,
                                        titled_person)
from extractors.relations.titles import indefinite, title_relation
from extractors.relations.words import words
from ontology.terms import REL


@rule("role-nationality-occupation", stage=Stage.PHRASE)
def nationality_occupation(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A nationality and an occupation before a name: "Cambodian businessman X" (a member
    of the state, by the guideline). A title between them is :func:`prenominal_titles`' case;
    a noun that says where the person lives ("Kenyan resident X") gives nothing."""
    sent, index, cues, sentence = view.sent, ctx.index, ctx.cues, view
    countries = load_countries()
    not_member = words("not_membership_nouns")
    doc = sent.doc
    for tok in sentence.tokens:
        person = index.mention_at(tok)
        # a name in lower case is no person's ("the Somali group al-Shabab")
        if not is_person(person, index) or tok.idx != person.start or not tok.text[:1].isupper():
            continue
        j, nouns = tok.i - 1, []
        while j >= sent.start and index.mention_at(doc[j]) is None and doc[j].is_lower \
                and doc[j].is_alpha and doc[j].pos_ in {"NOUN", "ADJ"}:
            nouns.append(doc[j])
            j -= 1
        if not nouns or j < sent.start or not any(t.pos_ == "NOUN" for t in nouns):
            continue
        if any(title_relation(t, cues.titles) or t.lower_ in not_member for t in nouns):
            continue
        state = index.mention_at(doc[j])
        if is_class(state, index, {"Country"}) and countries.demonym(doc[j].text) \
                and doc[j].idx == state.start and not hyphen_modifier(state, doc):
            yield from fact(person, REL.memberOf, state, sentence, "role-nationality-occupation")


@rule("role-chief-of-part", stage=Stage.PHRASE)
def chief_of_part(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A title over an unnamed part of a named body: "X, the head of Y's communications
    division", "X, director of the media office of Y" (a member of Y, by the guideline)."""
    index, cues, sentence = ctx.index, ctx.cues, view
    parts = words("part_nouns")
    for tok in sentence.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or index.mention_at(tok) is not None \
                or title_relation(tok, cues.titles) is None:
            continue
        person = titled_person(tok, index)
        if person is None:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in TITLE_PREPS):
            for part in (c for c in prep.children if c.dep_ == "pobj"):
                if index.mention_at(part) is not None or part.lower_ not in parts:
                    continue
                # the whole: the part's owner ("Y's division") or its "of" ("office of Y")
                owners = [m for c in part.children if c.dep_ == "poss" for m in names_of(c, index)]
                owners += [m for p in part.children if p.dep_ == "prep" and p.lower_ == "of"
                           for c in p.children if c.dep_ == "pobj" for m in names_of(c, index)]
                for body in owners:
                    if is_class(body, index, ORG_CLASSES) and not is_person(body, index):
                        yield from fact(person, REL.memberOf, body, sentence, "role-chief-of-part")


_LIST_WORDS = {",", "and", "the", "as", "well", "&"}


def _listed_names(doc, start: int, end: int, index: EntityIndex) -> list[Mention]:
    """The names listed from token ``start`` on: "the US, Britain and France", stopping at
    the first word that is neither a name nor a list word; empty if a person is listed."""
    out: list[Mention] = []
    i = start
    while i < end:
        m = index.mention_at(doc[i])
        if m is not None:
            if not is_class(m, index, ORG_CLASSES):
                return []
            if m not in out:
                out.append(m)
        elif doc[i].lower_ not in _LIST_WORDS:
            break
        i += 1
    return out


@rule("role-membership-list", stage=Stage.PHRASE)
def membership_lists(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """Members listed with their body: "NATO members, the US, Britain and France", "the
    GCC members: A, B, C", "EU members including A and B", "A and other members of X"."""
    sent, index, sentence = view.sent, ctx.index, view
    nouns = words("member_nouns")
    doc = sent.doc
    for tok in sentence.tokens:
        if index.mention_at(tok) is not None or tok.tag_ != "NNS" or not (
                tok.lower_ in nouns or f"{doc[tok.i - 1].lower_} {tok.lower_}" in nouns):
            continue
        # the body: "NATO members", "NATO's members", "members of NATO"
        wholes = [m for c in tok.subtree if c.i < tok.i and c.dep_ in {"compound", "poss"}
                   for m in [index.mention_at(c)] if m is not None]
        wholes += [m for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ == "pobj" for m in names_of(c, index)]
        wholes = [m for m in dict.fromkeys(wholes) if is_class(m, index, ORG_CLASSES - {"Country"})]
        if not wholes:
            continue
        end = tok.i + 1
        nxt = doc[end] if end < sent.end else None
        members: list[Mention] = []
        if nxt is not None and nxt.text in {":", "—", "–"}:
            members = _listed_names(doc, end + 1, sent.end, index)
        elif nxt is not None and nxt.text == ",":
            # a comma list needs two names at least: "NATO members, which ..." lists none
            members = _listed_names(doc, end + 1, sent.end, index)
            members = members if len(members) >= 2 else []
        elif nxt is not None and (nxt.lower_ == "including" or nxt.lower_ == "such"
                                  and end + 1 < sent.end and doc[end + 1].lower_ == "as"):
            members = _listed_names(doc, end + (1 if nxt.lower_ == "including" else 2),
                                    sent.end, index)
        # "A and other members of X"
        if tok.dep_ == "conj" and any(c.lower_ == "other" for c in tok.children):
            members += [m for m in names_of(tok.head, index) if is_class(m, index, ORG_CLASSES)]
        for whole in wholes:
            for member in members:
                if member != whole:
                    yield from fact(member, REL.memberOf, whole, sentence, "role-membership-list")


@rule("role-title-of-body-then-name", stage=Stage.PHRASE)
def title_of_body_then_name(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A title and its body, then the name in apposition: "the leader of Hamas, Yahya
    Sinwar," (the parser hangs the name on the body, not on the title)."""
    index, cues, sentence = ctx.index, ctx.cues, view
    for tok in sentence.tokens:
        person = mention_head(tok, index)
        if not is_person(person, index) or tok.dep_ != "appos":
            continue
        body = index.mention_at(tok.head)
        prep = tok.head.head
        if not is_class(body, index, ORG_CLASSES) or tok.head.dep_ != "pobj" \
                or prep.lower_ not in TITLE_PREPS:
            continue
        title = prep.head
        # the name must follow the body after a comma: "of Hamas, Yahya Sinwar"
        if index.mention_at(title) is not None or tok.doc[tok.i - 1].text != "," and not any(
                t.text == "," for t in tok.doc[tok.head.i + 1:person_start(tok, person)]):
            continue
        relation = title_relation(title, cues.titles)
        if relation is None:
            continue
        if relation == REL.leaderOf and (indefinite(title) or any(
                c.dep_ in {"amod", "compound"} and c.is_lower and c.lower_ in words("unit_part_words")
                for c in title.children)):
            relation = REL.memberOf
        yield from fact(person, relation, body, sentence, "role-title-of-body-then-name")


def person_start(tok: Token, person: Mention) -> int:
    """The index of the first token of a person's mention, ``tok`` being inside it."""
    span = tok.doc.char_span(person.start, person.end, alignment_mode="expand")
    return span.start if span is not None else tok.i


def _bare_head_titles(view: SentenceView, ctx: DocContext) -> Iterator[tuple[Mention, list]]:
    """Each person with a head's title right before the name and no body around it:
    "President X", "former Prime Minister X", but not "Vice President X" or "President X of Y"."""
    for person, items in title_phrases(view, ctx):
        # (former) TITLE PERSON: the title word last, no body, no subordinate word
        if not items or items[-1][0] != "title" or any(
                kind == "body" or t.lower_ in words("subordinate_title_words") for kind, _, t in items):
            continue
        span = view.sent.doc.char_span(person.start, person.end, alignment_mode="expand")
        after = view.sent.doc[span.end] if span is not None and span.end < len(view.sent.doc) else None
        if after is not None and after.lower_ in TITLE_PREPS | {"'s", "’s"}:
            continue  # "President X of Y": the body follows the name
        yield person, items


def _known_countries(person: Mention, index: EntityIndex) -> frozenset[str]:
    """The countries the table of heads of state says a person of this name led."""
    leaders = load_leaders()
    return leaders.countries(index.entities[person.entity].name) or leaders.countries(person.text)


@rule("role-title-known-leader", stage=Stage.PHRASE)
def known_leader_titles(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A head's title before a name the table of heads of state lists heads its country, when
    the document names that country: "Ukraine ... President Zelenskyy met the envoys" ->
    Zelenskyy leaderOf Ukraine, whatever other country the text is about."""
    index = ctx.index
    for person, items in _bare_head_titles(view, ctx):
        if items[-1][1] != REL.leaderOf:
            continue
        known = _known_countries(person, index)
        named: dict[str, Mention] = {}
        for m in sorted(index.names.values(), key=lambda m: m.start):
            entity = index.entities[m.entity]
            if entity.cls == "Country" and entity.name in known:
                named.setdefault(entity.name, m)   # its first mention
        if len(named) == 1:
            yield from fact(person, REL.leaderOf, next(iter(named.values())), view,
                            "role-title-known-leader")


def _capitalised_run(first: Token, stop: int) -> list[Token]:
    """The capitalised words, "of", "the", "for" and "and" right before ``first``, read
    right to left, back to ``stop``: a title written out before a name."""
    run, doc = [], first.doc
    j = first.i - 1
    while j >= stop and (doc[j].is_title or doc[j].lower_ in {"of", "the", "for", "and"}):
        run.append(doc[j])
        j -= 1
    return run[::-1]


@rule("role-title-of-body", stage=Stage.PHRASE)
def title_of_body(view: SentenceView, ctx: DocContext) -> Iterator[Fact]:
    """A title that names its body with "of" before the name, a field after "for" between
    them: "Under Secretary of the Treasury for Terrorism and Financial Intelligence Sarah
    Kowalski" (memberOf the Treasury), "Head of the Presidential Office Ivan Petrenko"."""
    index, cues, sent = ctx.index, ctx.cues, view.sent
    for person, _ in title_phrases(view, ctx):
        first = sent.doc.char_span(person.start, person.end, alignment_mode="expand")
        if first is None:
            continue
        run = _capitalised_run(first[0], sent.start)
        # TITLE -> prep of -> [det the] pobj BODY, then "for" FIELD ... up to the name
        for k, tok in enumerate(run[:-2]):
            rel = title_relation(tok, cues.titles) if tok.is_title else None
            if rel is None or run[k + 1].lower_ != "of":
                continue
            after = run[k + 2:]
            if after and after[0].lower_ == "the":
                after = after[1:]
            body = index.mention_at(after[0]) if after else None
            if body is None or is_person(body, index) or " for " in body.text \
                    or not is_class(body, index, ORG_CLASSES | {"Country"}):
                continue  # "State for Political Affairs": the model ran the field into the body
            rest = [t for t in after if t.idx >= body.end]
            # nothing but a field between the body and the name: "for Terrorism and ..."
            if rest and rest[0].lower_ != "for":
                continue
            yield from fact(person, rel, body, view, "role-title-of-body")
            break
