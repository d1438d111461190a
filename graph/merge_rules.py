"""The rules of the cross-document merge (:mod:`graph.aliases`): when two document entities
are one by their names, the keys that find the candidates, and a node made of its members.

Two entities of one kind (person, organisation, place) are one when their canonical names
say so (:func:`same_name`), or when one's name is a name the other was given, or an
acronym of it, and that fits no other entity (:func:`alias_target`). A name is compared
only with the names that share a key with it (:func:`candidate_keys`,
:func:`dependency_keys`), so the work grows with the entities, not with their pairs.
spaCy-free.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from extractors.entities.names import (initials, institution_key, is_acronym, name_key, person_parts, same_person, skeleton,
                              variant_of)
from extractors.entities.unionfind import UnionFind
from extractors.records import DocumentRecord, Entity
from graph.iris import KIND, entity_iri

#: class preference when the mention votes tie: the more specific the better
_PRIORITY = ("Country", "ArmedGroup", "GovernmentBody", "Facility", "City", "Region", "Person",
             "Organization", "Place")


@dataclass(frozen=True)
class MergedEntity:
    """One graph node: its IRI, canonical label, class, other names and merge reasons.

    ``reasons`` holds ``(name, reason, doc_id)`` triples, one per name that joined by a
    rule, with the document where the name was seen.
    """

    iri: object
    label: str
    cls: str
    altlabels: tuple[str, ...]
    mentions: int
    documents: tuple[str, ...]
    reasons: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class Resolution:
    """The merged entities and the node of every (document, entity key)."""

    nodes: tuple[MergedEntity, ...]
    node_of: dict[tuple[str, str], MergedEntity]

    def iri(self, doc_id: str, key: str):
        """The IRI of the node a document's entity belongs to."""
        return self.node_of[(doc_id, key)].iri


def _kind(ent: Entity) -> str:
    return KIND.get(ent.cls, "org")


def _same_name(a: Entity, b: Entity) -> str | None:
    """Why two entities of one kind are one by their canonical names alone, or None."""
    if not name_key(a.name) or not name_key(b.name):
        return None  # a name with no letters or digits says nothing about identity
    if name_key(a.name) == name_key(b.name):
        return "same name"
    if "Country" in (a.cls, b.cls):
        return None  # country names were already made canonical
    if a.cls == b.cls == "Person" and len(a.name.split()) > 1 and len(b.name.split()) > 1:
        return "same personal name" if same_person(a.name, b.name) else None
    if variant_of(a.name, b.name):
        return "transliteration variant"
    if institution_key(a.name) == institution_key(b.name):
        return "same institution, words reordered"
    return None


def _block(ent: Entity) -> str:
    """A coarse key that every name a rule could merge with ``ent`` shares: the consonants
    of its last full word. Only entities in one block are compared pairwise."""
    words, _ = person_parts(ent.name)
    last = words[-1] if words else name_key(ent.name)
    if ent.cls != "Person":
        # a name with no letters or digits has no key; it keeps its own block
        last = (institution_key(ent.name).split() or [last])[-1]
    return "".join(c for c in skeleton(last) if c not in "aiu")


def _variant_keys(name: str) -> set[tuple[str, str]]:
    """Keys that any transliteration variant of ``name`` shares with it (one at least):
    the name without spaces, and its words' skeletons with every vowel class blanked
    (:func:`~extractors.entities.names.variant_of` lets words differ only there)."""
    key = name_key(name)
    return {("spaced", key.replace(" ", "")),
            ("sounds", " ".join("".join("*" if c in "aiu" else c for c in skeleton(w))
                                for w in key.split()))}


def _candidate_keys(ent: Entity) -> set[tuple[str, str]]:
    """Keys that every entity :func:`_same_name` could join with ``ent`` shares with it."""
    keys = {("name", name_key(ent.name)), ("institution", institution_key(ent.name))}
    keys |= _variant_keys(ent.name)
    words, _ = person_parts(ent.name)
    if ent.cls == "Person" and words:
        keys |= {(f"person-{tag}", key) for tag, key in _variant_keys(" ".join(words))}
    return keys


def _acronym_letters(name: str) -> str:
    return "".join(c for c in name if c.isalpha()).upper()


