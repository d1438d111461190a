"""Selection: the node budget and the neighbourhood of one entity."""
from __future__ import annotations

import pytest

from exports.selection import UnknownEntityError, focus, limit_nodes
from exports.view import graph_view
from graph.build import build_graph
from tests.graph.factories import record


@pytest.fixture(scope="module")
def chain():
    # Hamas -> Sderot, Hamas -> Ashkelon, Iran -> Hamas, Qatar -> Iran
    return graph_view(build_graph([
        record("d1"), record("d2", target="Ashkelon"),
        record("d3", agent="Iran", agent_cls="Country", verb="backed", relation="supported",
               target="Hamas", target_cls="ArmedGroup"),
        record("d4", agent="Qatar", agent_cls="Country", verb="contacted", relation="contacted",
               target="Iran", target_cls="Country")]))


def test_selection_budget_keeps_the_most_connected(chain):
    kept = limit_nodes(chain, 2)
    assert sorted(n.label for n in kept.nodes) == ["Hamas", "Iran"]
    assert kept.omitted == 3
    assert [(e.relation) for e in kept.edges] == ["supported"]


def test_selection_budget_of_zero_keeps_all(chain):
    assert limit_nodes(chain, 0) == chain


@pytest.mark.parametrize("depth, labels", [
    (0, ["Iran"]),
    (1, ["Hamas", "Iran", "Qatar"]),
    (2, ["Ashkelon", "Hamas", "Iran", "Qatar", "Sderot"]),
])
def test_selection_focus_takes_the_neighbourhood(chain, depth, labels):
    assert sorted(n.label for n in focus(chain, "iran", depth=depth).nodes) == labels


def test_selection_focus_on_an_unknown_name_says_which_names_are_close(chain):
    with pytest.raises(UnknownEntityError, match="no entity is named 'Ham'; did you mean 'Hamas'"):
        focus(chain, "Ham")
