"""What a store keeps to merge the entities of new documents without reading the old ones.

In the meta database (:mod:`graph.store`), beside each document's record, one entry per
document entity: the entity itself (name, class, aliases, mentions, merges), its
document, the IRI of the node it is in now, and its dependency keys
(:func:`graph.aliases.dependency_keys`). The merge of an entity is decided only among
the entities connected to it through these keys, so a write re-merges only the
*region* of the new (and leaving) documents' entities: the entities reachable from
them key by key. Merged alone, the region gives the same nodes as merging every
entity of the store, and everything outside it stays as it is.

Also per document, the lines it adds to the shared default graph (its direct facts and
the open relations it declares): a shared line leaves the store only when no document
states it any more.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import quote

import pyoxigraph as ox

from extractors.records import DocumentRecord, Entity
from graph.aliases import dependency_keys
from graph.iris import document_iri
from graph.nquads import string_nt
from graph.store import META

_ENTITY = ox.NamedNode("urn:kgbuilder:store#entity")
_DOC = ox.NamedNode("urn:kgbuilder:store#inDocument")
_NODE = ox.NamedNode("urn:kgbuilder:store#node")
_KEY = ox.NamedNode("urn:kgbuilder:store#dependsOn")
_SHARES = ox.NamedNode("urn:kgbuilder:store#shares")


def _key_literal(key: tuple) -> ox.Literal:
    return ox.Literal("\t".join(key))


def _entry_iri(doc_id: str, key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{document_iri(doc_id)}#entity-{quote(key, safe='')}")


def _entity_json(ent: Entity) -> str:
    return json.dumps([ent.key, ent.name, ent.cls, list(ent.aliases), ent.mentions,
                       [list(m) for m in ent.merges]], ensure_ascii=False, separators=(",", ":"))


def _entity_from_json(text: str) -> Entity:
    key, name, cls, aliases, mentions, merges = json.loads(text)
    return Entity(key, name, cls, tuple(aliases), mentions, tuple(tuple(m) for m in merges))


def entry_lines(rec: DocumentRecord, iris: dict) -> str:
    """N-Quads of the entries of ``rec``'s entities, each in the node ``iris`` gives it."""
    lines = []
    tail = f" {META} .\n"
    doc = string_nt(rec.doc_id)
    for ent in rec.entities:
        entry = _entry_iri(rec.doc_id, ent.key)
        lines.append(f"{entry} {_ENTITY} {string_nt(_entity_json(ent))}{tail}")
        lines.append(f"{entry} {_DOC} {doc}{tail}")
        lines.append(f"{entry} {_NODE} <{iris[ent.key]}>{tail}")
        lines.extend(f"{entry} {_KEY} {string_nt(chr(9).join(k))}{tail}"
                     for k in sorted(dependency_keys(ent)))
    return "".join(lines)


def shared_lines(doc_id: str, lines: Iterable[str]) -> str:
    """N-Quads recording that the document states these N-Triples lines of the default graph."""
    tail = f" {META} .\n"
    doc = ox.NamedNode(str(document_iri(doc_id)))
    return "".join(f"{doc} {_SHARES} {string_nt(line)}{tail}" for line in lines)


def stated_lines(meta: ox.Store, doc_id: str) -> set[str]:
    """The default graph's lines the document states (:func:`shared_lines`)."""
    doc = ox.NamedNode(str(document_iri(doc_id)))
    return {q.object.value for q in meta.quads_for_pattern(doc, _SHARES, None, META)}


def still_stated(meta: ox.Store, line: str) -> bool:
    """Whether any document in the store states this line."""
    return next(iter(meta.quads_for_pattern(None, _SHARES, ox.Literal(line), META)), None) is not None


def stored_iris(meta: ox.Store, doc_id: str) -> dict[str, str]:
    """Entity key -> the IRI of its node now, for one stored document."""
    out = {}
    for q in meta.quads_for_pattern(None, _DOC, ox.Literal(doc_id), META):
        ent = next(iter(meta.quads_for_pattern(q.subject, _ENTITY, None, META)))
        node = next(iter(meta.quads_for_pattern(q.subject, _NODE, None, META)))
        out[_entity_from_json(ent.object.value).key] = node.object.value
    return out


def remove_entries(meta: ox.Store, doc_id: str) -> None:
    """Take a document's entries and shared lines out of the meta database."""
    doc = ox.NamedNode(str(document_iri(doc_id)))
    for q in list(meta.quads_for_pattern(None, _DOC, ox.Literal(doc_id), META)):
        for entry_quad in list(meta.quads_for_pattern(q.subject, None, None, META)):
            meta.remove(entry_quad)
    for q in list(meta.quads_for_pattern(doc, _SHARES, None, META)):
        meta.remove(q)


def region(meta: ox.Store, entities: Iterable[Entity]) -> dict[str, list[tuple[Entity, str]]]:
    """The stored entities connected to ``entities`` through dependency keys, by document:
    ``doc id -> [(entity, IRI of its node now)]``. The new entities' own keys start the
    walk; each stored entity found adds its keys."""
    todo = {k for ent in entities for k in dependency_keys(ent)}
    seen_keys: set = set()
    seen_entries: set = set()
    found: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
    while todo:
        key = todo.pop()
        seen_keys.add(key)
        for q in meta.quads_for_pattern(None, _KEY, _key_literal(key), META):
            if q.subject in seen_entries:
                continue
            seen_entries.add(q.subject)
            values = {p.predicate: p.object for p in meta.quads_for_pattern(q.subject, None, None, META)
                      if p.predicate != _KEY}
            ent = _entity_from_json(values[_ENTITY].value)
            doc_id = values[_DOC].value
            found[doc_id].append((ent, values[_NODE].value))
            todo |= dependency_keys(ent) - seen_keys
    return found

