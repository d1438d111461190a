"""Entity mentions of one document, grouped into entities.

The extractor works on spaCy's named entities. This module turns them into plain
:class:`~extractors.records.Mention` records, gives each an ontology class and
groups mentions that name the same thing within the document (a surname after the
full name, a repeated name).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extractors.records import Entity, Mention

# spaCy label -> ontology class, before keyword refinement
_LABEL_CLASS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "LOC": "Region",
                "FAC": "Facility", "NORP": "Country"}
# head words that reveal the kind of an organisation or a place
_ARMED = {"militia", "militias", "brigade", "brigades", "battalion", "battalions", "hezbollah",
          "hizballah", "taliban", "qaeda", "isis", "isil", "daesh", "rebels", "insurgents",
          "front", "jihad", "mujahideen", "units", "movement"}
_GOVERNMENT = {"ministry", "department", "pentagon", "council", "agency", "forces", "guard",
               "guards", "corps", "army", "navy", "police", "parliament", "senate", "congress",
               "cabinet", "government", "command", "office", "court", "commission", "embassy"}
_FACILITY = {"base", "airbase", "camp", "airport", "embassy", "port", "prison", "compound",
             "airfield", "barracks", "hospital", "zone"}
_TITLES = re.compile(r"^(?:(?:gen|lt|col|maj|capt|sgt|adm|dr|mr|mrs|ms|sen|rep|gov|pres|prof)\.?\s+)+",
                     re.IGNORECASE)


def normalise(name: str) -> str:
    """A key for comparing names: ascii, case-folded, no punctuation or leading "the".

    >>> normalise("The Kata'ib Hezbollah")
    'kataib hezbollah'
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"^the\s+", "", text.casefold().strip())
    text = re.sub(r"['’`]", "", text)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def clean_name(span: Span) -> str:
    """The name a span gives, without a leading article, possessive or rank."""
    toks = list(span)
    while toks and (toks[0].lower_ in {"the", "a", "an"} or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in {"'s", "’s", "'"} or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks:
        return ""
    text = span.doc.text[toks[0].idx:toks[-1].idx + len(toks[-1])]
    return _TITLES.sub("", " ".join(text.split()))


def classify(span: Span) -> str:
    """The ontology class of an entity span, from its spaCy label and its words."""
    words = {t.lower_ for t in span}
    cls = _LABEL_CLASS.get(span.label_, "Organization")
    if span.label_ in {"ORG", "PERSON", "NORP"} and words & _ARMED:
        return "ArmedGroup"
    if span.label_ in {"ORG", "FAC", "GPE", "LOC"} and words & _FACILITY and span.label_ != "ORG":
        return "Facility"
    if span.label_ == "ORG" and words & _GOVERNMENT:
        return "GovernmentBody"
    return cls


_KEEP = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


@dataclass
class EntityIndex:
    """The entities of one Doc and a map from tokens to their mentions."""

    doc: Doc
    by_token: dict[int, Mention] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)

    def mention_at(self, token: Token) -> Mention | None:
        """The entity mention that covers ``token``, if any."""
        return self.by_token.get(token.i)

    def entity(self, mention: Mention) -> Entity:
        """The entity a mention belongs to."""
        return self.entities[mention.entity]


def index_entities(doc: Doc) -> EntityIndex:
    """Group the named entities of ``doc`` into document-level entities.

    A mention joins an earlier entity of a compatible class when its normalised name
    equals that entity's name or is its last word ("Esper" after "Mark Esper").
    """
    index = EntityIndex(doc)
    names: dict[str, str] = {}          # normalised alias -> entity key
    members: dict[str, list[str]] = {}  # entity key -> names seen, in order
    classes: dict[str, str] = {}
    counts: dict[str, int] = {}
    for span in doc.ents:
        if span.label_ not in _KEEP:
            continue
        name = clean_name(span)
        key_name = normalise(name)
        if not key_name or not any(c.isalpha() for c in key_name):
            continue
        cls = classify(span)
        key = names.get(key_name)
        if key is None and cls == "Person":
            last = key_name.split()[-1]
            key = next((k for k, c in classes.items() if c == "Person" and k.split()[-1] == last
                        and len(key_name.split()) == 1), None)
        if key is None:
            key = key_name
            classes[key] = cls
            members[key] = []
        names[key_name] = key
        if name not in members[key]:
            members[key].append(name)
        counts[key] = counts.get(key, 0) + 1
        start = span[0].idx
        mention = Mention(text=span.text, start=start, end=span.end_char, entity=key)
        for tok in span:
            index.by_token[tok.i] = mention
    for key, seen in members.items():
        canonical = max(seen, key=lambda n: (len(n.split()), len(n)))
        aliases = tuple(n for n in seen if n != canonical)
        index.entities[key] = Entity(key=key, name=canonical, cls=classes[key], aliases=aliases,
                                     mentions=counts[key])
    return index
