"""Personal names joined by a lower-case particle, which the small model cuts or mislabels:
"Salem ould Breihmatt" (two places to the model), "Sidan ag Hitta" (an organisation),
"Mohammed bin Salman". Run by :func:`extractors.entities.missed_names.named_entity_fixes`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extractors.entities.names import titles
from extractors.entities.span_lists import replace_span
from extractors.lexicon import Lexicon


def _name_word(tok: Token) -> bool:
    return tok.is_title and tok.is_alpha and tok.pos_ == "PROPN" and tok.lower_ not in titles()


def particle_names(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """NAME-WORDS particle NAME-WORDS is one person's name, where no other kind of name
    runs into it (every span it overlaps lies inside it)."""
    particles = lexicon.words("name_particles")
    out = list(ents)
    for tok in doc:
        if tok.text not in particles or tok.i == 0 or tok.i + 1 >= len(doc) \
                or not (_name_word(doc[tok.i - 1]) and _name_word(doc[tok.i + 1])):
            continue
        start, end = tok.i - 1, tok.i + 2
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        while end < len(doc) and (_name_word(doc[end]) or doc[end].text in particles
                                  and end + 1 < len(doc) and _name_word(doc[end + 1])):
            end += 1
        inside = [e for e in out if e.start < end and e.end > start]
        if any(e.start < start or e.end > end or e.label_ not in {"PERSON", "ORG", "GPE", "NORP"}
               for e in inside):
            continue
        out = replace_span(out, Span(doc, start, end, label="PERSON"))
    return out
