"""Pronouns and definite descriptions resolved to the entity the text means, or to nothing.

A wrong link is worse than none, so a reference is resolved only when its referent is
clear. A pronoun follows the subjects of the clauses above it ("the US says it ..."),
then the main subject of the sentence before ("Hamas fired rockets. It said ..."), then
the one compatible name around it; it stops, unresolved, at a subject that is an unnamed
thing ("the report says it ..."), at a plural noun nearer than any name for "they", and
never takes its own clause's subject as its referent ("the US blames it"). A definite
description ("the militia", "the ministry") takes the one recent entity whose name holds
its noun, the name the text described with that noun ("X, a militia group"), or of the
kind the noun names. A counted plural description ("the three countries", "both men", or
"four commanders" announcing the next sentence's list) stands for the one list of that many
names of its kind (``References.groups``: a token to several mentions); "I" and "we" inside
a quotation stand for its speaker, and "I" outside one for the document's bylined author; an agentless passive of a formal act ("X and Y were
designated") gets the one body the text has shown doing that act (``References.agents``).
:func:`resolve_references` reads the
name mentions and entities computed before it and returns the references as a separate
result (mentions with ``via="pronoun"`` or ``via="description"``), which
:class:`~extractors.entities.entities.EntityIndex` serves after the names. The words come
from the lexicon (``pronouns``, ``description_kinds``, ``state_nouns``,
``compound_head_nouns``, ``definite_determiners``, ``expletive_it_verbs``,
``plural_description_kinds``, ``number_words``, ``speaker_pronouns``, ``speech_verbs``,
``author_pronouns``, ``single_agent_acts``,
``single_agent_act_nouns``); the classes a
pronoun or kind noun may stand for are expanded with their ontology subclasses.
"""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from extractors.entities.plural_references import resolve_plural
from extractors.entities.focus import document_country
from extractors.entities.reference_index import (DESCRIPTION_WINDOW, FOCUS_WINDOW, ReadingIndex,
                                                 References, Vocab, agrees, fits, is_subject,
                                                 mention_of, mentions_in, pick, sentences)
from extractors.entities.speakers import (author_pronouns, described_as, established_agents,
                                          quoted_speakers)
from extractors.lexicon import Lexicon
from extractors.records import Entity, Mention


def _is_expletive(tok: Token, index: ReadingIndex) -> bool:
    """ "it" that points at nothing: "it is clear", "makes it easier to"."""
    if tok.dep_ == "expl" or tok.head.lemma_ in index.vocab.expletive_heads:
        return True
    after = tok.doc[tok.i + 1:tok.i + 3]
    if len(after) == 2 and after[0].tag_ in {"JJ", "JJR"} and after[1].lower_ in {"to", "that"}:
        return True
    return tok.dep_ == "dobj" and any(c.dep_ in {"oprd", "ccomp", "xcomp"} for c in tok.head.children)


_UNRESOLVED = object()   # a clause above says the referent is unnamed: stop looking


def _from_clauses_above(tok: Token, classes: frozenset, plural: bool, index: ReadingIndex
                        ) -> tuple[object, bool, set[str]]:
    """Follow the subjects of the clauses that contain the pronoun, nearest first.

    Returns the mention found (or None, or ``_UNRESOLVED``), whether any subject above was
    met, and the entities a pronoun object may not take (its own clause's subject).
    """
    word = tok.lower_
    ancestors = {a.i for a in tok.ancestors}
    own, met, bound = True, False, set()
    for verb in tok.ancestors:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        local, own = own, False
        subj = next((c for c in verb.children if is_subject(c)), None)
        if subj is None or subj.i >= tok.i or subj.i in ancestors:
            continue
        if local and word not in index.vocab.possessive:
            # "the US blames it": a pronoun object is not its own clause's subject
            if (m := mention_of(subj, index)) is not None:
                bound.add(m.entity)
            if verb.dep_ == "conj":
                # "X denied it, but a faction claimed it": a coordinate clause with its own
                # subject does not reach back to the first clause's
                return _UNRESOLVED, met, bound
            continue
        met = True
        m = mention_of(subj, index)
        if m is not None:
            if fits(m, classes, index):
                return m, met, bound
        elif subj.pos_ == "NOUN" and agrees(subj, plural):
            return _UNRESOLVED, met, bound  # "the report says it": about something unnamed
    return None, met, bound


