"""Roles and membership from titles, appositions and possessives: leaderOf and memberOf.

News states who holds which post without a verb: "Hamas leader Yahya Sinwar", "Ismail
Qaani, commander of the Quds Force and a member of the IRGC", "NBC's Richard Engel",
"Iran's Quds Force". The title words come from the ontology's ``kgb:titleCue`` (``cues.titles``): a
leadership title gives leaderOf, any other title memberOf.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from extractors.entities import EntityIndex
from extractors.entities import is_acronym, name_key
from extractors.phrase_mentions import (ORG_CLASSES, SentenceRef, asserts, fact, is_body, is_class,
                                        mention_head, names_of, run_rules)
from extractors.records import Fact, Mention

# words that turn a leadership title into a subordinate one ("deputy head", "vice president")
_SUBORDINATE = {"deputy", "vice", "assistant", "associate", "under", "lieutenant"}
# words a title phrase may carry besides titles and names ("former Air Force commander")
_TITLE_FILLERS = {"former", "acting", "interim", "then", "retired", "senior", "top", "chief",
                  "newly", "new", "'s", "’s", "-", ".", "of", "for", "the", "&", "and"}
# prepositions that link a title to the body it serves ("spokesman for", "head of")
_TITLE_PREPS = {"of", "for", "at", "with"}
# prepositions that link a person to the body they belong to ("Larijani of the SNSC")
_MEMBER_PREPS = {"of", "at"}
_BODIES = ORG_CLASSES - {"Country"}
# places that are no body a person serves: a job they modify says where, not whom for
_TOWNS = {"City", "Region", "Place", "Facility"}
# portfolio words that belong to a title, even when tagged as a name ("Defense Minister")
_PORTFOLIOS = {"defense", "defence", "foreign", "interior", "state", "finance", "treasury",
               "justice", "health", "energy", "oil", "trade", "commerce", "economy", "education",
               "intelligence", "security", "homeland", "labor", "labour", "agriculture", "war",
               "information", "culture", "transport", "housing", "environment", "navy", "army"}
# words naming a part of a state or body, whose chief is only a member of the whole
_PART_WORDS = _PORTFOLIOS | {"military", "naval", "police", "party", "spy", "nuclear", "cyber",
                             "regional", "provincial", "local", "branch", "wing"}
# verbs that give their subject a post ("is", "became", "was appointed", "served as")
_STATE_VERBS = {"be", "become", "remain", "serve", "appoint", "name", "elect", "install",
                "nominate", "choose", "make"}
_NAMING_VERBS = {"appoint", "name", "elect", "install", "nominate", "choose", "make"}


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
    if rel == "leaderOf" and prev is not None and prev.lower_ in _SUBORDINATE:
        return "memberOf"
    return rel


def _is_person(mention: Mention | None, index: EntityIndex) -> bool:
    return is_class(mention, index, {"Person"})


def _hyphen_modifier(mention: Mention, doc) -> bool:
    """Whether a name is the first half of a compound modifier ("US-led", "Iran-backed")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    end = doc[span.end] if span is not None and span.end < len(doc) else None
    return end is not None and end.text == "-" and end.idx == mention.end