def dependency_keys(ent: Entity) -> set[tuple]:
    """What the merge of ``ent`` depends on: it is decided only among entities that share
    one of these keys with it, directly or through others (its block with each of its
    candidate keys, the name keys of its names and aliases, its initials). A store re-merges only the entities connected to a
    new document through these keys (:mod:`graph.incremental`).

    >>> sorted(k for k in dependency_keys(Entity("k", "KH", "ArmedGroup")) if k[1] != "block")
    [('org', 'initials', 'KH'), ('org', 'name', 'kh')]
    """
    kind = _kind(ent)
    block = _block(ent)
    # step 1 compares two names only when they share their block and a candidate key
    keys = {(kind, "block", block, *key) for key in _candidate_keys(ent)}
    keys.add((kind, "name", name_key(ent.name)))
    keys |= {(kind, "name", name_key(alias)) for alias in ent.aliases}
    if is_acronym(ent.name):
        keys.add((kind, "initials", _acronym_letters(ent.name)))
    else:
        keys |= {(kind, "initials", letters) for letters in initials(ent.name)}
    return keys


def _merge_block(idx: list[int], entries: list, join) -> dict[tuple[str, str], tuple[int, str]]:
    """Step 1 within one block: entities whose canonical names say they are one.

    Equal (name, class) pairs decide alike, so each is compared once, and only with the
    pairs that share a candidate key. The outcome is that of comparing every pair in
    index order: an entity joins first (and takes its reason from) the earliest entity
    before it that its name matches, because nothing joined it before that pair.

    Returns, per (name, class) pair, that earliest entity and its reason: what every
    entity of the pair but the first joined by.
    """
    first: dict[tuple[str, str], int] = {}
    for i in idx:
        ent = entries[i][1]
        first.setdefault((ent.name, ent.cls), i)
    by_key: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for sig, i in first.items():
        if name_key(sig[0]):  # a name with no letters or digits matches nothing
            for key in _candidate_keys(entries[i][1]):
                by_key[key].append(sig)
    matches: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for sig, i in first.items():
        if not name_key(sig[0]):
            continue
        others = {other for key in _candidate_keys(entries[i][1]) for other in by_key[key]}
        for other in others:
            reason = _same_name(entries[first[other]][1], entries[i][1])
            if reason:
                matches[sig].append((first[other], reason))
        matches[sig].sort()
    for j in idx:
        ent = entries[j][1]
        found = matches.get((ent.name, ent.cls))
        if found and found[0][0] < j:
            join(found[0][0], j, found[0][1])
    # every other pair only joins groups: each entity is joined to the first of its own
    # (name, class) pair above or through it, so joining the firsts joins them all
    for sig, found in matches.items():
        for i, reason in found:
            join(i, first[sig], reason)
    return {sig: found[0] for sig, found in matches.items()}


def _only_other(groups: set[int], own: int) -> int | None:
    """The one group in ``groups`` that is not ``own``, or None when there are none or several."""
    if len(groups) - (own in groups) != 1:
        return None
    return next(g for g in groups if g != own)


def alias_target(m: "_Merge", owners: dict, spelt: dict, j: int) -> tuple[int, str] | None:
    """Step 2 for entry ``j``: the one group (and the reason) that a name ``j``'s entity was
    given elsewhere, or the acronym it is, points to, or None when none or several fit."""
    ent = m.entries[j][1]
    if ent.cls == "Person" and len(ent.name.split()) == 1:
        return None  # a bare surname: its own text never said which person it is
    own = m.uf.root(j)
    groups = owners.get(name_key(ent.name), set())
    reason = "a name it was given in another document"
    if len(groups) - (own in groups) == 0 and is_acronym(ent.name):
        groups = m.spelt_groups(spelt, ent.name)
        reason = "acronym of the initials"
    target = _only_other(groups, own)
    if target is None:
        return None
    # a country's name for its government ("Washington") is not the city
    if (m.entries[target][1].cls == "Country") != (ent.cls == "Country"):
        return None
    return target, reason


def may_take_alias(owners: dict, spelt: dict, ent: Entity) -> bool:
    """Whether step 2 could ever join ``ent`` to another group (:func:`alias_target`)."""
    if ent.cls == "Person" and len(ent.name.split()) == 1:
        return False
    return bool(owners.get(name_key(ent.name))
                or (is_acronym(ent.name) and spelt.get(_acronym_letters(ent.name))))


