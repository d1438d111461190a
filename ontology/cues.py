"""The relation inventory and its cue table, read from the ontology."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, URIRef

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
    target_prepositions: tuple[str, ...] = ()
    agent_nouns: tuple[str, ...] = ()
    possessive_is_object: bool = False
    of_object_nouns: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()   # relations it specialises (rdfs:subPropertyOf)


@dataclass(frozen=True)
class CueTable:
    """Plain lookup tables from cue text to relation name, for the extractor.

    ``verbs`` maps a verb lemma to the relation it expresses on its own; ``verb_phrases``
    maps (lemma, particle/preposition words) to a relation ("fire", "at") -> attacked.
    ``target_preps`` maps a relation to the prepositions that introduce its target
    ("attack *on* X"); ``agent_nouns`` maps a noun for the doer to its relation
    ("assassin" -> killed); ``possessive_objects`` holds the relations whose noun's
    possessive is the object ("Kennedy's assassination").
    """

    verbs: dict[str, str]
    verb_phrases: dict[tuple[str, ...], str]
    nouns: dict[str, str]
    titles: dict[str, str]
    modifiers: dict[str, str]
    symmetric: frozenset[str]
    relations: frozenset[str]
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    agent_nouns: dict[str, str] = field(default_factory=dict)
    possessive_objects: frozenset[str] = frozenset()
    of_object_nouns: frozenset[str] = frozenset()
    #: relation -> the relations it specialises: "leaderOf" -> {"memberOf"}
    broader: dict[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=None)
def load_relations() -> tuple[Relation, ...]:
    """Return the relation inventory of ``kgb.ttl``, sorted by name.

    >>> [r.name for r in load_relations()][:3]
    ['accused', 'appointed', 'attacked']
    >>> {r.name: r.family for r in load_relations()}["attacked"]
    'violence'
    """
    return relations_of(_parsed("kgb.ttl"))


def relations_of(g: Graph) -> tuple[Relation, ...]:
    """The relation inventory an ontology graph declares (every ``kgb:Relation``)."""
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
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in g,
            family=str(g.value(g.value(prop, KGB.family), RDFS.label) or ""),
            cues=cues,
            target_prepositions=tuple(sorted(str(o) for o in
                                             g.objects(prop, KGB.targetPreposition))),
            agent_nouns=tuple(sorted(str(o) for o in g.objects(prop, KGB.agentNoun))),
            possessive_is_object=g.value(prop, KGB.possessiveArgument) == KGB.ObjectArgument,
            of_object_nouns=tuple(sorted(str(o) for o in g.objects(prop, KGB.ofObjectNoun))),
            broader=tuple(sorted(str(o).split("#")[-1] for o in g.objects(prop, RDFS.subPropertyOf)
                                 if (o, RDF.type, KGB.Relation) in g)),
        ))
    return tuple(sorted(out, key=lambda r: r.name))


def relation_iri(name: str) -> URIRef:
    """The property of an inventory relation; a name outside the inventory raises.

    >>> relation_iri("attacked")
    rdflib.term.URIRef('https://w3id.org/kgbuilder/ontology#attacked')
    >>> relation_iri("attackd")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'attackd' is not a relation of the inventory; relations: accused, appointed, ...
    """
    names = [r.name for r in load_relations()]
    if name not in names:
        raise ValueError(f"{name!r} is not a relation of the inventory; relations: "
                         f"{', '.join(names)}")
    return KGB[name]


@lru_cache(maxsize=None)
def load_cues() -> CueTable:
    """Build the extractor's cue table from ``kgb.ttl`` (cached).

    >>> load_cues().verbs["assassinate"]
    'killed'
    """
    return cue_table(load_relations())


def cue_table(relations: tuple[Relation, ...]) -> CueTable:
    """Build the extractor's cue table from a relation inventory.

    A cue listed for two relations goes to the first in inventory order of
    precedence given by the ontology (alphabetical), which the tests keep unambiguous
    for verbs and nouns.

    >>> table = cue_table(load_relations())
    >>> table.verb_phrases[("fire", "at")]
    'attacked'
    >>> sorted(table.target_preps["sanctioned"]), table.agent_nouns["assassin"]
    (['against', 'on'], 'killed')
    """
    verbs: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}
    nouns: dict[str, str] = {}
    titles: dict[str, str] = {}
    modifiers: dict[str, str] = {}
    for rel in relations:
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
    rels = relations
    agents = {noun: r.name for r in rels for noun in r.agent_nouns}
    return CueTable(verbs=verbs, verb_phrases=phrases, nouns=nouns, titles=titles,
                    modifiers=modifiers,
                    symmetric=frozenset(r.name for r in rels if r.symmetric),
                    relations=frozenset(r.name for r in rels),
                    target_preps={r.name: frozenset(r.target_prepositions) for r in rels},
                    agent_nouns=agents,
                    possessive_objects=frozenset(r.name for r in rels if r.possessive_is_object),
                    of_object_nouns=frozenset(n for r in rels for n in r.of_object_nouns),
                    broader={r.name: frozenset(r.broader) for r in rels if r.broader})