def prenominal_titles(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                      ) -> Iterator[Fact]:
    """A title and its body written before a name: "U.S. Defense Secretary Lloyd Austin"."""
    titles = cues.titles
    doc = sent.doc
    for tok in sentence.tokens:
        person = index.mention_at(tok)
        if not _is_person(person, index) or tok.idx != person.start:
            continue
        # walk left over the title phrase: title words, names of bodies, fillers
        items: list[tuple[str, object, Token]] = []
        j = tok.i - 1
        while j >= sent.start:
            t = doc[j]
            m = index.mention_at(t)
            nxt = doc[j + 1]
            in_title = m is not None and (m.text.lower() in _PORTFOLIOS or
                                          f"{t.lower_} {nxt.lower_}" in titles)
            if m is not None and not in_title:
                if _is_person(m, index):
                    break
                if not _hyphen_modifier(m, doc) and (not items or items[-1][1] != m):
                    items.append(("body", m, t))
            elif m is not None:
                # a portfolio or title word tagged as a name: "Defense Minister", "Supreme Leader"
                items.append(("filler", None, t))
            elif title_relation(t, titles):
                items.append(("title", title_relation(t, titles), t))
            elif t.lower_ in _TITLE_FILLERS or (t.is_title and t.pos_ in {"PROPN", "ADJ"}):
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
        title_at = [k for k, (kind, _, _) in enumerate(items) if kind == "title"]
        if not title_at:
            # a possessive name alone: "NBC's Richard Engel"
            if len(items) >= 2 and items[-1][2].lower_ in {"'s", "’s"} and items[-2][0] == "body":
                yield from fact(person, "memberOf", items[-2][1], sentence, "role-possessive")
            # an organisation, then an occupation noun: "Exxon geologist X" (not "Gaza
            # resident X": a place before the noun says where, not for whom)
            kinds = [kind for kind, _, _ in items]
            if kinds[-1:] == ["role"] and "body" in kinds:
                b = max(k for k, kind in enumerate(kinds) if kind == "body")
                if all(kind == "role" for kind in kinds[b + 1:]) \
                        and index.entity(items[b][1]).cls in _BODIES:
                    yield from fact(person, "memberOf", items[b][1], sentence,
                                    "role-occupation-prenominal")
            continue
        last = title_at[-1]
        bodies_before = [k for k, (kind, _, _) in enumerate(items[:last]) if kind == "body"]
        if bodies_before:
            # "IRGC head X": the body nearest the title phrase that ends at the name
            b = bodies_before[-1]
            phrase = items[b + 1:]
            # the head of the title phrase decides ("Secretary-General"); a subordinate
            # word anywhere in it makes a member ("Deputy Prime Minister")
            relation = [rel for kind, rel, _ in phrase if kind == "title"][-1]
            if any(t.lower_ in _SUBORDINATE for _, _, t in phrase):
                relation = "memberOf"
            # a leader of an unnamed part is a member of the named whole ("Sudanese army chief")
            if any(kind == "role" or t.lower_ in _PORTFOLIOS for kind, _, t in phrase):
                relation = "memberOf"
            # a town before a job says where ("a Denver prosecutor X"), unless possessive
            if is_class(items[b][1], index, _TOWNS) and phrase[0][2].lower_ not in {"'s", "’s"}:
                continue
            yield from fact(person, relation, items[b][1], sentence, "role-title-prenominal")
            continue
        # "Spokesman for the Arab Coalition Col. X": the body after the title's preposition
        for k in title_at:
            after = items[k + 1:k + 4]
            if after and after[0][2].lower_ in _TITLE_PREPS:
                body = next((it for it in after[1:] if it[0] == "body"), None)
                if body is not None and index.entity(body[1]).cls in _BODIES:
                    yield from fact(person, items[k][1], body[1], sentence,
                                    "role-title-prenominal-prep")
                    break


def _title_bodies(title: Token, index: EntityIndex) -> list[Mention]:
    """The bodies a title noun names: "head of Hamas", "Exxon's spokesman", "Iraqi analyst"."""
    bodies: list[Mention] = []
    for child in title.children:
        if child.dep_ == "prep" and child.lower_ in _TITLE_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = [m for m in names_of(pobj, index) if not _is_person(m, index)]
                if not found and index.mention_at(pobj) is None:
                    # the field of a post, then its body: "professor of history at Cairo University"
                    found = [m for prep in pobj.children
                             if prep.dep_ == "prep" and prep.lower_ in _TITLE_PREPS - {"of"}
                             for p in prep.children if p.dep_ == "pobj"
                             for m in names_of(p, index) if is_class(m, index, _BODIES)]
                bodies.extend(found)
        elif child.dep_ in {"compound", "poss", "amod", "nmod"}:
            m = index.mention_at(child)
            if m is not None and not _is_person(m, index) and not _hyphen_modifier(m, child.doc):
                # a town before a job says where the person works, not whom for
                # ("a Denver lawyer"); "Moscow's mayor" still names the city's head
                if child.dep_ != "poss" and is_class(m, index, _TOWNS):
                    continue
                bodies.append(m)
    return bodies


