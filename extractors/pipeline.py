"""From texts to document records: the one entry point of the extractors."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from extractors.entities import index_entities
from extractors.lexicon import Lexicon, load_lexicon
from extractors.records import DocumentRecord, TextInput
from extractors.relations.dates import attach_times
from extractors.relations.reading import relation_facts
from extractors.text.boilerplate import blank_boilerplate
from extractors.text.chunks import MAX_CHARS, join_records, pieces, pipe_bounded, shift_record
from extractors.text.normalise import normalise_for_parser


def extract(inputs: Iterable[TextInput], *, nlp: Language, cues, lexicon: Lexicon | None = None,
            batch_size: int = 16) -> Iterator[DocumentRecord]:
    """Read each input with ``nlp`` and yield its entities and facts.

    Args:
        inputs: the documents.
        nlp: a loaded spaCy pipeline (see :func:`extractors.text.model.load_nlp`).
        cues: the ontology's cue table (:func:`ontology.load_cues`).
        lexicon: the word lists; by default the shipped ones (:func:`extractors.lexicon.load_lexicon`).
        batch_size: documents per ``nlp.pipe`` batch.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    return read_parsed(parse(inputs, nlp=nlp, lexicon=lexicon, batch_size=batch_size),
                       cues=cues, lexicon=lexicon)


def parse(inputs: Iterable[TextInput], *, nlp: Language, lexicon: Lexicon,
          batch_size: int = 16) -> Iterator[tuple[Doc, Piece]]:
    """The first half of :func:`extract`: each input's pieces parsed, ``(doc, piece)``."""
    # a long document is read in pieces (extractors/text/chunks.py), joined in read_parsed
    pairs = ((text, Piece(item, start, last)) for item in inputs
             for text, start, last in _pieces(item.text, min(MAX_CHARS, nlp.max_length), lexicon))
    return pipe_bounded(nlp, pairs, batch_size=batch_size)


def read_parsed(parsed: Iterable[tuple[Doc, Piece]], *, cues,
                lexicon: Lexicon) -> Iterator[DocumentRecord]:
    """The second half of :func:`extract`: entities and facts of parsed pieces, one record
    per document."""
    parts: list[DocumentRecord] = []
    for doc, (item, start, last) in parsed:
        index = index_entities(doc, lexicon=lexicon)
        facts = relation_facts(doc, index=index, cues=cues, lexicon=lexicon)
        # post-pass: the time each fact's sentence states, resolved against the doc's date
        facts = attach_times(doc, facts, item.date)
        parts.append(shift_record(DocumentRecord(
            doc_id=item.doc_id, text=item.text, entities=tuple(index.entities.values()),
            facts=tuple(facts), title=item.title, url=item.url, date=item.date), start))
        if last:
            yield parts[0] if len(parts) == 1 else join_records(parts, text=item.text)
            parts = []


class Piece(NamedTuple):
    """Where a parsed text comes from: its document, its start there, whether it is the last."""

    item: TextInput
    start: int
    last: bool


def _pieces(text: str, max_chars: int, lexicon: Lexicon) -> Iterator[tuple[str, int, bool]]:
    """The boilerplate-blanked text in pieces: ``(piece, start, is_last)``."""
    # the parser reads plain typography, of the same length: offsets stay true to the text
    text = normalise_for_parser(blank_boilerplate(text, lexicon=lexicon))
    spans = list(pieces(text, max_chars=max_chars))
    for i, (start, end) in enumerate(spans):
        yield text[start:end], start, i == len(spans) - 1
