"""GEXF for Gephi, through networkx: the entity network of :mod:`exports.graphml`, with
each node's class colour and its position in the HTML view, so Gephi opens it laid out."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from exports.files import write_text

from exports.graphml import to_networkx
from exports.layout import layout
from exports.view import CLASS_COLOURS


def _rgb(colour: str) -> dict[str, int]:
    """``#RRGGBB`` as GEXF's viz colour.

    >>> _rgb("#E69F00")
    {'r': 230, 'g': 159, 'b': 0}
    """
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}


def to_gexf(g: Graph) -> str:
    """Serialise the entity network of ``g`` as GEXF 1.2."""
    import networkx as nx  # imported when a network is written
    net = to_networkx(g)
    positions = layout(list(net.nodes), [(u, v) for u, v in net.edges()])
    for node, data in net.nodes(data=True):
        x, y = positions[node]
        data["viz"] = {"color": _rgb(CLASS_COLOURS.get(data["cls"], "#BBBBBB")),
                       "position": {"x": x, "y": -y, "z": 0.0}}
    return "\n".join(nx.generate_gexf(net, version="1.2draft")) + "\n"


def write_gexf(g: Graph, path: Path | str) -> Path:
    """Write the entity network of ``g`` as GEXF to ``path`` and return the path."""
    return write_text(path, to_gexf(g))
