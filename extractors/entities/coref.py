"""Pronouns and definite descriptions resolved to the entity the text means, or to nothing.

A wrong link is worse than none, so a reference is resolved only when its referent is
clear. A pronoun follows the subjects of the clauses above it ("the US says it ..."),
then the main subject of the sentence before ("Hamas fired rockets. It said ..."), then
the one compatible name around it; it stops, unresolved, at a subject that is an unnamed
thing ("the report says it ..."), at a plural noun nearer than any name for "they", and
never takes its own clause's subject as its referent ("the US blames it"). A definite
description ("the militia", "the ministry") takes the one recent entity whose name holds
its noun, or of the kind the noun names. :func:`resolve_references` reads the
name mentions and entities computed before it and returns the references as a separate
result (mentions with ``via="pronoun"`` or ``via="description"``), which
:class:`~extractors.entities.entities.EntityIndex` serves after the names. The words come
from the lexicon (``pronouns``, ``description_kinds``, ``state_nouns``,
``compound_head_nouns``, ``definite_determiners``, ``expletive_it_verbs``); the classes a
pronoun or kind noun may stand for are expanded with their ontology subclasses.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from extractors.lexicon import Lexicon
from extractors.records import Entity, Mention
from ontology.classes import subclasses_of


@dataclass(frozen=True)
class References:
    """Pronouns and definite descriptions resolved in one document: token index -> mention."""

    by_token: Mapping[int, Mention] = field(default_factory=lambda: MappingProxyType({}))

    def mention_at(self, token: Token) -> Mention | None:
        """The reference that covers ``token``, if any."""
        return self.by_token.get(token.i)


@dataclass(frozen=True)
class _Vocab:
    """The lexicon's words for references, read once per document."""

    pronouns: Mapping[str, frozenset[str]]    # pronoun -> classes it may stand for
    plural: frozenset[str]
    possessive: frozenset[str]
    state_heads: frozenset[str]               # "the Iraqi government"
    self_heads: frozenset[str]                # "the KH militia", unlike "the NYT report"
    kinds: Mapping[str, frozenset[str]]       # "the militia" -> ArmedGroup
    determiners: frozenset[str]
    expletive_heads: frozenset[str]           # "it seems", "it is clear that"

    @classmethod
    def of(cls, lexicon: Lexicon) -> "_Vocab":
        def expand(names) -> frozenset[str]:
            return frozenset(c for n in names for c in subclasses_of(n))
        rows = lexicon.table("pronouns")
        state = lexicon.words("state_nouns")
        return cls(pronouns={w: expand(r[2:]) for w, r in rows.items()},
                   plural=frozenset(w for w, r in rows.items() if r[0] == "plural"),
                   possessive=frozenset(w for w, r in rows.items() if r[1] == "possessive"),
                   state_heads=state, self_heads=state | lexicon.words("compound_head_nouns"),
                   kinds={w: frozenset(r) for w, r in lexicon.table("description_kinds").items()},
                   determiners=lexicon.words("definite_determiners"),
                   expletive_heads=lexicon.words("expletive_it_verbs"))


@dataclass
class _Index:
    """What resolution reads: the names (and the references found so far, which later
    pronouns may follow), the entities, and the words. Private to this module."""

    by_token: dict[int, Mention]
    entities: Mapping[str, Entity]
    vocab: _Vocab

    def entity(self, mention: Mention) -> Entity:
        return self.entities[mention.entity]


_DESCRIPTION_WINDOW = 3   # sentences a definite description may reach back


def _sentences(doc: Doc) -> list[Span]:
    return list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]