def _titled_person(title: Token, index: EntityIndex) -> Mention | None:
    """The person a title noun describes through apposition or a copula."""
    head = title.head
    # apposition after the name: "X, a spokesman for Y"
    if title.dep_ == "appos" and _is_person(index.mention_at(head), index):
        return index.mention_at(head)
    # apposition before the name: "the chairman of Y, X"
    for child in title.children:
        if child.dep_ == "appos" and _is_person(index.mention_at(child), index):
            return index.mention_at(child)
    # "as" before the title: "X, who served as head of Y", "X was named as envoy"
    if title.dep_ == "pobj" and head.lower_ == "as":
        title, head = head, head.head
    # copula or naming verb: "X is the president of Y", "X was appointed head of Y"
    if title.dep_ in {"attr", "oprd", "prep", "xcomp"} and head.lemma_ in _STATE_VERBS \
            and asserts(head):
        # the appointee of an active naming verb is its object ("X appointed Y as head")
        deps = ("dobj",) if head.lemma_ in _NAMING_VERBS and any(
            c.dep_ == "dobj" for c in head.children) else ("nsubj", "nsubjpass")
        subj = next((c for c in head.children if c.dep_ in deps), None)
        # a relative clause's subject is the name it modifies ("X, who is head of Y")
        if subj is not None and subj.tag_ in {"WP", "WDT"} and head.dep_ == "relcl":
            subj = head.head
        if subj is not None and _is_person(index.mention_at(subj), index):
            return index.mention_at(subj)
    return None


def appositive_titles(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                      ) -> Iterator[Fact]:
    """A title in apposition or after a copula: "X, commander of the Quds Force"."""
    for tok in sentence.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or index.mention_at(tok) is not None:
            continue
        relation = title_relation(tok, cues.titles)
        if relation is None:
            # an occupation outside the cues, named with its organisation in apposition:
            # "X, a Chevron geologist," (the organisation modifies the noun)
            if tok.dep_ == "appos" and tok.pos_ == "NOUN" and _is_person(
                    index.mention_at(tok.head), index):
                for child in tok.children:
                    body = index.mention_at(child) if child.dep_ in {"compound", "poss"} else None
                    if is_class(body, index, _BODIES) and not _hyphen_modifier(body, tok.doc):
                        yield from fact(index.mention_at(tok.head), "memberOf", body, sentence,
                                        "role-occupation-appositive")
            continue
        person = _titled_person(tok, index)
        owner = tok
        # a coordinated title shares the first title's person ("commander of X and member of Y")
        while person is None and owner.dep_ == "conj":
            owner = owner.head
            person = _titled_person(owner, index)
        if person is None:
            continue
        # the chief of an unnamed part or of staff is a member ("its military chief of staff")
        if relation == "leaderOf" and (any(
                t.is_lower and t.lower_ in _PART_WORDS
                for c in tok.children if c.dep_ in {"amod", "compound"} for t in c.subtree) or tok.i + 2 < len(tok.doc)
                and tok.doc[tok.i + 1].lower_ == "of" and tok.doc[tok.i + 2].lower_ == "staff"):
            relation = "memberOf"
        # "an al-Shabaab commander", "a senior leader of X": one of its leaders, a member
        if relation == "leaderOf" and (_indefinite(tok) or _chief_of_field(tok, index)):
            relation = "memberOf"
        for body in _title_bodies(tok, index):
            # a place is not the body of a title ("emir of Arbinda"), but a mayor's town is
            if is_class(body, index, _TOWNS) and not is_acronym(body.text) \
                    and not _heads_places(tok):
                continue
            yield from fact(person, relation, body, sentence, "role-title-appositive")


def person_of_body(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                   ) -> Iterator[Fact]:
    """A person named with the body they belong to: "Ali Larijani of the SNSC"."""
    for tok in sentence.tokens:
        person = mention_head(tok, index)
        if not _is_person(person, index):
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
                            yield from fact(person, "memberOf", body, sentence, "role-person-of")


