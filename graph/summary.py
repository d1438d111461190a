"""What a build reports: counts read as English, and the one-line summary of a graph."""
from __future__ import annotations

from rdflib import RDF, Graph

from ontology import KGB


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one.

    >>> counted(1, "document"), counted(3, "mention"), counted(0, "entity", "entities")
    ('1 document', '3 mentions', '0 entities')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def count_entities(g: Graph) -> int:
    """The entity nodes of a graph: each merged entity once, as ``kgbuilder entities`` lists them."""
    from graph.aliases import read_entities  # here: graph.aliases imports counted()

    return len(read_entities(g))


def build_summary(g: Graph, documents: int) -> str:
    """One line: documents read, entity nodes, statements and triples of the graph.

    >>> build_summary(Graph(), 1)
    '1 document, 0 entities, 0 statements, 0 triples'
    """
    statements = len(set(g.subjects(RDF.type, KGB.Statement)))
    return ", ".join([counted(documents, "document"),
                      counted(count_entities(g), "entity", "entities"),
                      counted(statements, "statement"), counted(len(g), "triple")])