def _is_subject(tok: Token) -> bool:
    """A subject, or a name coordinated with one ("Hamas and Islamic Jihad fired")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"}


def _pick(candidates: list[tuple[Token, Mention]], classes: frozenset, index: _Index
          ) -> Mention | None:
    """The one compatible entity among candidates, or the one of them that is a subject."""
    fits = [(t, m) for t, m in candidates if index.entity(m).cls in classes]
    entities = {m.entity for _, m in fits}
    if len(entities) == 1:
        return fits[-1][1]
    subjects = {m.entity: m for t, m in fits if _is_subject(t)}
    if len(subjects) == 1:
        return next(iter(subjects.values()))
    return None


def _mentions_in(tokens, index: _Index) -> list[tuple[Token, Mention]]:
    """The (head token, mention) pairs among tokens, one per mention."""
    out, seen = [], set()
    for tok in tokens:
        m = index.by_token.get(tok.i)
        if m is None or (m.start, m.end) in seen:
            continue
        # the head of a multi-word name is its last token inside the name
        head = tok
        while head.head.i != head.i and index.by_token.get(head.head.i) == m:
            head = head.head
        seen.add((m.start, m.end))
        out.append((head, m))
    return out


def _mention_of(tok: Token, index: _Index) -> Mention | None:
    """The mention a noun phrase head stands for: its own, a name compounded with a kind
    noun ("the KH militia"), or a country whose government it is ("the Iraqi government")."""
    m = index.by_token.get(tok.i)
    if m is not None or tok.lemma_.lower() not in index.vocab.self_heads:
        return m
    for child in tok.children:
        cm = index.by_token.get(child.i)
        if cm is None:
            continue
        if child.dep_ == "compound" or (tok.lemma_ in index.vocab.state_heads
                                        and index.entity(cm).cls == "Country"):
            return cm
    return None


def _agrees(noun: Token, plural: bool) -> bool:
    return (noun.tag_ in {"NNS", "NNPS"}) == plural


def _fits(m: Mention, classes: frozenset, index: _Index) -> bool:
    """Whether the entity of a mention can be what the pronoun stands for.

    Number is not checked on names: news English says "they" of an organisation as often
    as "it".
    """
    return index.entity(m).cls in classes


def _is_expletive(tok: Token, index: _Index) -> bool:
    """ "it" that points at nothing: "it is clear", "makes it easier to"."""
    if tok.dep_ == "expl" or tok.head.lemma_ in index.vocab.expletive_heads:
        return True
    after = tok.doc[tok.i + 1:tok.i + 3]
    if len(after) == 2 and after[0].tag_ in {"JJ", "JJR"} and after[1].lower_ in {"to", "that"}:
        return True
    return tok.dep_ == "dobj" and any(c.dep_ in {"oprd", "ccomp", "xcomp"} for c in tok.head.children)


_UNRESOLVED = object()   # a clause above says the referent is unnamed: stop looking


def _from_clauses_above(tok: Token, classes: frozenset, plural: bool, index: _Index
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
        subj = next((c for c in verb.children if _is_subject(c)), None)
        if subj is None or subj.i >= tok.i or subj.i in ancestors:
            continue
        if local and word not in index.vocab.possessive:
            # "the US blames it": a pronoun object is not its own clause's subject
            if (m := _mention_of(subj, index)) is not None:
                bound.add(m.entity)
            if verb.dep_ == "conj":
                # "X denied it, but a faction claimed it": a coordinate clause with its own
                # subject does not reach back to the first clause's
                return _UNRESOLVED, met, bound
            continue
        met = True
        m = _mention_of(subj, index)
        if m is not None:
            if _fits(m, classes, index):
                return m, met, bound
        elif subj.pos_ == "NOUN" and _agrees(subj, plural):
            return _UNRESOLVED, met, bound  # "the report says it": about something unnamed
    return None, met, bound


def _lone(found: list[tuple[Token, Mention]], classes: frozenset, index: _Index
          ) -> Mention | None:
    fits = {m.entity: m for _, m in found if _fits(m, classes, index)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _resolve_pronoun(tok: Token, sents: list[Span], k: int, index: _Index) -> Mention | None:
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
        m = _mention_of(tok.head.head, index)
        if m is not None and tok.head.head.i < tok.i and _fits(m, classes, index):
            return m
    found, met, bound = _from_clauses_above(tok, classes, plural, index)
    if found is _UNRESOLVED:
        return None
    if found is not None:
        return found
    before = [(t, m) for t, m in _mentions_in(sents[k][:tok.i - sents[k].start], index)
              if m.entity not in bound]
    if met or k == 0:
        # subjects above it did not fit ("Hoffman said that KH ... and said it ..."): the
        # one compatible subject earlier in the sentence, else its one compatible name
        subjects = [(t, m) for t, m in before if _is_subject(t)]
        if (m := _lone(subjects, classes, index)) is not None:
            return m
        has_subject = any(_fits(m, classes, index) for _, m in subjects)
        return None if has_subject else _lone(before, classes, index)
    # the main subject of the sentence before: "Hamas fired rockets. It said ..."
    subj = next((c for c in sents[k - 1].root.children if _is_subject(c)), None)
    if subj is not None:
        m = _mention_of(subj, index)
        if m is not None and _fits(m, classes, index):
            return m
        if m is None and subj.pos_ == "NOUN" and _agrees(subj, plural):
            return None
    # no subject to follow: one compatible entity in the sentence so far and the one before
    return _lone(_mentions_in(sents[k - 1], index) + before, classes, index)


def _resolve_description(tok: Token, sents: list[Span], k: int, index: _Index
                         ) -> Mention | None:
    """The entity a definite description means, looking back sentence by sentence."""
    lemma, word = tok.lemma_.lower(), tok.lower_

    def named(m: Mention) -> bool:
        words = index.entity(m).name.lower().split()
        return lemma in words or word in words

    kind = index.vocab.kinds.get(lemma) if tok.tag_ == "NN" else None
    for back in range(k, max(-1, k - _DESCRIPTION_WINDOW - 1), -1):
        sent = sents[back]
        found = _mentions_in(sent[:tok.i - sent.start] if back == k else sent, index)
        # a name containing the noun: "the ministry" -> "Foreign Ministry"
        hits = [(t, m) for t, m in found if named(m)]
        if hits:
            return hits[-1][1] if len({m.entity for _, m in hits}) == 1 else None
        if kind is not None and any(index.entity(m).cls in kind for _, m in found):
            return _pick(found, kind, index)
    return None


def _description_head(tok: Token, index: _Index) -> bool:
    """A common noun led by a definite determiner and no name of its own ("the militia")."""
    if tok.pos_ != "NOUN" or tok.i in index.by_token:
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ in index.vocab.determiners for c in kids):
        return False
    # "the Iraqi government", "the KH militia": the name is already the mention
    return not any(c.i in index.by_token or c.pos_ == "PROPN" for c in kids)


def resolve_references(doc: Doc, names: Mapping[int, Mention], entities: Mapping[str, Entity],
                       *, lexicon: Lexicon) -> References:
    """The pronouns and definite descriptions of ``doc`` whose referent is clear.

    Args:
        names: the name mentions by token index (never overwritten by a reference).
        entities: the document's entities by key.
        lexicon: the word lists (:func:`extractors.lexicon.load_lexicon`).
    """
    index = _Index(dict(names), entities, _Vocab.of(lexicon))
    found: dict[int, Mention] = {}
    sents = _sentences(doc)
    for k, sent in enumerate(sents):
        for tok in sent:
            if tok.i in index.by_token:
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
    return References(MappingProxyType(found))
