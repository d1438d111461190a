"""Layout: deterministic positions, components apart."""
from __future__ import annotations

import random

import pytest

from exports.layout import layout


def _graph(n: int, seed: int = 3):
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    edges = [(f"n{i}", f"n{rng.randrange(i)}") for i in range(1, n // 2)]
    edges += [(f"n{i}", f"n{i + 1}") for i in range(n // 2, n - 1, 2)]
    return nodes, edges


@pytest.mark.parametrize("n", [5, 60, 400])
def test_layout_is_the_same_in_any_input_order(n):
    nodes, edges = _graph(n)
    shuffled = nodes[::-1], [(b, a) for a, b in reversed(edges)]
    assert layout(nodes, edges) == layout(*shuffled)


def test_layout_places_every_node_apart():
    nodes, edges = _graph(300)
    pos = layout(nodes, edges)
    assert set(pos) == set(nodes)
    assert len(set(pos.values())) == len(nodes)


def test_layout_neighbours_are_closer_than_strangers():
    nodes, edges = _graph(400)
    pos = layout(nodes, edges)

    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    rng = random.Random(1)
    strangers = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(len(edges))]
    near = sum(dist(a, b) for a, b in edges) / len(edges)
    far = sum(dist(a, b) for a, b in strangers) / len(strangers)
    assert near * 3 < far


def test_layout_of_nothing_is_empty():
    assert layout([], []) == {}