def person_body(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                ) -> Iterator[Fact]:
    """A body named as a person's own: "Netanyahu's Likud party" (the person is a member)."""
    for tok in sentence.tokens:
        body = mention_head(tok, index)
        if not is_class(body, index, _BODIES):
            continue
        for child in tok.children:
            # possessive person before a body: "Starmer's Labour Party"
            if child.dep_ == "poss" and _is_person(index.mention_at(child), index):
                yield from fact(index.mention_at(child), "memberOf", body, sentence,
                                "role-person-possessive")


def body_of_state(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                  ) -> Iterator[Fact]:
    """A state body named with its state or parent body: "Iran's Quds Force"."""
    for tok in sentence.tokens:
        body = mention_head(tok, index)
        if not is_body(body, index):
            continue
        for child in tok.children:
            # possessive or modifying name of the owner: "Jordan's Foreign Ministry"
            if child.dep_ in {"poss", "compound", "nmod"}:
                owner = index.mention_at(child)
                if owner is not None and owner != body and is_class(owner, index, ORG_CLASSES) \
                        and not _hyphen_modifier(owner, tok.doc):
                    yield from fact(body, "memberOf", owner, sentence, "role-body-of-state")
        # a body whose name opens with its country's name: "US State Department"
        span = tok.doc.char_span(body.start, body.end, alignment_mode="expand")
        words = [t for t in (span if span is not None else ())
                 if t.lower_ not in {"the", "a", "an"}]
        if words and words[0].i != tok.i:
            state = _country_named(words[0], index, body)
            if state is not None:
                yield from fact(body, "memberOf", state, sentence, "role-body-of-state")


def _country_named(tok: Token, index: EntityIndex, inside: Mention) -> Mention | None:
    """The country another entity of the document names by this word, if any.

    Only the country's name or its capitalised abbreviation counts ("US", "Iran"); a
    nationality that is part of a proper name ("Iraqi Security Forces") does not.
    """
    key = name_key(tok.text)
    abbreviation = tok.text.replace(".", "").isupper()
    for ent in index.entities.values():
        if ent.key == inside.entity or ent.cls != "Country":
            continue
        aliases = {name_key(a) for a in ent.aliases} if abbreviation else set()
        if key == name_key(ent.name) or key in aliases:
            # the word must be used elsewhere as a place name, not as a nationality ("Iraqi")
            if any(t.ent_type_ == "GPE" and name_key(t.text) == key for t in tok.doc):
                return Mention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                               entity=ent.key)
            return None
    return None


def part_of(sent: Span, index: EntityIndex, cues, sentence: SentenceRef) -> Iterator[Fact]:
    """Membership stated as a part: "the Houthis are part of the Axis of Resistance"."""
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
                        yield from fact(member, "memberOf", whole, sentence, "role-part-of")


def _heads_places(title: Token) -> bool:
    """Whether a title may head a town or region: "mayor of Mosul", "Kirkuk's governor"."""
    from extractors.lexicon import load_lexicon
    heads = load_lexicon().words("place_head_titles")
    prev = title.doc[title.i - 1].lower_ if title.i > 0 else ""
    return title.lower_ in heads or title.lemma_.lower() in heads or f"{prev} {title.lower_}" in heads


def _chief_of_field(title: Token, index: EntityIndex) -> bool:
    """Whether a leader title heads an unnamed field, not the body: "director of operations
    for X", "head of procurement at X" (a department chief, so a member of X)."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN"} and index.mention_at(p) is None
        and not any(d.dep_ == "poss" for d in p.children) for p in c.children)
        for c in title.children)


def _indefinite(title: Token) -> bool:
    """Whether a title is one of several: "a leader of X", "an X commander" (a member)."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in title.children)


RULES = (prenominal_titles, appositive_titles, person_of_body, person_body, body_of_state,
         part_of)


def role_facts(sent: Span, index: EntityIndex, cues) -> Iterator[Fact]:
    """All leaderOf and memberOf facts one sentence states without a verb: every rule of :data:`RULES`."""
    return run_rules(RULES, sent, index, cues)


