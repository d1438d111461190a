"""From texts to document records: the one entry point of the extractors."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from spacy.language import Language

from extractors.boilerplate import blank_boilerplate
from extractors.dates import attach_times
from extractors.entities import index_entities
from extractors.records import DocumentRecord, TextInput
from extractors.triples import Cues, extract_facts


def extract(inputs: Iterable[TextInput], *, nlp: Language, cues, batch_size: int = 16
            ) -> Iterator[DocumentRecord]:
    """Read each input with ``nlp`` and yield its entities and facts.

    Args:
        inputs: the documents.
        nlp: a loaded spaCy pipeline (see :func:`extractors.model.load_nlp`).
        cues: the ontology's cue table (:func:`ontology.load_cues`).
        batch_size: documents per ``nlp.pipe`` batch.
    """
    verb_cues = Cues(verbs=cues.verbs, verb_phrases=cues.verb_phrases, nouns=cues.nouns)
    pairs = ((blank_boilerplate(item.text), item) for item in inputs)
    for doc, item in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        index = index_entities(doc)
        facts = extract_facts(doc, index, verb_cues)
        # post-pass: the time each fact's sentence states, resolved against the doc's date
        facts = attach_times(doc, facts, item.date)
        yield DocumentRecord(doc_id=item.doc_id, text=item.text,
                             entities=tuple(index.entities.values()), facts=tuple(facts),
                             title=item.title, url=item.url, date=item.date)
