"""Which part of a view to draw: a node budget, or the neighbourhood of one entity."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from exports.view import View


class UnknownEntityError(ValueError):
    """A name given to focus on that no entity of the view carries."""


def degrees(view: View) -> Counter:
    """Entity IRI -> number of edges it is an end of (every voice counts)."""
    counts: Counter = Counter()
    for edge in view.edges:
        counts[edge.source] += 1
        counts[edge.target] += 1
    return counts


def _keep(view: View, kept: set[str]) -> View:
    nodes = tuple(n for n in view.nodes if n.iri in kept)
    edges = tuple(e for e in view.edges if e.source in kept and e.target in kept)
    return replace(view, nodes=nodes, edges=edges,
                   omitted=view.omitted + len(view.nodes) - len(nodes))


def limit_nodes(view: View, max_nodes: int) -> View:
    """The ``max_nodes`` most connected entities (ties by IRI); 0 keeps them all.

    The view's ``omitted`` counts the entities left out.
    """
    if max_nodes <= 0 or len(view.nodes) <= max_nodes:
        return view
    deg = degrees(view)
    ranked = sorted(view.nodes, key=lambda n: (-deg[n.iri], n.iri))
    return _keep(view, {n.iri for n in ranked[:max_nodes]})


def focus(view: View, name: str, *, depth: int = 1) -> View:
    """The entities within ``depth`` facts of every entity one of whose names is ``name``.

    Names compare case-insensitively.

    Raises:
        UnknownEntityError: no entity has that name; the message lists close names.
    """
    wanted = name.casefold().strip()
    seeds = {n.iri for n in view.nodes
             if wanted in {x.casefold() for x in (n.label, *n.names)}}
    if not seeds:
        close = sorted({n.label for n in view.nodes if wanted and wanted in n.label.casefold()})
        hint = f"; did you mean {', '.join(repr(c) for c in close[:5])}?" if close else ""
        raise UnknownEntityError(f"no entity is named {name!r}{hint}")
    around: dict[str, set[str]] = defaultdict(set)
    for edge in view.edges:
        around[edge.source].add(edge.target)
        around[edge.target].add(edge.source)
    kept, frontier = set(seeds), set(seeds)
    for _ in range(max(depth, 0)):
        frontier = {m for n in frontier for m in around[n]} - kept
        kept |= frontier
    return _keep(view, kept)
