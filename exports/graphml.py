"""GraphML for Gephi and other network tools, through networkx.

Nodes are the entities (``label``, ``cls``), edges the direct facts between them
(``relation``, ``predicate``, ``open``, ``evidence``: the sentences, one a line), as the
network view (:func:`exports.view.graph_view`) sees them. Node ids are the entity IRIs.
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib import Graph

from exports.files import write_text
from exports.view import graph_view

# characters XML 1.0 cannot carry, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """``text`` with the characters XML forbids replaced by U+FFFD.

    >>> _xml_safe("a\\x00b")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The entity network of ``g`` as a networkx multigraph (one edge per direct fact)."""
    view = graph_view(g)
    net = nx.MultiDiGraph()
    for node in view.nodes:
        net.add_node(_xml_safe(node.iri), label=_xml_safe(node.label), cls=node.cls)
    for edge in view.edges:
        net.add_edge(_xml_safe(edge.source), _xml_safe(edge.target), key=_xml_safe(edge.predicate),
                     relation=_xml_safe(edge.relation), predicate=_xml_safe(edge.predicate),
                     open=edge.open, evidence=_xml_safe("\n".join(edge.evidence)))
    return net


def to_graphml(g: Graph) -> str:
    """Serialise the entity network of ``g`` as GraphML."""
    return "\n".join(nx.generate_graphml(to_networkx(g), named_key_ids=True)) + "\n"


def write_graphml(g: Graph, path: Path | str) -> Path:
    """Write the entity network of ``g`` as GraphML to ``path`` and return the path."""
    return write_text(path, to_graphml(g))
