"""Node positions computed once, in Python, so the page opens drawn and never moves.

A force-directed layout (Fruchterman-Reingold) of each connected component, with numpy:
exact repulsion for small components; for large ones, each node is pushed by the centres
of mass of the cells of a grid (a particle-mesh approximation, linear in the nodes), so
20,000 nodes take seconds, not the minutes of an all-pairs layout. The components are
then packed in rows, largest first. Same nodes and edges, same positions: the start
positions and the order of everything come from the sorted node ids.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

#: Components up to this size get exact all-pairs repulsion.
EXACT_LIMIT = 150
#: Components up to this size are laid out together, in one batch.
SMALL = 12
#: Distance between neighbours in the finished layout, in page pixels.
SPACING = 75.0


def _components(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Connected components as arrays of node indices, largest first, then by first index."""
    parent = np.arange(n)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(int(a)), root(int(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([root(i) for i in range(n)], dtype=np.int64)
    groups: dict[int, list[int]] = {}
    for i, r in enumerate(roots.tolist()):
        groups.setdefault(r, []).append(i)
    return sorted((np.array(g) for g in groups.values()), key=lambda g: (-len(g), int(g[0])))


def _squared(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """``dx**2 + dy**2``: the same numbers as summing a last axis of length 2, without
    numpy's slow reduction over so short an axis."""
    return dx * dx + dy * dy


def _repulsion_exact(pos: np.ndarray) -> np.ndarray:
    # x and y apart, [j, i] = pos[i] - pos[j], summed over j: the first axis, in order, as
    # an all-pairs (i, j, 2) array summed over j was (the same numbers, a few times faster)
    x, y = pos[:, 0], pos[:, 1]
    dx, dy = x[None, :] - x[:, None], y[None, :] - y[:, None]
    dist2 = np.maximum(_squared(dx, dy), 1e-4)
    return np.stack([(dx / dist2).sum(0), (dy / dist2).sum(0)], 1)


def _repulsion_grid(pos: np.ndarray, cells: int) -> np.ndarray:
    """Repulsion from the centre of mass of each grid cell: far nodes act as one mass, and
    a node's own cell pushes it from the centre of its other members."""
    lo, hi = pos.min(0), pos.max(0)
    size = np.maximum(hi - lo, 1e-9) / cells
    idx = np.minimum(((pos - lo) / size).astype(np.int64), cells - 1)
    flat = idx[:, 0] * cells + idx[:, 1]
    mass = np.bincount(flat, minlength=cells * cells).astype(float)
    sums = np.stack([np.bincount(flat, pos[:, k], minlength=cells * cells) for k in (0, 1)], 1)
    used = np.flatnonzero(mass)
    centres, weights = sums[used] / mass[used, None], mass[used]
    # x and y apart, and sums as matrix products: (n, cells) arrays, no axis of length 2
    dx = pos[:, :1] - centres[None, :, 0]
    dy = pos[:, 1:] - centres[None, :, 1]
    scale = weights / np.maximum(dx * dx + dy * dy, 1e-2)
    scale[np.arange(len(pos)), np.searchsorted(used, flat)] = 0.0  # own cell: below
    out = pos * scale.sum(1)[:, None] - scale @ centres
    # own cell: pushed from the centre of its other members
    others = mass[flat] - 1
    delta = pos - (sums[flat] - pos) / np.maximum(others, 1)[:, None]
    out += delta * (others / np.maximum(_squared(delta[:, 0], delta[:, 1]), 1e-2))[:, None]
    return out


def _spring(n: int, pairs: np.ndarray, seed: int) -> np.ndarray:
    """Fruchterman-Reingold positions of one connected component, ideal edge length 1."""
    rng = np.random.default_rng(seed)
    side = np.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    iterations = min(100, 30 + 5 * n)
    cells = int(np.clip(np.sqrt(n / 20), 2, 16))
    temperature = side / 4
    for step in range(iterations):
        force = _repulsion_exact(pos) if n <= EXACT_LIMIT else _repulsion_grid(pos, cells)
        _attract(force, pos, pairs)
        length = np.sqrt(np.maximum(_squared(force[:, 0], force[:, 1]), 1e-12))
        pos += force / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = side / 4 * (1 - (step + 1) / iterations) + 0.01
    return pos - pos.mean(0)


def _spring_small(sizes: list[int], pairs: np.ndarray) -> np.ndarray:
    """Fruchterman-Reingold of many small components at once, each in its own frame.

    ``pairs`` index the concatenated nodes of the components, in order; the result is
    their positions, each component centred on the origin.
    """
    block_of = np.repeat(np.arange(len(sizes)), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    rank = np.arange(len(block_of)) - starts[block_of]
    side = np.sqrt(np.asarray(sizes, dtype=float))[block_of]
    pos = np.random.default_rng(len(block_of)).uniform(-0.5, 0.5, size=(len(block_of), 2))
    pos *= side[:, None]
    iterations = 60
    for step in range(iterations):
        # x and y apart, [b, j, i] = pos of i - pos of j in block b, summed over j in order
        # (as in _repulsion_exact); NaN pads the blocks and pushes nothing
        bx, by = np.full((len(sizes), max(sizes)), np.nan), np.full((len(sizes), max(sizes)), np.nan)
        bx[block_of, rank], by[block_of, rank] = pos[:, 0], pos[:, 1]
        dx, dy = bx[:, None, :] - bx[:, :, None], by[:, None, :] - by[:, :, None]
        dist2 = _squared(dx, dy)
        inverse = np.where(np.isnan(dist2), 0.0, 1.0 / np.maximum(np.nan_to_num(dist2), 1e-4))
        force = np.stack([np.nan_to_num(dx * inverse).sum(1),
                          np.nan_to_num(dy * inverse).sum(1)], -1)[block_of, rank]
        _attract(force, pos, pairs)
        temperature = side / 4 * (1 - step / iterations) + 0.01
        length = np.sqrt(np.maximum(_squared(force[:, 0], force[:, 1]), 1e-12))
        pos += force / length[:, None] * np.minimum(length, temperature)[:, None]
    centres = np.stack([np.bincount(block_of, pos[:, k]) for k in (0, 1)], 1) / np.asarray(sizes)[:, None]
    return pos - centres[block_of]


def _attract(force: np.ndarray, pos: np.ndarray, pairs: np.ndarray) -> None:
    """Add the spring pull of each edge (``d**2`` along it) to ``force``."""
    if len(pairs):
        delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        pull = delta * np.sqrt(np.maximum(_squared(delta[:, 0], delta[:, 1]), 1e-9))[:, None]
        np.add.at(force, pairs[:, 0], -pull)
        np.add.at(force, pairs[:, 1], pull)


def _pack(shapes: list[np.ndarray]) -> list[np.ndarray]:
    """Place the components in rows, largest first, each in its own box."""
    boxes = [(p.max(0) - p.min(0)) + 2.0 for p in shapes]
    width = max(float(np.sqrt(sum(b[0] * b[1] for b in boxes))) * 1.2, float(boxes[0][0]))
    placed, x, y, row = [], 0.0, 0.0, 0.0
    for p, box in zip(shapes, boxes):
        if x > 0 and x + box[0] > width:
            x, y, row = 0.0, y + row, 0.0
        placed.append(p - p.min(0) + np.array([x + 1.0, y + 1.0]))
        x, row = x + box[0], max(row, float(box[1]))
    return placed


def layout(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions (x, y) in page pixels for ``nodes``, from the ``edges`` between them.

    Deterministic: the same nodes and edges, in any order, give the same positions.

    >>> pos = layout(["a", "b", "c"], [("a", "b")])
    >>> pos == layout(["c", "b", "a"], [("b", "a")])
    True
    >>> round(abs(pos["a"][0] - pos["b"][0]) + abs(pos["a"][1] - pos["b"][1])) > 0
    True
    """
    ids = sorted(set(nodes))
    index = {node: i for i, node in enumerate(ids)}
    pairs = sorted({tuple(sorted((index[a], index[b]))) for a, b in edges
                    if a in index and b in index and a != b})
    pairs_arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    if not ids:
        return {}
    comps = _components(len(ids), pairs_arr)
    label = np.empty(len(ids), dtype=np.int64)
    local = np.empty(len(ids), dtype=np.int64)
    for c, comp in enumerate(comps):
        label[comp] = c
        local[comp] = np.arange(len(comp))
    order = np.argsort(label[pairs_arr[:, 0]], kind="stable")
    bounds = np.searchsorted(label[pairs_arr[:, 0]][order], np.arange(len(comps) + 1))
    shapes: list[np.ndarray] = []
    small = [c for c, comp in enumerate(comps) if len(comp) <= SMALL]
    for c, comp in enumerate(comps):
        if len(comp) > SMALL:
            shapes.append(_spring(len(comp), local[pairs_arr[order[bounds[c]:bounds[c + 1]]]],
                                  seed=len(comp)))
    if small:
        # the small components side by side: node i of component c is at offset[c] + i
        sizes = [len(comps[c]) for c in small]
        offset = dict(zip(small, np.concatenate([[0], np.cumsum(sizes)[:-1]]).tolist()))
        sub = [local[pairs_arr[order[bounds[c]:bounds[c + 1]]]] + offset[c] for c in small]
        pos = _spring_small(sizes, np.concatenate(sub).reshape(-1, 2))
        shapes.extend(np.split(pos, np.cumsum(sizes)[:-1]))
    members = [comps[c] for c, comp in enumerate(comps) if len(comp) > SMALL]
    members += [comps[c] for c in small]
    out: dict[str, tuple[float, float]] = {}
    for comp, pos in zip(members, _pack(shapes)):
        for i, (x, y) in zip(comp.tolist(), pos.tolist()):
            out[ids[i]] = (round(x * SPACING, 1), round(y * SPACING, 1))
    return out