def _lone(found: list[tuple[Token, Mention]], classes: frozenset, index: ReadingIndex
          ) -> Mention | None:
    fitting = {m.entity: m for _, m in found if fits(m, classes, index)}
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def _resolve_pronoun(tok: Token, sents: list[Span], k: int, index: ReadingIndex) -> Mention | None:
    """The referent of a pronoun: the nearest subject above it, else the previous sentence's."""
    word = tok.lower_
    if word in {"it", "its"} and _is_expletive(tok, index):
        return None
    classes, plural = index.vocab.pronouns[word], word in index.vocab.plural
    if plural and any(t.tag_ == "NNS" and t.i not in index.by_token
                      for t in sents[k][:tok.i - sents[k].start]):
        return None  # "strikes on targets, among them ...": a plural noun is nearer
    # "Iran and its proxies": the name the pronoun's phrase is coordinated with
    if word in index.vocab.possessive and tok.head.dep_ == "conj":
        m = mention_of(tok.head.head, index)
        if m is not None and tok.head.head.i < tok.i and fits(m, classes, index):
            return m
    found, met, bound = _from_clauses_above(tok, classes, plural, index)
    if found is _UNRESOLVED:
        return None
    if found is not None:
        return found
    before = [(t, m) for t, m in mentions_in(sents[k][:tok.i - sents[k].start], index)
              if m.entity not in bound]
    if met or k == 0:
        # subjects above it did not fit ("Hoffman said that KH ... and said it ..."): the
        # one compatible subject earlier in the sentence, else its one compatible name
        subjects = [(t, m) for t, m in before if is_subject(t)]
        if (m := _lone(subjects, classes, index)) is not None:
            return m
        has_subject = any(fits(m, classes, index) for _, m in subjects)
        return None if has_subject else _lone(before, classes, index)
    # the main subject of the sentence before: "Hamas fired rockets. It said ..."
    subj = next((c for c in sents[k - 1].root.children if is_subject(c)), None)
    if subj is not None:
        # "A spokesman for the junta, Ali Mansour, said ...": the name in apposition
        # (the parser may hang it on the body: "for the junta, Ali Mansour")
        m = mention_of(subj, index) or next((a for c in subj.subtree if c.dep_ == "appos"
                                             for a in [mention_of(c, index)]
                                             if a is not None and fits(a, classes, index)), None)
        if m is not None and fits(m, classes, index):
            return m
        if m is None and subj.pos_ == "NOUN" and agrees(subj, plural):
            return None
    # no subject to follow: one compatible entity in the sentence so far and the one before
    return _lone(mentions_in(sents[k - 1], index) + before, classes, index)


def _resolve_description(tok: Token, sents: list[Span], k: int, index: ReadingIndex
                         ) -> Mention | None:
    """The entity a definite description means, looking back sentence by sentence."""
    lemma, word = tok.lemma_.lower(), tok.lower_

    def named(m: Mention) -> bool:
        words = index.entity(m).name.lower().split()
        return lemma in words or word in words

    kinds = index.vocab.kinds if tok.tag_ == "NN" else index.vocab.member_kinds
    kind = kinds.get(lemma)
    window = DESCRIPTION_WINDOW if tok.tag_ == "NN" else FOCUS_WINDOW
    for back in range(k, max(-1, k - window - 1), -1):
        sent = sents[back]
        found = mentions_in(sent[:tok.i - sent.start] if back == k else sent, index)
        # the name the text described with this noun: "KLA, a militia group" -> "the group"
        told = described_as(sent[:tok.i - sent.start] if back == k else sent, lemma, index)
        if told:
            return told[-1] if len({m.entity for m in told}) == 1 else None
        # a name containing the noun: "the ministry" -> "Foreign Ministry"
        hits = [(t, m) for t, m in found if named(m)]
        if hits:
            return hits[-1][1] if len({m.entity for _, m in hits}) == 1 else None
        if kind is not None and any(index.entity(m).cls in kind for _, m in found):
            return pick(found, kind, index)
    return None


def _description_head(tok: Token, index: ReadingIndex) -> bool:
    """A common noun led by a definite determiner and no name of its own ("the militia")."""
    if tok.pos_ != "NOUN" or tok.i in index.by_token:
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ in index.vocab.determiners for c in kids):
        return False
    # "the Iraqi government", "the KH militia", "the army of Chad": the name is the mention
    return not any(c.i in index.by_token or c.pos_ == "PROPN" or c.dep_ == "prep" and c.lower_ == "of"
                   and any(g.i in index.by_token for g in c.children) for c in kids)