class _Merge:
    """The entities of all documents in one order, their union-find and why each joined."""

    def __init__(self, records: Iterable[DocumentRecord]):
        self.entries = sorted(((rec.doc_id, ent) for rec in records for ent in rec.entities),
                              key=lambda e: (e[0], e[1].key))
        self.uf = UnionFind(len(self.entries))
        self.why: dict[int, tuple[str, str]] = {}   # entry -> (reason, the other entry's name)
        self.by_kind: dict[str, list[int]] = defaultdict(list)
        self.blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, (_, ent) in enumerate(self.entries):
            self.by_kind[_kind(ent)].append(i)
            self.blocks[(_kind(ent), _block(ent))].append(i)

    def join(self, i: int, j: int, reason: str) -> None:
        """Join two entries; the later one keeps the reason of the first join it took part in."""
        if self.uf.union(i, j):
            self.why.setdefault(max(i, j), (reason, self.entries[min(i, j)][1].name))

    def name_owners(self, idx: list[int]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
        """Alias key -> groups that carry it, and initials -> groups they abbreviate."""
        owners: dict[str, set[int]] = defaultdict(set)
        spelt: dict[str, set[int]] = defaultdict(set)
        for i in idx:
            for alias in self.entries[i][1].aliases:
                owners[name_key(alias)].add(self.uf.root(i))
            if not is_acronym(self.entries[i][1].name):
                for letters in initials(self.entries[i][1].name):
                    spelt[letters].add(self.uf.root(i))
        return owners, spelt

    @staticmethod
    def spelt_groups(spelt: dict, name: str) -> set[int]:
        return spelt.get(_acronym_letters(name), set())

    def resolution(self) -> Resolution:
        """One node per group, with the reason each member joined."""
        entries, why = self.entries, self.why
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(entries)):
            clusters[self.uf.root(i)].append(i)
        nodes, node_of = [], {}
        for idx in clusters.values():
            node = _node([entries[i] for i in idx],
                         [(entries[i][1].name, *why[i], entries[i][0]) for i in idx if i in why])
            nodes.append(node)
            for i in idx:
                node_of[(entries[i][0], entries[i][1].key)] = node
        return Resolution(tuple(sorted(nodes, key=lambda n: str(n.iri))), node_of)


def node_head(members: Iterable[tuple[str, str, Iterable[str], int]]
              ) -> tuple[str, str, tuple[str, ...], int, URIRef]:
    """The label, class, other names, mention count and IRI of a node, from its members'
    ``(name, class, aliases, mentions)`` in document order (or merged per name and class,
    in the order of each one's first entity: the outcome is the same).

    The label is the full name (not an acronym, unless the node has no other) most
    mentions use. The IRI is made from the first full name in document order, not from the
    label: a label follows the counts, which every
    new document may tip, and a new IRI would move every document that cites the node
    (a corpus that names an entity "Qassem" and "Qasem" about equally often would keep
    renaming it). A new name changes the IRI only when it comes first in the order.

    >>> node_head([("KH", "ArmedGroup", (), 1), ("Kataib Hezbollah", "ArmedGroup", ("KH",), 2)])[:4]
    ('Kataib Hezbollah', 'ArmedGroup', ('KH',), 3)
    >>> heads = [node_head([("Omna Province", "Region", (), 1), ("Omni Province", "Region", (), n)])
    ...          for n in (1, 2)]
    >>> [(label, iri.rsplit("/", 1)[1]) for label, _, _, _, iri in heads]
    [('Omna Province', 'omna-province'), ('Omni Province', 'omna-province')]
    """
    names: Counter = Counter()
    votes: Counter = Counter()
    countries, total, order = [], 0, []
    for name, cls, aliases, mentions in members:
        names[name] += mentions
        votes[cls] += mentions
        total += mentions
        order.append(name)
        for alias in aliases:
            names.setdefault(alias, 0)
        if cls == "Country":
            countries.append(name)
    cls = max(votes, key=lambda c: (votes[c], -_PRIORITY.index(c) if c in _PRIORITY else -99))
    full = [n for n in names if names[n] and not is_acronym(n)] or [n for n in names if names[n]]
    if cls == "Country" and countries:
        label = first = countries[0]
    else:
        label = sorted(full, key=lambda n: (-names[n], -len(n.split()), -len(n), n))[0]
        first = next(n for n in order if n in full)
    return label, cls, tuple(sorted(set(names) - {label})), total, entity_iri(first, cls)


def _node(members: list[tuple[str, Entity]], cross: list[tuple[str, str, str, str]]
          ) -> MergedEntity:
    """A graph node from the document entities that merged into it."""
    label, cls, altlabels, mentions, iri = node_head(
        (ent.name, ent.cls, ent.aliases, ent.mentions) for _, ent in members)
    reasons = {(alias, reason, doc) for doc, ent in members for alias, reason in ent.merges}
    reasons |= {(name, f"{reason} ({other})", doc) for name, reason, other, doc in cross}
    return MergedEntity(
        iri=iri, label=label, cls=cls, altlabels=altlabels, mentions=mentions,
        documents=tuple(sorted({doc for doc, _ in members})), reasons=tuple(sorted(reasons)))
