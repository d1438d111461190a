"""What a rule reads: the document context and one sentence's view.

The context holds what the whole document shares (entities, the ontology's cue table, the
lexicon, the events named so far); the view holds one sentence: its tokens, its plain
record (built once, the only place a sentence record is made) and the analyses the
first pass computes before the rules read them (verb frames).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from extractors.entities import EntityIndex
from extractors.lexicon import Lexicon
from extractors.records import Fact, Sentence

if TYPE_CHECKING:
    from extractors.relations.nominal import EventMemory
    from ontology.cues import CueTable


@dataclass
class DocContext:
    """The document every rule of a build reads: entities, cues, lexicon, earlier events."""

    doc: Doc
    index: EntityIndex
    cues: "CueTable"
    lexicon: Lexicon
    events: "EventMemory"


def sentence_record(sent: Span, doc_text: str | None = None) -> Sentence:
    """The plain record of a sentence: whitespace collapsed, offsets of its stripped text."""
    raw = (doc_text if doc_text is not None else sent.doc.text)[sent.start_char:sent.end_char]
    text = raw.strip()
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return Sentence(text=" ".join(text.split()), start=start, end=start + len(text))


class SentenceView:
    """One sentence as the rules read it: its tokens once, its record when a fact needs it.

    ``analyses`` holds what the first pass computed for the sentence (the verb frames),
    keyed by the name of the analysis; ``verb_facts`` holds the facts the verb rules
    yielded, with their frames, for the rules that derive facts from them.
    """

    def __init__(self, sent: Span, doc_text: str | None = None):
        self.sent = sent
        self._doc_text = doc_text
        self._record: Sentence | None = None
        # the tokens, built once: every rule walks them, and spaCy makes a new Token per access
        self.tokens: list[Token] = list(sent)
        self.analyses: dict[str, Any] = {}
        self.verb_facts: list[tuple[Fact, Any]] = []

    def record(self) -> Sentence:
        """The plain record of the sentence (built on first use)."""
        if self._record is None:
            self._record = sentence_record(self.sent, self._doc_text)
        return self._record

    @property
    def empty(self) -> bool:
        """Whether the sentence has no text (blanked page furniture)."""
        return not self.record().text
