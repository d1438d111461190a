"""From texts to document records: the one entry point of the extractors."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from extractors.boilerplate import blank_boilerplate
from extractors.entities import index_entities
from extractors.lexicon import Lexicon, load_lexicon
from extractors.records import DocumentRecord, TextInput
from extractors.relations.dates import attach_times
from extractors.relations.reading import relation_facts


def extract(inputs: Iterable[TextInput], *, nlp: Language, cues, lexicon: Lexicon | None = None,
            batch_size: int = 16) -> Iterator[DocumentRecord]:
    """Read each input with ``nlp`` and yield its entities and facts.

    Args:
        inputs: the documents.
        nlp: a loaded spaCy pipeline (see :func:`extractors.model.load_nlp`).
        cues: the ontology's cue table (:func:`ontology.load_cues`).
        lexicon: the word lists (default: :func:`extractors.lexicon.load_lexicon`).
        batch_size: documents per ``nlp.pipe`` batch.
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    pairs = ((blank_boilerplate(item.text), item) for item in inputs)
    for doc, item in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        index = index_entities(doc)
        facts = relation_facts(doc, index=index, cues=cues, lexicon=lexicon)
        # post-pass: the time each fact's sentence states, resolved against the doc's date
        facts = attach_times(doc, facts, item.date)
        yield DocumentRecord(doc_id=item.doc_id, text=item.text,
                             entities=tuple(index.entities.values()), facts=tuple(facts),
                             title=item.title, url=item.url, date=item.date)
