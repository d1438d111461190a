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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from extractors.entities.names import name_key
from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import SKOS

from extractors.records import DocumentRecord
from graph.forms import form_key, form_of, merge_forms, next_position
from graph.merge_rules import (_PRIORITY, MergedEntity, Resolution, _Merge, _node, _same_name,  # noqa: F401
                               dependency_keys)
from graph.summary import counted
from ontology import KGB


def resolve_entities(records: Iterable[DocumentRecord]) -> Resolution:
    """Merge the entities of all documents into graph nodes.

    The merge runs over name forms (:mod:`graph.forms`), and candidates are found
    through keys (:mod:`graph.merge_rules`), so the time grows with the entities, not
    with their pairs.

    >>> from extractors.records import DocumentRecord, Entity
    >>> a = DocumentRecord("a", "", (Entity("kh", "Kataib Hezbollah", "ArmedGroup", ("KH",)),), ())
    >>> b = DocumentRecord("b", "", (Entity("kh", "KH", "Organization"),), ())
    >>> res = resolve_entities([a, b])
    >>> res.iri("a", "kh") == res.iri("b", "kh"), res.node_of[("b", "kh")].label
    (True, 'Kataib Hezbollah')
    """
    entries = sorted(((rec.doc_id, ent) for rec in records for ent in rec.entities),
                     key=lambda e: (e[0], e[1].key))
    of_form: dict[tuple, list] = {}
    for doc_id, ent in entries:
        of_form.setdefault(form_key(doc_id, ent), []).append((doc_id, ent))
    members = list(of_form.values())
    positions = [[(d, e.key) for d, e in found] for found in members]
    merged = merge_forms([form_of(found) for found in members],
                         later=lambda i, at: next_position(positions[i], at))
    by_node: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(merged.group):
        by_node[root].append(i)
    nodes, node_of = [], {}
    for idx in by_node.values():
        cross = [(ent.name, *why, doc) for i in idx for n, (doc, ent) in enumerate(members[i])
                 if (why := merged.rest_why[i] if n else merged.first_why[i])]
        node = _node(sorted((e for i in idx for e in members[i]), key=lambda e: (e[0], e[1].key)),
                     cross)
        nodes.append(node)
        for i in idx:
            for doc_id, ent in members[i]:
                node_of[(doc_id, ent.key)] = node
    return Resolution(tuple(sorted(nodes, key=lambda n: str(n.iri))), node_of)


def add_entities(g, resolution: Resolution) -> None:
    """One node per merged entity: its class, label, other names, mention count and why
    each other name joined (``kgb:mergeReason``, read by ``kgbuilder entities --explain``)."""
    for node in resolution.nodes:
        add_node(g, node)
        for reason in node.reasons:
            add_reason(g, node.iri, reason)


def add_node(g, node: MergedEntity) -> None:
    """A node's own triples: class, label, other names and mention count."""
    g.add((node.iri, RDF.type, KGB[node.cls]))
    g.add((node.iri, RDFS.label, Literal(node.label)))
    for alt in node.altlabels:
        g.add((node.iri, SKOS.altLabel, Literal(alt)))
    g.add((node.iri, KGB.mentionCount, Literal(node.mentions, datatype=XSD.integer)))


def add_reason(g, iri, reason: tuple[str, str, str]) -> None:
    """Why a name joined the node ``iri``: ``(name, reason, doc id)`` as one ``kgb:mergeReason``."""
    name, why, doc_id = reason
    g.add((iri, KGB.mergeReason, Literal(f"{name}: {why}" + (f" [{doc_id}]" if doc_id else ""))))


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
