"""graph/summary.py: counts read as English; the build summary counts the graph's entity nodes."""
from __future__ import annotations

import pytest

from graph.aliases import read_entities
from graph.build import build_graph
from graph.summary import build_summary, counted
from tests.graph.factories import record


@pytest.mark.parametrize("n,noun,plural,expected", [
    (1, "document", None, "1 document"),
    (2, "document", None, "2 documents"),
    (0, "mention", None, "0 mentions"),
    (1, "entity", "entities", "1 entity"),
    (5, "entity", "entities", "5 entities"),
])
def test_summary_counts_read_as_english(n, noun, plural, expected):
    assert counted(n, noun, plural) == expected


def test_summary_entities_are_the_merged_nodes_kgbuilder_entities_lists():
    # two documents name Hamas: four entities in the records, three nodes in the graph
    g = build_graph([record("d1", agent="Hamas", target="Sderot"),
                     record("d2", agent="Hamas", target="Ashdod")])
    assert len(read_entities(g)) == 3
    assert build_summary(g, 2).startswith("2 documents, 3 entities, 2 statements, ")


def test_summary_of_one_document_and_one_statement_is_singular():
    g = build_graph([record("d1")])
    assert build_summary(g, 1).startswith("1 document, 2 entities, 1 statement, ")
