"""A store write's re-merge of its region: the forms before and after, and the lines of the
shared default graph that change with them.

A write adds document entities (``plus``) and takes some out (``minus``). The forms they
reach through dependency keys (:func:`graph.entity_index.region`) are merged again, one
item per form (:func:`graph.forms.merge_forms`), which gives every form its node and its
reasons. The nodes' own lines (class, label, other names, mention count) are compared
before and after; a form's ``kgb:mergeReason`` lines (one per document entity) are
rewritten whole only when its node, its first entity or its reasons changed, and
otherwise only for the entities that came or left. So a write reads one summary per
form of its region and the entities of the forms that change, not every entity the
store holds of a popular node.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import URIRef

from extractors.records import Entity
from graph.aliases import add_node, add_reason
from graph.entity_index import FormSummary, all_summaries, form_iri, members, region, with_entities
from graph.forms import form_key, merge_forms, next_position
from graph.iris import entity_iri
from graph.merge_rules import MergedEntity, node_head
from graph.nquads import TripleSet, triple_lines

Entities = list[tuple[str, Entity]]


@dataclass(frozen=True)
class RegionChange:
    """What re-merging a region changes: each form's summary before and after (None:
    not stored, or no entity left), and the default graph's lines that go and come."""

    before: dict[ox.NamedNode, FormSummary]
    after: dict[ox.NamedNode, FormSummary | None]
    gone: set[str]
    new: set[str]

    def renamed_forms(self) -> list[ox.NamedNode]:
        """Stored forms whose entities are in another node now."""
        return [iri for iri, b in self.before.items()
                if (a := self.after.get(iri)) is not None and a.node != b.node]


class _Entities:
    """The entities of each form of the region, as stored and after the write, read once."""

    def __init__(self, meta: ox.Store, plus: Entities, minus: Entities):
        self.meta = meta
        self.plus: dict[ox.NamedNode, Entities] = defaultdict(list)
        self.minus: dict[ox.NamedNode, Entities] = defaultdict(list)
        for found, ents in ((self.plus, plus), (self.minus, minus)):
            for doc_id, ent in ents:
                found[form_iri(form_key(doc_id, ent))].append((doc_id, ent))
        self._stored: dict = {}
        self._after: dict = {}

    def stored(self, iri: ox.NamedNode) -> Entities:
        if iri not in self._stored:
            self._stored[iri] = members(self.meta, iri)
        return self._stored[iri]

    def after(self, iri: ox.NamedNode) -> Entities:
        if iri not in self._after:
            leaving = {(d, e.key) for d, e in self.minus[iri]}
            self._after[iri] = sorted([e for e in self.stored(iri) if (e[0], e[1].key) not in leaving]
                                      + self.plus[iri], key=lambda e: (e[0], e[1].key))
        return self._after[iri]

    def first(self, iri: ox.NamedNode, before: FormSummary | None):
        """Where the form's earliest entity stands after the write (None: none is left)."""
        came = [(d, e.key) for d, e in self.plus[iri]]
        if before is not None and before.form.first not in {(d, e.key) for d, e in self.minus[iri]}:
            return min([before.form.first, *came])
        if before is None and not self.minus[iri]:
            return min(came) if came else None
        left = self.after(iri)
        return (left[0][0], left[0][1].key) if left else None


def remerge(meta: ox.Store, plus: Entities, minus: Entities, *, everything: bool = False,
            label_iris: bool = False) -> RegionChange:
    """Merge again the region of the entities ``plus`` (coming) and ``minus`` (leaving).

    With ``everything``, every stored form is merged again, whatever the entities: a
    store whose nodes were named by an older rule gets today's names. With ``label_iris``,
    nodes are named as before index version 5, from their labels (:func:`_head`).
    """
    before = all_summaries(meta) if everything else region(meta, [e for _, e in plus + minus])
    ents = _Entities(meta, plus, minus)
    after: dict[ox.NamedNode, FormSummary | None] = {}
    for iri in {*before, *ents.plus, *ents.minus}:
        b = before.get(iri)
        some = (ents.plus[iri] or ents.minus[iri])
        key = b.key if b is not None else form_key(*some[0])
        after[iri] = with_entities(b, key, ents.plus[iri], ents.minus[iri], ents.first(iri, b))
    live = [iri for iri, a in after.items() if a is not None]
    positions = {iri: None for iri in live}

    def later(i: int, at):
        iri = live[i]
        if positions[iri] is None:
            positions[iri] = [(d, e.key) for d, e in ents.after(iri)]
        return next_position(positions[iri], at)

    merged = merge_forms([after[iri].form for iri in live], later=later)
    groups: dict[int, list[ox.NamedNode]] = defaultdict(list)
    for i, root in enumerate(merged.group):
        groups[root].append(live[i])
    for i, iri in enumerate(live):
        after[iri] = replace(after[iri], first_why=merged.first_why[i], rest_why=merged.rest_why[i])
    new_heads = TripleSet()
    for idx in groups.values():
        node = _head((after[iri] for iri in idx), label_iri=label_iris)
        add_node(new_heads, node)
        for iri in idx:
            after[iri] = replace(after[iri], node=str(node.iri))
    old_heads = TripleSet()
    by_node: dict[str, list[FormSummary]] = defaultdict(list)
    for b in before.values():
        by_node[b.node].append(b)
    for node_iri, summaries in by_node.items():
        # under the IRI the store holds, which a node named by an older rule may not have now
        add_node(old_heads, replace(_head(summaries), iri=URIRef(node_iri)))
    gone_reasons, new_reasons = TripleSet(), TripleSet()
    for iri in after:
        b, a = before.get(iri), after[iri]
        if (b is not None and a is not None and (b.node, b.form.first, b.first_why, b.rest_why)
                == (a.node, a.form.first, a.first_why, a.rest_why)):
            _reasons(gone_reasons, b, ents.minus[iri])
            _reasons(new_reasons, a, ents.plus[iri])
            continue
        if b is not None:
            _reasons(gone_reasons, b, ents.stored(iri))
        if a is not None:
            _reasons(new_reasons, a, ents.after(iri))
    old, new = set(triple_lines(old_heads)), set(triple_lines(new_heads))
    came = set(triple_lines(new_reasons))
    return RegionChange(before, after, (old - new) | (set(triple_lines(gone_reasons)) - came),
                        (new - old) | came)


def _head(summaries: Iterable[FormSummary], *, label_iri: bool = False) -> MergedEntity:
    """A node's own lines (no reasons) from the summaries of its forms; with ``label_iri``,
    its IRI made from its label, as stores indexed before version 5 made it."""
    ordered = sorted(summaries, key=lambda s: s.form.first)
    label, cls, altlabels, mentions, iri = node_head(
        (s.form.name, s.form.cls, s.form.aliases, s.form.mentions) for s in ordered)
    if label_iri:
        iri = entity_iri(label, cls)
    return MergedEntity(iri, label, cls, altlabels, mentions, (), ())


def _reasons(g: TripleSet, s: FormSummary, ents: Sequence[tuple[str, Entity]]) -> None:
    """The ``kgb:mergeReason`` lines of some entities of one form, in its node."""
    node = URIRef(s.node)
    for doc_id, ent in ents:
        for alias, reason in ent.merges:
            add_reason(g, node, (alias, reason, doc_id))
        why = s.first_why if (doc_id, ent.key) == s.form.first else s.rest_why
        if why:
            add_reason(g, node, (ent.name, f"{why[0]} ({why[1]})", doc_id))