def _unnamed_government(doc: Doc, index: ReadingIndex, names: Mapping[int, Mention]
                        ) -> dict[int, Mention]:
    """"government" modifying a noun with no state named ("government troops", "a
    government spokesman") and "the military", "the army": the one state whose government the text names ("the Ethiopian
    government"), else the country the document is about."""
    named = {m.entity: m for m in names.values() if index.entities[m.entity].cls == "Country"
             and any(w.lower() in index.vocab.state_heads for w in m.text.split())}
    country = next(iter(named.values())) if len(named) == 1 else None
    out = {}
    for tok in doc:
        if tok.i in index.by_token or not (tok.is_lower or tok.is_sent_start):
            continue
        if tok.lower_ in index.vocab.state_heads and tok.dep_ in {"compound", "amod", "nmod"} \
                and tok.head.pos_ == "NOUN":
            span = doc[tok.i:tok.i + 1]
            # "the Russian government spokesperson": the state is named
            if any(c.i in index.by_token for t in (tok, tok.head) for c in t.children):
                continue
        elif tok.lower_ in index.vocab.state_forces and tok.pos_ == "NOUN" and tok.i > 0 \
                and doc[tok.i - 1].lower_ == "the" and doc[tok.i - 1].head == tok:
            span = doc[tok.i - 1:tok.i + 1]
            # "the Sudanese military", "the army of Chad": the state is named
            if any(c.i in index.by_token or c.dep_ == "prep" and c.lower_ == "of"
                   for c in tok.children):
                continue
        else:
            continue
        country = country or document_country(names.values(), index.entities)
        if country is None:
            return out
        mention = Mention(text=span.text, start=span.start_char, end=span.end_char,
                          entity=country.entity, via="description")
        for t in span:
            out[t.i] = mention
    return out


def resolve_references(doc: Doc, names: Mapping[int, Mention], entities: Mapping[str, Entity],
                       *, lexicon: Lexicon) -> References:
    """The pronouns and definite descriptions of ``doc`` whose referent is clear.

    Args:
        names: the name mentions by token index (never overwritten by a reference).
        entities: the document's entities by key.
        lexicon: the word lists (:func:`extractors.lexicon.load_lexicon`).
    """
    index = ReadingIndex(dict(names), entities, Vocab.of(lexicon))
    found: dict[int, Mention] = {}
    groups: dict[int, tuple[Mention, ...]] = {}
    sents = sentences(doc)
    for k, sent in enumerate(sents):
        for tok in sent:
            if tok.i in index.by_token:
                continue
            if tok.tag_ == "NNS" and tok.pos_ == "NOUN":
                members = resolve_plural(tok, sents, k, index)
                if members:
                    start = min([c.i for c in tok.children
                                 if c.dep_ in {"det", "predet", "nummod"}] + [tok.i])
                    span = doc[start:tok.i + 1]
                    groups[tok.i] = tuple(
                        Mention(text=span.text, start=span.start_char, end=span.end_char,
                                entity=m.entity, via="description") for m in members)
                    continue
            if tok.tag_ == "NNS" and tok.pos_ == "NOUN" \
                    and tok.lemma_.lower() not in index.vocab.member_kinds:
                continue
            if tok.lower_ in index.vocab.pronouns and tok.pos_ == "PRON":
                target, via = _resolve_pronoun(tok, sents, k, index), "pronoun"
                span = doc[tok.i:tok.i + 1]
            elif _description_head(tok, index):
                target, via = _resolve_description(tok, sents, k, index), "description"
                start = min([c.i for c in tok.children if c.dep_ == "det"] + [tok.i])
                span = doc[start:tok.i + 1]
            else:
                continue
            if target is None:
                continue
            mention = Mention(text=span.text, start=span.start_char, end=span.end_char,
                              entity=target.entity, via=via)
            for t in span:
                if t.i not in index.by_token:
                    # later pronouns may follow this one ("He said ... he added")
                    index.by_token[t.i] = found[t.i] = mention
    # "We will fight," the colonel said: after the other references, since the speaker may
    # itself be a pronoun ("..., he added")
    for i, mention in quoted_speakers(doc, index).items():
        index.by_token[i] = found[i] = mention
    # "I am announcing ..." in a statement bylined by its author (quotations done above)
    for i, mention in author_pronouns(doc, index, lexicon).items():
        index.by_token[i] = found[i] = mention
    for i, mention in _unnamed_government(doc, index, names).items():
        index.by_token[i] = found[i] = mention
    agents = established_agents(sents, index)
    return References(MappingProxyType(found), MappingProxyType(groups), MappingProxyType(agents))
