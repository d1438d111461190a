"""GEXF export: the entity network with colours and positions, read back by networkx."""
from __future__ import annotations

import io

import networkx as nx

from exports.gexf import to_gexf, write_gexf
from exports.graphml import to_networkx
from exports.view import CLASS_COLOURS
from graph.build import build_graph
from tests.graph.factories import record


def _graph():
    return build_graph([record(), record("d2", agent="Iran", agent_cls="Country", verb="backed",
                                         relation="supported", target="Hamas", target_cls="ArmedGroup")])


def test_gexf_round_trip_keeps_entities_and_facts(tmp_path):
    g = _graph()
    back = nx.read_gexf(write_gexf(g, tmp_path / "graph.gexf"))
    net = to_networkx(g)
    assert {back.nodes[n]["label"] for n in back} == {net.nodes[n]["label"] for n in net}
    assert sorted((back.nodes[u]["label"], d["relation"], back.nodes[v]["label"])
                  for u, v, d in back.edges(data=True)) == [
        ("Hamas", "attacked", "Sderot"), ("Iran", "supported", "Hamas")]


def test_gexf_nodes_carry_class_colour_and_a_position():
    back = nx.read_gexf(io.BytesIO(to_gexf(_graph()).encode()))
    by_label = {d["label"]: d for _, d in back.nodes(data=True)}
    colour = by_label["Iran"]["viz"]["color"]
    assert "#%02X%02X%02X" % (colour["r"], colour["g"], colour["b"]) == CLASS_COLOURS["Country"]
    positions = {(d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for d in by_label.values()}
    assert len(positions) == 3
