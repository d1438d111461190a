"""Namespaces and classes of the kgbuilder ontology."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace



class KGB(DefinedNamespace):
    """The ontology's terms, closed: a term not declared in ``kgb.ttl`` raises at once.

    ``tests/ontology/test_terms.py`` keeps these members equal to the terms of the file.

    >>> KGB.attacked
    rdflib.term.URIRef('https://w3id.org/kgbuilder/ontology#attacked')
    >>> KGB.attackd
    Traceback (most recent call last):
    ...
    AttributeError: term 'attackd' not in namespace 'https://w3id.org/kgbuilder/ontology#'
    """

    _NS = Namespace("https://w3id.org/kgbuilder/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    ArgumentRole: URIRef
    ArmedGroup: URIRef
    City: URIRef
    Country: URIRef
    Document: URIRef
    Entity: URIRef
    Facility: URIRef
    GovernmentBody: URIRef
    OpenRelation: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Region: URIRef
    Relation: URIRef
    RelationFamily: URIRef
    Statement: URIRef
    # individuals: relation families and argument roles
    CoercionFamily: URIRef
    DiplomacyFamily: URIRef
    LocationFamily: URIRef
    MembershipFamily: URIRef
    SupportFamily: URIRef
    ViolenceFamily: URIRef
    ObjectArgument: URIRef
    SubjectArgument: URIRef
    # the relation inventory
    accused: URIRef
    appointed: URIRef
    attacked: URIRef
    condemned: URIRef
    contacted: URIRef
    cooperatedWith: URIRef
    injured: URIRef
    killed: URIRef
    leaderOf: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    rejected: URIRef
    requested: URIRef
    sanctioned: URIRef
    sent: URIRef
    supported: URIRef
    threatened: URIRef
    visited: URIRef
    withdrewFrom: URIRef
    # annotation properties: cues and what the extractor reads about each relation
    agentNoun: URIRef
    cameoRoot: URIRef
    family: URIRef
    modifierCue: URIRef
    nounCue: URIRef
    ofObjectNoun: URIRef
    ploverCategory: URIRef
    possessiveArgument: URIRef
    targetPreposition: URIRef
    titleCue: URIRef
    verbCue: URIRef
    # statements, documents and entities in a built graph
    eventDate: URIRef
    evidence: URIRef
    factuality: URIRef
    mentionCount: URIRef
    mentionedIn: URIRef
    mergeReason: URIRef
    objectMention: URIRef
    reportedBy: URIRef
    reporterMention: URIRef
    rule: URIRef
    sentence: URIRef
    subjectMention: URIRef
    timeExpression: URIRef
    verb: URIRef


class _RelationNames:
    """Relation names as the extractor writes them, checked against the closed namespace.

    >>> REL.attacked
    'attacked'
    >>> REL.attackd
    Traceback (most recent call last):
    ...
    AttributeError: term 'attackd' not in namespace 'https://w3id.org/kgbuilder/ontology#'
    """

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or not name[:1].islower():
            raise AttributeError(f"{name!r} is not a relation name")
        value = str(getattr(KGB, name))[len(str(KGB)):]
        # remembered as an attribute: the rules read REL.<name> for every fact they make
        object.__setattr__(self, name, value)
        return value


#: Relation names (``REL.locatedIn == "locatedIn"``); a misspelt one raises at once.
REL = _RelationNames()

#: Resources minted by a build: entities, documents, statements.
KGR = Namespace("https://w3id.org/kgbuilder/resource/")
#: Open relations: one property per verb outside the inventory.
OPEN = Namespace("https://w3id.org/kgbuilder/open#")

#: schema.org, as the ontology and the scorer spell it (http, not https).
SCHEMA = Namespace("http://schema.org/")
#: NIF 2.0 core: strings of a document and their character offsets.
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
#: ITS 2.0 in RDF: ``itsrdf:taIdentRef`` links a mention to the entity it names.
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

#: Entity classes by local name, most specific first where it matters.
CLASSES = ("Person", "Organization", "ArmedGroup", "GovernmentBody", "Country", "City",
           "Region", "Facility", "Place")


def ontology_text(name: str = "kgb.ttl") -> str:
    """Return the Turtle text of one ontology file shipped in this package."""
    return resources.files("ontology").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _parsed(name: str) -> Graph:
    g = Graph()
    g.parse(data=ontology_text(name), format="turtle")
    return g


def load_ontology(name: str = "kgb.ttl") -> Graph:
    """Return a fresh copy of the ontology graph.

    >>> g = load_ontology()
    >>> (KGB.attacked, None, None) in g
    True
    """
    g = Graph()
    for triple in _parsed(name):
        g.add(triple)
    for prefix, ns in _parsed(name).namespaces():
        g.bind(prefix, ns, override=True)
    return g
