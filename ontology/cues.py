"""The relation inventory and its cue table, read from the ontology."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, RDFS, Literal

from ontology.terms import KGB, _parsed

CUE_KINDS = ("verbCue", "nounCue", "titleCue", "modifierCue")


@dataclass(frozen=True)
class Relation:
    """One relation of the inventory, as the ontology describes it."""

    name: str
    label: str
    comment: str
    domain: str
    range: str
    symmetric: bool
    family: str = ""
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class CueTable:
    """Plain lookup tables from cue text to relation name, for the extractor.

    ``verbs`` maps a verb lemma to the relation it expresses on its own; ``verb_phrases``
    maps (lemma, particle/preposition words) to a relation ("fire", "at") -> attacked.
    """

    verbs: dict[str, str]
    verb_phrases: dict[tuple[str, ...], str]
    nouns: dict[str, str]
    titles: dict[str, str]
    modifiers: dict[str, str]
    symmetric: frozenset[str]
    relations: frozenset[str]


@lru_cache(maxsize=None)
def load_relations() -> tuple[Relation, ...]:
    """Return the relation inventory, sorted by name.

    >>> [r.name for r in load_relations()][:3]
    ['accused', 'appointed', 'attacked']
    >>> {r.name: r.family for r in load_relations()}["attacked"]
    'violence'
    """
    g = _parsed("kgb.ttl")
    out = []
    for prop in g.subjects(RDF.type, KGB.Relation):
        name = str(prop).split("#")[-1]
        cues = {kind: tuple(sorted(str(o) for o in g.objects(prop, KGB[kind])))
                for kind in CUE_KINDS}
        out.append(Relation(
            name=name,
            label=str(g.value(prop, RDFS.label)),
            comment=str(g.value(prop, RDFS.comment)),
            domain=str(g.value(prop, RDFS.domain)).split("#")[-1],
            range=str(g.value(prop, RDFS.range)).split("#")[-1],
            symmetric=g.value(prop, KGB.symmetric) == Literal(True),
            family=str(g.value(g.value(prop, KGB.family), RDFS.label) or ""),
            cues=cues,
        ))
    return tuple(sorted(out, key=lambda r: r.name))


@lru_cache(maxsize=None)
def load_cues() -> CueTable:
    """Build the extractor's cue table from the ontology.

    A cue listed for two relations goes to the first in inventory order of
    precedence given by the ontology (alphabetical), which the tests keep unambiguous
    for verbs and nouns.

    >>> load_cues().verbs["assassinate"]
    'killed'
    >>> load_cues().verb_phrases[("fire", "at")]
    'attacked'
    """
    verbs: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    nouns: dict[str, str] = {}
    titles: dict[str, str] = {}
    modifiers: dict[str, str] = {}
    for rel in load_relations():
        for cue in rel.cues["verbCue"]:
            words = tuple(cue.split())
            if len(words) == 1:
                verbs.setdefault(words[0], rel.name)
            else:
                phrases.setdefault(words, rel.name)
        for cue in rel.cues["nounCue"]:
            nouns.setdefault(cue, rel.name)
        for cue in rel.cues["titleCue"]:
            # leaderOf wins over memberOf for a title listed in both ("commander")
            if cue not in titles or rel.name == "leaderOf":
                titles[cue] = rel.name
        for cue in rel.cues["modifierCue"]:
            modifiers.setdefault(cue, rel.name)
    rels = load_relations()
    return CueTable(verbs=verbs, verb_phrases=phrases, nouns=nouns, titles=titles,
                    modifiers=modifiers,
                    symmetric=frozenset(r.name for r in rels if r.symmetric),
                    relations=frozenset(r.name for r in rels))
