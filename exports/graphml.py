"""GraphML for Gephi and other network tools, through networkx.

Nodes are the entities (``label``, ``cls``), edges the facts the text asserts, in the
article's voice or reported (``relation``, ``predicate``, ``open``, ``evidence``: the
sentences, one a line), as the network view (:func:`exports.view.graph_view`) sees them.
Node ids are the entity IRIs.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from exports.files import write_text
from exports.view import graph_view

if TYPE_CHECKING:  # networkx is imported when a network is made: a build without GraphML waits less
    import networkx as nx

# characters XML 1.0 cannot carry, even escaped
#: The voices of a fact the text asserts (see :data:`exports.view.FACTUALITIES`).
ASSERTED = ("asserted", "reported")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """``text`` with the characters XML forbids replaced by U+FFFD.

    >>> _xml_safe("a\\x00b")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """The entity network of ``g`` as a networkx multigraph (one edge per direct fact)."""
    import networkx as nx

    view = graph_view(g)
    net = nx.MultiDiGraph()
    for node in view.nodes:
        net.add_node(_xml_safe(node.iri), label=_xml_safe(node.label), cls=node.cls)
    sentences: dict[tuple[str, str, str], list[str]] = {}
    for edge in view.edges:
        if edge.factuality not in ASSERTED:
            continue
        key = (_xml_safe(edge.source), _xml_safe(edge.target), _xml_safe(edge.predicate))
        sentences.setdefault(key, []).extend(ev.sentence for ev in edge.evidence)
        net.add_edge(key[0], key[1], key=key[2], relation=_xml_safe(edge.relation), predicate=key[2],
                     open=edge.open, evidence=_xml_safe("\n".join(sorted(set(sentences[key])))))
    return net


def to_graphml(g: Graph) -> str:
    """Serialise the entity network of ``g`` as GraphML."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(g), named_key_ids=True)) + "\n"


def write_graphml(g: Graph, path: Path | str) -> Path:
    """Write the entity network of ``g`` as GraphML to ``path`` and return the path."""
    return write_text(path, to_graphml(g))
