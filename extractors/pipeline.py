"""From texts to document records: the one entry point of the extractors."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from spacy.language import Language
from spacy.tokens import Doc

from extractors.text.boilerplate import blank_boilerplate
from extractors.dates import attach_times
from extractors.entities import EntityIndex, index_entities
from extractors.lexicon import Lexicon, load_lexicon
from extractors.locations import location_facts
from extractors.modifiers import modifier_facts
from extractors.records import DocumentRecord, Fact, TextInput
from extractors.roles import role_facts
from extractors.triples import Cues, extract_facts

# the rule families for facts without verbs, each read sentence by sentence
_NOMINAL_RULES = (role_facts, location_facts, modifier_facts)


def _key(fact: Fact) -> tuple:
    return (fact.subject.entity, fact.relation, fact.object.entity, fact.sentence.start,
            fact.factuality)


def nominal_facts(doc: Doc, index: EntityIndex, cues) -> list[Fact]:
    """Facts stated without a verb (titles, locatives, modifiers), in sentence order.

    Blanked boilerplate sentences are skipped.
    """
    out: list[Fact] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        for rule in _NOMINAL_RULES:
            out.extend(rule(sent, index, cues))
    return out


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
    lexicon = lexicon or load_lexicon()
    verb_cues = Cues(verbs=cues.verbs, verb_phrases=cues.verb_phrases, nouns=cues.nouns)
    pairs = ((blank_boilerplate(item.text, lexicon=lexicon), item) for item in inputs)
    for doc, item in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        index = index_entities(doc, lexicon=lexicon)
        facts = extract_facts(doc, index, verb_cues)
        seen = {_key(f) for f in facts}
        for fact in nominal_facts(doc, index, cues):
            if _key(fact) not in seen:
                seen.add(_key(fact))
                facts.append(fact)
        # post-pass: the time each fact's sentence states, resolved against the doc's date
        facts = attach_times(doc, facts, item.date)
        yield DocumentRecord(doc_id=item.doc_id, text=item.text,
                             entities=tuple(index.entities.values()), facts=tuple(facts),
                             title=item.title, url=item.url, date=item.date)
