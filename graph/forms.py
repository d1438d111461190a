"""The cross-document merge over name forms: one item per (name, class), not per document entity.

The rules (:mod:`graph.merge_rules`) read an entity's name, class and aliases, so every
document entity of one *form* (one name and class) decides alike: they all land in one
node, and all but the first join it for one reason. The merge is therefore run on one
item per form, placed where its earliest entity stands in the order of all entities,
carrying the aliases all its entities were given. A popular entity named in thousands
of documents is a handful of forms, so a store merges its region at the cost of its
forms (:mod:`graph.incremental`), whatever the number of documents that name them.

One case needs more than the first entity. Step 2 (a name given elsewhere, an acronym)
decides per entity, in order, and an entity's decision depends on its group's root at
that moment, which changes when its group merges. So whenever a form's group takes a new
root, the form's next entity is decided too (``later`` gives where it stands): the
decisions are those of deciding every entity, as :func:`graph.aliases.resolve_entities`
did, which a test checks against the all-pairs reference.
"""
from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.entities.names import name_key
from extractors.records import DocumentRecord, Entity
from graph.merge_rules import _Merge, _merge_block, alias_target, may_take_alias

#: where an entity stands in the order of all entities: (document id, entity key)
Position = tuple[str, str]


@dataclass(frozen=True)
class Form:
    """The document entities of one name and class (one entity alone when its name has no
    letters or digits: such names match nothing, so each is its own node)."""

    name: str
    cls: str
    first: Position          # where its earliest entity stands
    aliases: tuple[str, ...]  # every other name its entities were given, sorted
    mentions: int            # over all its entities


def form_key(doc_id: str, ent: Entity) -> tuple:
    """What names an entity's form.

    >>> form_key("d1", Entity("e0", "KH", "ArmedGroup")), form_key("d1", Entity("e1", "--", "City"))
    (('KH', 'ArmedGroup'), ('--', 'City', 'd1', 'e1'))
    """
    return (ent.name, ent.cls) if name_key(ent.name) else (ent.name, ent.cls, doc_id, ent.key)


@dataclass(frozen=True)
class FormMerge:
    """The merge of forms, in the order they were given.

    ``group[i]`` is the index of the earliest form of form i's node; ``first_why[i]`` why
    form i's first entity joined its node (reason, the other entity's name), or None;
    ``rest_why[i]`` the same for each of its later entities.
    """

    group: tuple[int, ...]
    first_why: tuple[tuple[str, str] | None, ...]
    rest_why: tuple[tuple[str, str] | None, ...]


def merge_forms(forms: Sequence[Form], *, later: Callable[[int, Position], Position | None]
                ) -> FormMerge:
    """Merge ``forms`` as merging all their entities would.

    Args:
        forms: distinct forms, in any order.
        later: ``later(i, position)``: where the first entity of form i after ``position``
            stands, or None. Called only when a form's group takes a new root.
    """
    order = sorted(range(len(forms)), key=lambda i: forms[i].first)
    m = _Merge([DocumentRecord(forms[i].first[0], "", (
        Entity(forms[i].first[1], forms[i].name, forms[i].cls, forms[i].aliases),), ())
        for i in order])
    entries = m.entries  # entries[k] is forms[order[k]]
    earliest: dict = {}
    for idx in m.blocks.values():
        earliest.update(_merge_block(idx, entries, m.join))
    for idx in m.by_kind.values():
        _aliases_in_order(m, idx, lambda k, at: later(order[k], at))
    rest: list = [None] * len(forms)
    first_why: list = [None] * len(forms)
    group: list = [0] * len(forms)
    for k, i in enumerate(order):
        found = earliest.get((forms[i].name, forms[i].cls))
        rest[i] = (found[1], entries[found[0]][1].name) if found else None
        first_why[i] = m.why.get(k)
        group[i] = order[m.uf.root(k)]
    return FormMerge(tuple(group), tuple(first_why), tuple(rest))


def _aliases_in_order(m: _Merge, idx: list[int], later) -> None:
    """Step 2 of one kind: each form at its first entity, and again at its next entity
    whenever its group took a new root (only then can that entity decide otherwise)."""
    owners, spelt = m.name_owners(idx)
    members: dict[int, list[int]] = {}
    for k in idx:
        members.setdefault(m.uf.root(k), []).append(k)
    todo = [((m.entries[k][0], m.entries[k][1].key), k) for k in idx]
    heapq.heapify(todo)
    queued = set(todo)
    while todo:
        at, k = heapq.heappop(todo)
        found = alias_target(m, owners, spelt, k)
        if found is None:
            continue
        target, reason = found
        roots = m.uf.root(target), m.uf.root(k)
        if roots[0] == roots[1]:
            continue
        m.uf.union(target, k)
        if (m.entries[target][0], m.entries[target][1].key) > at:
            m.why.setdefault(target, (reason, m.entries[k][1].name))
        elif at == (m.entries[k][0], m.entries[k][1].key):
            m.why.setdefault(k, (reason, m.entries[target][1].name))
        moved = members.pop(max(roots))
        members[min(roots)].extend(moved)
        for other in moved:
            if may_take_alias(owners, spelt, m.entries[other][1]):
                nxt = later(other, at)
                if nxt is not None and (nxt, other) not in queued:
                    queued.add((nxt, other))
                    heapq.heappush(todo, (nxt, other))


def form_of(entities: Sequence[tuple[str, Entity]]) -> Form:
    """The form of ``(doc id, entity)`` pairs of one form, the earliest first."""
    doc_id, ent = entities[0]
    return Form(ent.name, ent.cls, (doc_id, ent.key),
                tuple(sorted({a for _, e in entities for a in e.aliases})),
                sum(e.mentions for _, e in entities))


def next_position(positions: Sequence[Position], after: Position) -> Position | None:
    """The first of the sorted ``positions`` after ``after``.

    >>> next_position([("a", "e0"), ("c", "e1")], ("b", "e9"))
    ('c', 'e1')
    """
    i = bisect.bisect_right(positions, after)
    return positions[i] if i < len(positions) else None
