"""Namespaces and classes of the kgbuilder ontology."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib import Graph, Namespace

#: The ontology: classes and the relation inventory.
KGB = Namespace("https://w3id.org/kgbuilder/ontology#")
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
