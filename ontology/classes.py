"""Class groups read from ``rdfs:subClassOf`` in ``kgb.ttl``, not restated in Python."""
from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, RDF, RDFS

from ontology.terms import KGB, _parsed


@lru_cache(maxsize=None)
def subclasses_of(name: str) -> frozenset[str]:
    """The local names of class ``name`` and every class below it in the ontology.

    >>> sorted(subclasses_of("Organization"))
    ['ArmedGroup', 'GovernmentBody', 'Organization']
    >>> sorted(subclasses_of("Place"))
    ['City', 'Country', 'Facility', 'Place', 'Region']
    >>> subclasses_of("Organisation")
    Traceback (most recent call last):
    ...
    ValueError: no class kgb:Organisation in the ontology; classes: Actor, ArmedGroup, City, Country, Document, Entity, Facility, GovernmentBody, OpenRelation, Organization, Person, Place, Region, Relation, RelationFamily, Statement
    """
    g = _parsed("kgb.ttl")
    classes = {str(c)[len(str(KGB)):] for c in g.subjects(RDF.type, OWL.Class)
               if str(c).startswith(str(KGB))}
    if name not in classes:
        raise ValueError(f"no class kgb:{name} in the ontology; classes: {', '.join(sorted(classes))}")
    found = {KGB[name]}
    frontier = [KGB[name]]
    while frontier:
        for sub in g.subjects(RDFS.subClassOf, frontier.pop()):
            if sub not in found:
                found.add(sub)
                frontier.append(sub)
    return frozenset(str(c)[len(str(KGB)):] for c in found)
