"""The prefixes of kgbuilder's graphs: bound in every file it writes, predeclared in every
query it runs.

One table of plain strings, so that ``kgbuilder query`` and the endpoint need not import
rdflib (a third of a second) to parse a query; ``graph.build.bind_prefixes`` binds the
same table, and a test keeps it equal to the namespaces of :mod:`ontology.terms` and
rdflib's.
"""
from __future__ import annotations

_KGR = "https://w3id.org/kgbuilder/resource/"

#: prefix → namespace IRI, as every graph kgbuilder writes binds them
WRITTEN: dict[str, str] = {
    "kgb": "https://w3id.org/kgbuilder/ontology#",
    "kgr": _KGR,
    "open": "https://w3id.org/kgbuilder/open#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "http://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    # one prefix per kind of minted resource, so that Turtle names read kgp:mark-esper
    "kgp": _KGR + "person/",
    "kgo": _KGR + "org/",
    "kgl": _KGR + "place/",
    "kgd": _KGR + "doc/",
    "kgs": _KGR + "statement/",
}

#: the prefixes rdflib binds in any graph ("core"), which queries predeclare too
CORE: dict[str, str] = {
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


#: every prefix predeclared in a query, sorted by prefix
QUERY: dict[str, str] = dict(sorted((CORE | WRITTEN).items()))
