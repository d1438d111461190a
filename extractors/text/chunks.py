"""Long documents in pieces: split at paragraphs, then sentences, with offsets kept.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters), and its memory
grows with the length of one text. A document longer than :data:`MAX_CHARS` is read as
consecutive pieces of at most that many characters, each ending at a paragraph break
where one falls in the second half of the piece, else after a sentence's final
punctuation, else at a space (a hard cut only for a run of that many characters with
no space). The pieces are slices of the text, so offsets into a piece plus the piece's
start are offsets into the document.

Memory: the pieces go to spaCy in batches of at most :data:`MAX_CHARS` characters
(:func:`pipe_bounded`), so a long document never has more than one piece parsed at once.

Entities across pieces: each piece is read as a document of its own, so the rules that
join names (acronyms, surnames, pronouns, "the group") work within a piece only. When
the records of the pieces are joined, entities with the same key (the same normalised
canonical name) are one entity: their names, mentions and merge reasons are added up.
Two names of one entity that are only linked across a piece boundary ("Kataib
Hezbollah" in one piece, "KH" alone in the next) stay two entities of the document;
the graph's merge across documents (``graph/aliases.py``) may still join them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from extractors.records import DocumentRecord, Entity, Fact, Mention, Sentence

#: the longest piece read at once: long enough for any news article, short enough that
#: spaCy's memory stays bounded on a book-length document
MAX_CHARS = 100_000

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def pieces(text: str, *, max_chars: int = MAX_CHARS) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` offsets of consecutive pieces of ``text``, covering all of it.

    >>> text = "One. Two.\\n\\nThree four. Five."
    >>> [text[s:e] for s, e in pieces(text, max_chars=16)]
    ['One. Two.\\n\\n', 'Three four. ', 'Five.']
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    start, n = 0, len(text)
    while n - start > max_chars:
        yield start, (cut := _cut(text, start, start + max_chars))
        start = cut
    if start < n or n == 0:
        yield start, n


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece from ``start`` ends, at most at ``limit`` and after ``start``."""
    half = start + (limit - start) // 2
    for pattern in (_PARAGRAPH, _SENTENCE_END, _SPACE):
        end = _last_end(pattern, text, half, limit)
        if end is not None:
            return end
    return limit


def _last_end(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` that ends within ``(lo, hi]``."""
    best = None
    for match in pattern.finditer(text, lo, hi):
        if match.end() > lo:
            best = match.end()
    return best


def pipe_bounded(nlp, pairs: Iterable[tuple[str, object]], *, batch_size: int,
                 max_chars: int = MAX_CHARS) -> Iterator[tuple[object, object]]:
    """``nlp.pipe(pairs, as_tuples=True)`` in batches of at most ``batch_size`` texts and,
    unless one text alone is longer, ``max_chars`` characters.

    spaCy holds every Doc of a batch at once; sixteen pieces of a long document in one
    batch would cost as much memory as the whole document read at once.
    """
    batch: list[tuple[str, object]] = []
    size = 0
    for text, context in pairs:
        if batch and (len(batch) >= batch_size or size + len(text) > max_chars):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, size = [], 0
        batch.append((text, context))
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def shift_record(rec: DocumentRecord, offset: int) -> DocumentRecord:
    """``rec`` with every offset moved by ``offset`` (a piece's start in its document)."""
    if offset == 0:
        return rec
    return replace(rec, facts=tuple(_shift_fact(f, offset) for f in rec.facts))


def _shift_fact(fact: Fact, offset: int) -> Fact:
    return replace(fact, subject=_shift(fact.subject, offset), object=_shift(fact.object, offset),
                   sentence=_shift(fact.sentence, offset),
                   reported_by=_shift(fact.reported_by, offset) if fact.reported_by else None)


def _shift(span: Mention | Sentence, offset: int):
    return replace(span, start=span.start + offset, end=span.end + offset)


def join_records(parts: Iterable[DocumentRecord], *, text: str) -> DocumentRecord:
    """One record of a document from the records of its pieces (offsets already shifted).

    Entities with the same key are one: names, mentions and merge reasons added up.
    """
    parts = list(parts)
    entities: dict[str, Entity] = {}
    for rec in parts:
        for ent in rec.entities:
            entities[ent.key] = _join_entities(entities[ent.key], ent) if ent.key in entities else ent
    first = parts[0]
    return replace(first, text=text, entities=tuple(entities.values()),
                   facts=tuple(f for rec in parts for f in rec.facts))


def _join_entities(a: Entity, b: Entity) -> Entity:
    aliases = tuple(dict.fromkeys(n for n in (*a.aliases, b.name, *b.aliases) if n != a.name))
    return replace(a, aliases=aliases, mentions=a.mentions + b.mentions,
                   merges=tuple(dict.fromkeys((*a.merges, *b.merges))))
