"""Lists of entity spans as the name fixes edit them: the span at a token, a span put in
place of those it overlaps, names trimmed of words that do not end a name."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token


def ent_at(ents: list[Span], i: int) -> Span | None:
    """The span of ``ents`` that covers token ``i``, if any."""
    return next((e for e in ents if e.start <= i < e.end), None)


def replace_span(ents: list[Span], new: Span) -> list[Span]:
    """``ents`` with ``new`` in place of every span it overlaps."""
    kept = [e for e in ents if e.end <= new.start or e.start >= new.end]
    return sorted([*kept, new], key=lambda e: e.start)


def trim_ends(doc: Doc, ents: list[Span], drop: Callable[[Token], bool]) -> list[Span]:
    """``ents`` without the last words ``drop`` takes, keeping each name's first word."""
    out = []
    for e in ents:
        end = e.end
        while end > e.start + 1 and drop(doc[end - 1]):
            end -= 1
        out.append(e if end == e.end else Span(doc, e.start, end, label=e.label_))
    return out
