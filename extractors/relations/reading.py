"""Reading a document's relations: the first pass, then every registered rule, once per fact.

For each sentence the first pass notes the events it names and computes its verb frames;
then the rules run stage by stage (:mod:`extractors.relations.registry`). Facts without
verbs (the phrase stage) are read after every sentence's verb and nominal facts, so a
fact told both ways keeps its verb rule. Last, a fact whose pair the document also gives a
narrower relation (the ontology's ``rdfs:subPropertyOf``: "the emir of X" and "a leader of
X" give leaderOf, not also memberOf) is dropped.
"""
from __future__ import annotations

from spacy.tokens import Doc

from extractors.entities import EntityIndex
from extractors.lexicon import Lexicon
from extractors.records import Fact
from extractors.relations.context import DocContext, SentenceView
from extractors.relations.nominal import EventMemory
from extractors.relations.nominal_rules import scan_events
from extractors.relations.registry import Stage, rules
from extractors.relations.verb_frames import verb_frames
from extractors.relations.words import using


def relation_facts(doc: Doc, *, index: EntityIndex, cues, lexicon: Lexicon) -> list[Fact]:
    """All facts of a Doc, one per :attr:`Fact.key` (the first rule wins), in rule order.

    Args:
        doc: the parsed document.
        index: its entities (:func:`extractors.entities.index_entities`).
        cues: the ontology's cue table (:func:`ontology.load_cues`).
        lexicon: the word lists (:func:`extractors.lexicon.load_lexicon`).
    """
    with using(lexicon):
        return _read(DocContext(doc=doc, index=index, cues=cues, lexicon=lexicon,
                                events=EventMemory()))


def _read(ctx: DocContext) -> list[Fact]:
    doc = ctx.doc
    doc_text = doc.text
    views = [v for v in (SentenceView(sent, doc_text) for sent in doc.sents) if not v.empty]
    early = [r for r in rules() if r.stage < Stage.PHRASE]
    late = [r for r in rules() if r.stage >= Stage.PHRASE]
    out: list[Fact] = []
    seen: set[tuple] = set()

    def keep(facts) -> None:
        for fact in facts:
            if fact.key not in seen:
                seen.add(fact.key)
                out.append(fact)

    for view in views:
        # first pass: the events the sentence names, its verbs' frames
        scan_events(view, ctx)
        verb_frames(view, ctx)
        for r in early:
            keep(r(view, ctx))
    for view in views:
        for r in late:
            keep(r(view, ctx))
    return _narrowest(out, ctx.cues.broader)


def _narrowest(facts: list[Fact], broader) -> list[Fact]:
    """The facts without those a narrower relation of the same pair and factuality makes
    redundant ("leaderOf" over "memberOf")."""
    if not broader:
        return facts
    covered = {(f.subject.entity, b, f.object.entity, f.factuality)
               for f in facts for b in broader.get(f.relation, ())}
    return [f for f in facts
            if (f.subject.entity, f.relation, f.object.entity, f.factuality) not in covered]
