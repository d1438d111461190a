"""One node per real-world entity across documents: which document entities merge, and why.

Each document's extractor already grouped its own names (:mod:`extractors.entities`).
Here the entities of all documents are merged when, and only when, they have the same
kind (person, organisation or place: Jordan the country never merges with a person) and

* their names are one name up to case, accents, "the" and "al-" ("same name"),
  transliteration variants ("Kataeb"/"Kataib") or one personal name with and without a
  middle initial;
* one's name is a name the other was given in its document ("KH"), or an acronym of the
  other's name, and that name fits no other entity of the corpus. A bare surname whose
  own document never gives the full name stays apart: that text did not say who it is.

The decisions depend only on the set of entities, never on the order of the documents,
and a node's IRI comes from its canonical name and class (:func:`graph.iris.entity_iri`),
so the same inputs in any order give the same graph. spaCy-free.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from extractors.entities.names import (initials, institution_key, is_acronym, name_key, person_parts, same_person, skeleton,
                              variant_of)
from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import SKOS

from extractors.entities.unionfind import UnionFind
from extractors.records import DocumentRecord, Entity
from graph.iris import KIND, entity_iri
from graph.summary import counted
from ontology import KGB

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


def resolve_entities(records: Iterable[DocumentRecord]) -> Resolution:
    """Merge the entities of all documents into graph nodes.

    >>> from extractors.records import DocumentRecord, Entity
    >>> a = DocumentRecord("a", "", (Entity("kh", "Kataib Hezbollah", "ArmedGroup", ("KH",)),), ())
    >>> b = DocumentRecord("b", "", (Entity("kh", "KH", "Organization"),), ())
    >>> res = resolve_entities([a, b])
    >>> res.iri("a", "kh") == res.iri("b", "kh"), res.node_of[("b", "kh")].label
    (True, 'Kataib Hezbollah')
    """
    entries = sorted(((rec.doc_id, ent) for rec in records for ent in rec.entities),
                     key=lambda e: (e[0], e[1].key))
    uf = UnionFind(len(entries))
    why: dict[int, tuple[str, str]] = {}   # entry -> (reason, the other entry's name)

    def join(i: int, j: int, reason: str) -> None:
        if uf.union(i, j):
            why.setdefault(max(i, j), (reason, entries[min(i, j)][1].name))

    by_kind: dict[str, list[int]] = defaultdict(list)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (_, ent) in enumerate(entries):
        by_kind[_kind(ent)].append(i)
        blocks[(_kind(ent), _block(ent))].append(i)
    # 1. the canonical names say they are one
    for idx in blocks.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                reason = _same_name(entries[i][1], entries[j][1])
                if reason:
                    join(i, j, reason)
    # 2. a name one document gave an entity, or an acronym of its name, when only one fits
    for idx in by_kind.values():
        owners: dict[str, set[int]] = defaultdict(set)   # alias key -> groups that carry it
        spelt: dict[str, set[int]] = defaultdict(set)     # initials -> groups they abbreviate
        for i in idx:
            for alias in entries[i][1].aliases:
                owners[name_key(alias)].add(uf.root(i))
            if not is_acronym(entries[i][1].name):
                for letters in initials(entries[i][1].name):
                    spelt[letters].add(uf.root(i))
        for j in idx:
            ent = entries[j][1]
            if ent.cls == "Person" and len(ent.name.split()) == 1:
                continue  # a bare surname: its own text never said which person it is
            groups = owners.get(name_key(ent.name), set()) - {uf.root(j)}
            reason = "a name it was given in another document"
            if not groups and is_acronym(ent.name):
                letters = "".join(c for c in ent.name if c.isalpha()).upper()
                groups = spelt.get(letters, set()) - {uf.root(j)}
                reason = "acronym of the initials"
            if len(groups) == 1:
                target = next(iter(groups))
                # a country's name for its government ("Washington") is not the city
                if (entries[target][1].cls == "Country") != (ent.cls == "Country"):
                    continue
                join(target, j, reason)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        clusters[uf.root(i)].append(i)
    nodes, node_of = [], {}
    for idx in clusters.values():
        node = _node([entries[i] for i in idx],
                     [(entries[i][1].name, *why[i], entries[i][0]) for i in idx if i in why])
        nodes.append(node)
        for i in idx:
            node_of[(entries[i][0], entries[i][1].key)] = node
    return Resolution(tuple(sorted(nodes, key=lambda n: str(n.iri))), node_of)


def add_entities(g, resolution: Resolution) -> None:
    """One node per merged entity: its class, label, other names, mention count and why
    each other name joined (``kgb:mergeReason``, read by ``kgbuilder entities --explain``)."""
    for node in resolution.nodes:
        g.add((node.iri, RDF.type, KGB[node.cls]))
        g.add((node.iri, RDFS.label, Literal(node.label)))
        for alt in node.altlabels:
            g.add((node.iri, SKOS.altLabel, Literal(alt)))
        g.add((node.iri, KGB.mentionCount, Literal(node.mentions, datatype=XSD.integer)))
        for name, reason, doc_id in node.reasons:
            g.add((node.iri, KGB.mergeReason,
                   Literal(f"{name}: {reason}" + (f" [{doc_id}]" if doc_id else ""))))


def _node(members: list[tuple[str, Entity]], cross: list[tuple[str, str, str, str]]
          ) -> MergedEntity:
    """A graph node from the document entities that merged into it."""
    names: Counter = Counter()
    votes: Counter = Counter()
    for _, ent in members:
        names[ent.name] += ent.mentions
        votes[ent.cls] += ent.mentions
        for alias in ent.aliases:
            names.setdefault(alias, 0)
    cls = max(votes, key=lambda c: (votes[c], -_PRIORITY.index(c) if c in _PRIORITY else -99))
    canonical = [ent.name for _, ent in members if ent.cls == "Country"] if cls == "Country" else []
    full = [n for n in names if names[n] and not is_acronym(n)] or [n for n in names if names[n]]
    label = canonical[0] if canonical else sorted(
        full, key=lambda n: (-names[n], -len(n.split()), -len(n), n))[0]
    reasons = {(alias, reason, doc) for doc, ent in members for alias, reason in ent.merges}
    reasons |= {(name, f"{reason} ({other})", doc) for name, reason, other, doc in cross}
    return MergedEntity(
        iri=entity_iri(label, cls), label=label, cls=cls,
        altlabels=tuple(sorted(set(names) - {label})),
        mentions=sum(ent.mentions for _, ent in members),
        documents=tuple(sorted({doc for doc, _ in members})),
        reasons=tuple(sorted(reasons)))


@dataclass(frozen=True)
class EntityRow:
    """One entity as a written graph shows it (for ``kgbuilder entities``)."""

    iri: str
    label: str
    cls: str
    aliases: tuple[str, ...]
    mentions: int
    reasons: tuple[str, ...]


def read_entities(g) -> list[EntityRow]:
    """The entities of a graph kgbuilder wrote, most mentioned first.

    Reads only RDF (``rdfs:label``, ``skos:altLabel``, ``kgb:mentionCount``,
    ``kgb:mergeReason``), so it serves any graph kgbuilder built.
    """
    rows = []
    # entity classes, for graphs written before kgb:mentionCount existed
    nodes = set(g.subjects(KGB.mentionCount, None)) | {
        s for c in _PRIORITY for s in g.subjects(RDF.type, KGB[c])}
    for iri in nodes:
        types = sorted(str(t).rsplit("#", 1)[-1] for t in g.objects(iri, RDF.type))
        rows.append(EntityRow(
            iri=str(iri), label=str(g.value(iri, RDFS.label) or iri),
            cls=next((c for c in _PRIORITY if c in types), types[0] if types else ""),
            aliases=tuple(sorted(str(a) for a in g.objects(iri, SKOS.altLabel))),
            mentions=int(g.value(iri, KGB.mentionCount) or 0),
            reasons=tuple(sorted(str(r) for r in g.objects(iri, KGB.mergeReason)))))
    return sorted(rows, key=lambda r: (-r.mentions, r.label, r.iri))


def find_entities(rows: list[EntityRow], name: str) -> list[EntityRow]:
    """The entities one of whose names is ``name`` (up to case, accents, "the", "al-")."""
    key = name_key(name)
    return [r for r in rows if key in {name_key(n) for n in (r.label, *r.aliases)}]


def explain(row: EntityRow, name: str | None = None) -> list[str]:
    """Lines that say what an entity is and why each of its other names joined it.

    >>> row = EntityRow("x", "Kataib Hezbollah", "ArmedGroup", ("KH",), 3,
    ...                 ("KH: acronym of the initials (Kataib Hezbollah) [d1]",))
    >>> explain(row, "KH")[-1]
    '  KH: acronym of the initials (Kataib Hezbollah) [d1]'
    """
    lines = [f"{row.label} ({row.cls}, {counted(row.mentions, 'mention')}) <{row.iri}>"]
    if name is not None and name_key(name) == name_key(row.label):
        lines.append(f"  {row.label}: the canonical name")
    wanted = [r for r in row.reasons if name is None
              or name_key(r.split(":", 1)[0]) == name_key(name)]
    if name is not None and not wanted and name_key(name) != name_key(row.label):
        lines.append(f"  {name}: spelt the same as a name of the entity in the text")
    lines.extend(f"  {r}" for r in wanted)
    return lines
