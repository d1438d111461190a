"""GraphML export: the entity network, read back by networkx."""
from __future__ import annotations

import io

import networkx as nx
from rdflib import RDFS, Graph, Literal, URIRef

from exports.graphml import to_graphml, to_networkx, write_graphml
from graph.build import build_graph
from ontology import KGB
from tests.exports.parsers import assert_isomorphic
from tests.graph.factories import record as _record


def _facts_of(net: nx.MultiDiGraph) -> Graph:
    """The direct facts and labels a network carries, as RDF, to compare with the source."""
    g = Graph()
    for node, data in net.nodes(data=True):
        g.add((URIRef(node), RDFS.label, Literal(data["label"])))
    for s, o, data in net.edges(data=True):
        g.add((URIRef(s), URIRef(data["predicate"]), URIRef(o)))
    return g


def _expected(g: Graph) -> Graph:
    out = Graph()
    for s, p, o in g:
        if isinstance(o, URIRef) and (p == KGB.attacked or str(p).startswith("https://w3id.org/kgbuilder/open#")):
            out.add((s, p, o))
            out.add((s, RDFS.label, g.value(s, RDFS.label)))
            out.add((o, RDFS.label, g.value(o, RDFS.label)))
    return out


def test_graphml_round_trip_keeps_entities_and_facts(tmp_path):
    g = build_graph([_record(), _record("d2", verb="shelled", relation="shell", open_=True)])
    path = write_graphml(g, tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert_isomorphic(_expected(g), _facts_of(back))


def test_graphml_edges_carry_relation_and_evidence():
    net = nx.read_graphml(io.BytesIO(to_graphml(build_graph([_record()])).encode()),
                          force_multigraph=True)
    [(_, _, data)] = net.edges(data=True)
    assert data["relation"] == "attacked"
    assert data["evidence"] == "Hamas attacked Sderot."


def test_graphml_replaces_characters_xml_cannot_carry():
    net = to_networkx(build_graph([_record(agent="Ham\x01as")]))
    text = to_graphml(build_graph([_record(agent="Ham\x01as")]))
    assert "\x01" not in text and nx.read_graphml(io.BytesIO(text.encode())).number_of_nodes() == net.number_of_nodes()
