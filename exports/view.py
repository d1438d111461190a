"""The network view of a graph: nodes, edges and their evidence, as plain data.

Reads only the RDF graph, so it serves every graph kgbuilder wrote, whatever built it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, URIRef

from ontology import KGB, OPEN, load_relations

#: One colour per entity class (colour-blind safe palette, Okabe-Ito).
CLASS_COLOURS = {
    "Person": "#E69F00", "Organization": "#56B4E9", "ArmedGroup": "#D55E00",
    "GovernmentBody": "#0072B2", "Country": "#009E73", "City": "#F0E442",
    "Region": "#CC79A7", "Facility": "#999999", "Place": "#BBBBBB",
}
_SPECIFICITY = ("ArmedGroup", "GovernmentBody", "Country", "City", "Region", "Facility",
                "Person", "Organization", "Place")


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    cls: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str
    open: bool
    evidence: tuple[str, ...]
    predicate: str = ""


@dataclass(frozen=True)
class View:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def graph_view(g: Graph, *, include_open: bool = True) -> View:
    """The entities and the direct facts between them, with evidence sentences."""
    evidence: dict[tuple, set[str]] = defaultdict(set)
    for st in g.subjects(RDF.type, KGB.Statement):
        key = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
        for sent in g.objects(st, KGB.sentence):
            evidence[key].add(str(sent))
    relations = {KGB[r.name] for r in load_relations()}
    edges = []
    used: set = set()
    for s, p, o in g:
        is_open = str(p).startswith(str(OPEN))
        if not (p in relations or (include_open and is_open)) or not isinstance(o, URIRef):
            continue
        label = str(g.value(p, RDFS.label) or _local(p))
        edges.append(Edge(str(s), str(o), label, is_open, tuple(sorted(evidence[(s, p, o)])),
                          str(p)))
        used.update((s, o))
    nodes = []
    for iri in sorted(used, key=str):
        types = {_local(t) for t in g.objects(iri, RDF.type)}
        cls = next((c for c in _SPECIFICITY if c in types), "Place")
        nodes.append(Node(str(iri), str(g.value(iri, RDFS.label) or _local(iri)), cls))
    return View(tuple(nodes), tuple(sorted(edges, key=lambda e: (e.source, e.relation, e.target))))

