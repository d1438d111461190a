"""Counted plural descriptions and announced lists: a token that stands for several names.

"Britain, France and Germany condemned the strikes. The three countries urged ..." (the one
list of three names of the right kind, in the sentence or the three before); "four Houthi
commanders. A, B, C and D ..." (a count announced, then given in one of the next three
sentences).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from extractors.entities.reference_index import DESCRIPTION_WINDOW, ReadingIndex, mentions_in
from extractors.records import Mention


def counted(tok: Token, index: ReadingIndex, definite: bool = True) -> int | None:
    """The number of members a plural description announces: "the three countries",
    "both men", "the 2 sides"; None when it gives none or (``definite``) is not definite."""
    kids = list(tok.children)
    both = [c for c in kids if c.lower_ == "both" and c.dep_ in {"det", "predet", "preconj"}]
    if both:
        return 2 if definite else None
    if any(c.dep_ == "det" and c.lower_ in index.vocab.determiners for c in kids) != definite:
        return None
    for c in kids:
        if c.dep_ == "nummod":
            if c.text.isdigit():
                return int(c.text)
            return index.vocab.numbers.get(c.lower_)
    return None


def lists_in(tokens, classes: frozenset, size: int, index: ReadingIndex
              ) -> list[tuple[Mention, ...]]:
    """The coordinated lists of names among tokens ("Britain, France and Germany") whose
    ``size`` members are distinct entities of the classes, each as its mentions."""
    out = []
    for head, m in mentions_in(tokens, index):
        if head.dep_ == "conj" or not head.conjuncts:
            continue
        members = [m]
        for c in head.conjuncts:
            cm = index.by_token.get(c.i)
            if cm is None:
                break
            members.append(cm)
        else:
            keys = [x.entity for x in members]
            if len(set(keys)) == size == len(keys) and \
                    all(index.entity(x).cls in classes for x in members):
                out.append(tuple(members))
    return out


def resolve_plural(tok: Token, sents: list[Span], k: int, index: ReadingIndex
                    ) -> tuple[Mention, ...]:
    """The one list of names a counted plural description stands for, looking back
    sentence by sentence; nothing when the nearest sentence with such lists has two."""
    classes = index.vocab.plural_kinds.get(tok.lemma_.lower())
    if classes is None:
        return ()
    size = counted(tok, index)
    if size is None:
        # a count announced, then given: "five terrorist leaders in Africa. A, B, C, D and
        # E are designated ...", "captured seven towns. [a quotation] They entered the
        # towns of A, ... and G": the one list of that many names in the nearest of the
        # next few sentences that holds such a list
        size = counted(tok, index, definite=False)
        if size is None or tok.dep_ in {"nsubj", "nsubjpass"}:
            return ()
        for sent in sents[k + 1:k + 1 + DESCRIPTION_WINDOW]:
            lists = lists_in(sent, classes, size, index)
            if lists:
                distinct = {tuple(x.entity for x in lst) for lst in lists}
                return lists[0] if len(distinct) == 1 else ()
        return ()
    for back in range(k, max(-1, k - DESCRIPTION_WINDOW - 1), -1):
        sent = sents[back]
        lists = lists_in(sent[:tok.i - sent.start] if back == k else sent, classes, size, index)
        if lists:
            distinct = {tuple(x.entity for x in lst) for lst in lists}
            return lists[-1] if len(distinct) == 1 else ()
    return ()
