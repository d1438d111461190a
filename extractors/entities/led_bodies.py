"""Bodies named by who leads them: "the U.S.-led coalition", "the Saudi-led coalition",
"a French-led mission". News uses such a description as the body's name, so it is one
entity (an organisation) whose name keeps its leader, and "U.S.-led Coalition" and
"U.S.-led coalition" are one; a "-backed" or "-allied" group is not named so. Run by
:func:`extractors.entities.missed_names.named_entity_fixes`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.entities.span_lists import replace_span
from extractors.lexicon import Lexicon


def led_bodies(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """NAME - led BODY-NOUN, the noun untagged: one ORG span from the name to the noun."""
    nouns = lexicon.words("led_body_nouns")
    taken = {i for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    for tok in doc:
        if tok.lower_ != "led" or tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "-":
            continue
        noun = doc[tok.i + 1]
        if noun.lower_ not in nouns or noun.i in taken or tok.i in taken:
            continue
        leader = next((e for e in ents if e.end == tok.i - 1), None)
        if leader is None or leader.label_ not in {"GPE", "NORP", "ORG"}:
            continue
        added.append(Span(doc, leader.start, noun.i + 1, label="ORG"))
    out = list(ents)
    for span in added:
        out = replace_span(out, span)
    return out