def nationality_occupation(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                           ) -> Iterator[Fact]:
    """A nationality and an occupation before a name: "Cambodian businessman X" (a member
    of the state, by the guideline). A title between them is :func:`prenominal_titles`' case;
    a noun that says where the person lives ("Kenyan resident X") gives nothing."""
    from extractors.entities import load_countries
    from extractors.lexicon import load_lexicon
    countries = load_countries()
    not_member = load_lexicon().words("not_membership_nouns")
    doc = sent.doc
    for tok in sentence.tokens:
        person = index.mention_at(tok)
        # a name in lower case is no person's ("the Somali group al-Shabab")
        if not _is_person(person, index) or tok.idx != person.start or not tok.text[:1].isupper():
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
                and doc[j].idx == state.start and not _hyphen_modifier(state, doc):
            yield from fact(person, "memberOf", state, sentence, "role-nationality-occupation")





def chief_of_part(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                  ) -> Iterator[Fact]:
    """A title over an unnamed part of a named body: "X, the head of Y's communications
    division", "X, director of the media office of Y" (a member of Y, by the guideline)."""
    from extractors.lexicon import load_lexicon
    parts = load_lexicon().words("part_nouns")
    for tok in sentence.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} or index.mention_at(tok) is not None \
                or title_relation(tok, cues.titles) is None:
            continue
        person = _titled_person(tok, index)
        if person is None:
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in _TITLE_PREPS):
            for part in (c for c in prep.children if c.dep_ == "pobj"):
                if index.mention_at(part) is not None or part.lower_ not in parts:
                    continue
                # the whole: the part's owner ("Y's division") or its "of" ("office of Y")
                owners = [m for c in part.children if c.dep_ == "poss" for m in names_of(c, index)]
                owners += [m for p in part.children if p.dep_ == "prep" and p.lower_ == "of"
                           for c in p.children if c.dep_ == "pobj" for m in names_of(c, index)]
                for body in owners:
                    if is_class(body, index, ORG_CLASSES) and not _is_person(body, index):
                        yield from fact(person, "memberOf", body, sentence, "role-chief-of-part")



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


def membership_lists(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                     ) -> Iterator[Fact]:
    """Members listed with their body: "NATO members, the US, Britain and France", "the
    GCC members: A, B, C", "EU members including A and B", "A and other members of X"."""
    from extractors.lexicon import load_lexicon
    nouns = load_lexicon().words("member_nouns")
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
                    yield from fact(member, "memberOf", whole, sentence, "role-membership-list")



def title_of_body_then_name(sent: Span, index: EntityIndex, cues, sentence: SentenceRef
                            ) -> Iterator[Fact]:
    """A title and its body, then the name in apposition: "the leader of Hamas, Yahya
    Sinwar," (the parser hangs the name on the body, not on the title)."""
    for tok in sentence.tokens:
        person = mention_head(tok, index)
        if not _is_person(person, index) or tok.dep_ != "appos":
            continue
        body = index.mention_at(tok.head)
        prep = tok.head.head
        if not is_class(body, index, ORG_CLASSES) or tok.head.dep_ != "pobj" \
                or prep.lower_ not in _TITLE_PREPS:
            continue
        title = prep.head
        # the name must follow the body after a comma: "of Hamas, Yahya Sinwar"
        if index.mention_at(title) is not None or tok.doc[tok.i - 1].text != "," and not any(
                t.text == "," for t in tok.doc[tok.head.i + 1:person_start(tok, person)]):
            continue
        relation = title_relation(title, cues.titles)
        if relation is None:
            continue
        if relation == "leaderOf" and (_indefinite(title) or any(
                c.dep_ in {"amod", "compound"} and c.is_lower and c.lower_ in _PART_WORDS
                for c in title.children)):
            relation = "memberOf"
        yield from fact(person, relation, body, sentence, "role-title-of-body-then-name")


def person_start(tok: Token, person: Mention) -> int:
    """The index of the first token of a person's mention, ``tok`` being inside it."""
    span = tok.doc.char_span(person.start, person.end, alignment_mode="expand")
    return span.start if span is not None else tok.i
RULES = RULES + (nationality_occupation, chief_of_part, membership_lists, title_of_body_then_name)
