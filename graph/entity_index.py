"""What a store keeps to merge the entities of new documents without reading the old ones.

In the meta database (:mod:`graph.store`), one summary per name form (:mod:`graph.forms`:
the document entities of one name and class): its name and class, where its earliest
entity stands, how many entities carry each alias, its mentions and entities, the node it
is in now and why its entities joined that node, and its dependency keys
(:func:`graph.aliases.dependency_keys`). The merge of an entity is decided only among the
entities connected to it through these keys, so a write re-merges only the *region* of the
new (and leaving) documents' entities: the forms reachable from them key by key, one
summary each, however many documents name them. Merged alone, the region gives the same
nodes as merging every entity of the store, and everything outside it stays as it is.

Beside each summary, one line per document entity of the form (its document and the
entity), read only when the form's first entity leaves, when its node or reasons change
(every entity's ``kgb:mergeReason`` then changes), or when the merge asks where its next
entity stands.

Also per document, the lines it adds to the shared default graph (its direct facts and
the open relations it declares): a shared line leaves the store only when no document
states it any more.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

import pyoxigraph as ox

from extractors.records import Entity
from extractors.entities.names import is_acronym
from graph.aliases import dependency_keys
from graph.merge_rules import _acronym_letters, _kind
from graph.forms import Form, Position, form_key
from graph.iris import digest, document_iri
from graph.nquads import string_nt
from graph.store import META

_FORM = ox.NamedNode("urn:kgbuilder:store#form")
_MEMBER = ox.NamedNode("urn:kgbuilder:store#member")
_KEY = ox.NamedNode("urn:kgbuilder:store#dependsOn")
_SHARES = ox.NamedNode("urn:kgbuilder:store#shares")
#: what older versions of the index wrote (an entry per document entity)
OLD_INDEX = tuple(ox.NamedNode(f"urn:kgbuilder:store#{p}") for p in ("entity", "inDocument", "node"))
INDEX = (_FORM, _MEMBER, _KEY)
_TAIL = f" {META} .\n"


@dataclass(frozen=True)
class FormSummary:
    """What the index holds of one form: the form, how many of its entities carry each
    alias, how many entities it has, its node's IRI and why its entities joined it."""

    form: Form
    aliases: dict[str, int]
    entities: int
    node: str
    first_why: tuple[str, str] | None
    rest_why: tuple[str, str] | None

    @property
    def key(self) -> tuple:
        return form_key(self.form.first[0], Entity(self.form.first[1], self.form.name, self.form.cls))

    def keys(self) -> set[tuple]:
        """The form's dependency keys: those of an entity carrying every alias of the form."""
        return dependency_keys(Entity("", self.form.name, self.form.cls, self.form.aliases))


def form_iri(key: tuple) -> ox.NamedNode:
    return ox.NamedNode(f"urn:kgbuilder:form:{digest(json.dumps(list(key), ensure_ascii=False), length=32)}")


def _summary_json(s: FormSummary) -> str:
    f = s.form
    return json.dumps([f.name, f.cls, list(f.first), sorted(s.aliases.items()), f.mentions,
                       s.entities, s.node, s.first_why, s.rest_why],
                      ensure_ascii=False, separators=(",", ":"))


def _summary_from_json(text: str) -> FormSummary:
    name, cls, first, aliases, mentions, entities, node, first_why, rest_why = json.loads(text)
    return FormSummary(Form(name, cls, tuple(first), tuple(a for a, _ in aliases), mentions),
                       dict(aliases), entities, node, tuple(first_why) if first_why else None,
                       tuple(rest_why) if rest_why else None)


def with_entities(s: FormSummary | None, key: tuple, plus: Iterable[tuple[str, Entity]],
                  minus: Iterable[tuple[str, Entity]], first: Position | None) -> FormSummary | None:
    """The summary after adding the entities ``plus`` and taking ``minus`` out; ``first``
    is where its earliest entity stands now (None: no entity is left)."""
    aliases = dict(s.aliases) if s else {}
    entities, mentions = (s.entities, s.form.mentions) if s else (0, 0)
    for sign, ents in ((1, plus), (-1, minus)):
        for _, ent in ents:
            entities += sign
            mentions += sign * ent.mentions
            for alias in ent.aliases:
                aliases[alias] = aliases.get(alias, 0) + sign
    if first is None or entities <= 0:
        return None
    aliases = {a: n for a, n in aliases.items() if n > 0}
    form = Form(key[0], key[1], first, tuple(sorted(aliases)), mentions)
    if s is None:
        return FormSummary(form, aliases, entities, "", None, None)
    return replace(s, form=form, aliases=aliases, entities=entities)


def read_summary(meta: ox.Store, iri: ox.NamedNode) -> FormSummary | None:
    q = next(iter(meta.quads_for_pattern(iri, _FORM, None, META)), None)
    return _summary_from_json(q.object.value) if q is not None else None


def _acronym_key(kind: str, letters: str) -> tuple[str, str, str]:
    """The key that says a form of this kind is the acronym ``letters``."""
    return (kind, "acronym-of", letters)


def summary_lines(iri: ox.NamedNode, s: FormSummary, *, keys: bool) -> str:
    """N-Quads of a form's summary (and of its dependency keys when ``keys``, with the
    key that marks an acronym)."""
    lines = [f"{iri} {_FORM} {string_nt(_summary_json(s))}{_TAIL}"]
    if keys:
        found = s.keys()
        ent = Entity("", s.form.name, s.form.cls)
        if is_acronym(ent.name):
            found.add(_acronym_key(_kind(ent), _acronym_letters(ent.name)))
        lines.extend(f"{iri} {_KEY} {string_nt(chr(9).join(k))}{_TAIL}" for k in sorted(found))
    return "".join(lines)


def remove_summary(meta: ox.Store, iri: ox.NamedNode, *, keys: bool) -> None:
    for p in (_FORM, _KEY) if keys else (_FORM,):
        for q in list(meta.quads_for_pattern(iri, p, None, META)):
            meta.remove(q)


def _member_literal(doc_id: str, ent: Entity) -> str:
    return json.dumps([doc_id, ent.key, ent.name, ent.cls, list(ent.aliases), ent.mentions,
                       [list(m) for m in ent.merges]], ensure_ascii=False, separators=(",", ":"))


def member_lines(doc_id: str, entities: Iterable[Entity]) -> str:
    """N-Quads of one line per document entity, beside its form's summary."""
    return "".join(f"{form_iri(form_key(doc_id, ent))} {_MEMBER} "
                   f"{string_nt(_member_literal(doc_id, ent))}{_TAIL}" for ent in entities)


def remove_members(meta: ox.Store, doc_id: str, entities: Iterable[Entity]) -> None:
    for ent in entities:
        meta.remove(ox.Quad(form_iri(form_key(doc_id, ent)), _MEMBER,
                            ox.Literal(_member_literal(doc_id, ent)), META))


def members(meta: ox.Store, iri: ox.NamedNode) -> list[tuple[str, Entity]]:
    """The document entities of a form, in the order of all entities."""
    out = []
    for q in meta.quads_for_pattern(iri, _MEMBER, None, META):
        doc_id, key, name, cls, aliases, mentions, merges = json.loads(q.object.value)
        out.append((doc_id, Entity(key, name, cls, tuple(aliases), mentions,
                                   tuple(tuple(m) for m in merges))))
    return sorted(out, key=lambda e: (e[0], e[1].key))


def shared_lines(doc_id: str, lines: Iterable[str]) -> str:
    """N-Quads recording that the document states these N-Triples lines of the default graph."""
    doc = ox.NamedNode(str(document_iri(doc_id)))
    return "".join(f"{doc} {_SHARES} {string_nt(line)}{_TAIL}" for line in lines)


def stated_lines(meta: ox.Store, doc_id: str) -> set[str]:
    """The default graph's lines the document states (:func:`shared_lines`)."""
    doc = ox.NamedNode(str(document_iri(doc_id)))
    return {q.object.value for q in meta.quads_for_pattern(doc, _SHARES, None, META)}


def still_stated(meta: ox.Store, line: str) -> bool:
    """Whether any document in the store states this line."""
    return next(iter(meta.quads_for_pattern(None, _SHARES, ox.Literal(line), META)), None) is not None


def remove_shared(meta: ox.Store, doc_id: str) -> None:
    """Take the record of a document's shared lines out of the meta database."""
    doc = ox.NamedNode(str(document_iri(doc_id)))
    for q in list(meta.quads_for_pattern(doc, _SHARES, None, META)):
        meta.remove(q)


def _any_acronym(meta: ox.Store, key: tuple) -> bool:
    """Whether the store holds an acronym of the initials ``key`` names."""
    marker = ox.Literal("\t".join(_acronym_key(key[0], key[2])))
    return next(iter(meta.quads_for_pattern(None, _KEY, marker, META)), None) is not None


def all_summaries(meta: ox.Store) -> dict[ox.NamedNode, FormSummary]:
    """Every stored form: form IRI -> summary."""
    return {q.subject: _summary_from_json(q.object.value)
            for q in meta.quads_for_pattern(None, _FORM, None, META)}


def region(meta: ox.Store, entities: Iterable[Entity]) -> dict[ox.NamedNode, FormSummary]:
    """The stored forms connected to ``entities`` through dependency keys: form IRI ->
    summary. The entities' own keys start the walk; each form found adds its keys.

    Initials are a link only where an acronym of them is (stored or among ``entities``):
    only an acronym's merge reads which names have its letters as initials, so names
    that merely share initials ("Ali Kazim", "Amal Kurdi") do not depend on each other.
    """
    entities = list(entities)
    todo = {k for ent in entities for k in dependency_keys(ent)}
    acronyms = {(_kind(e), _acronym_letters(e.name)) for e in entities if is_acronym(e.name)}
    seen_keys: set = set()
    found: dict[ox.NamedNode, FormSummary] = {}
    while todo:
        key = todo.pop()
        seen_keys.add(key)
        if key[1] == "initials" and (key[0], key[2]) not in acronyms and not _any_acronym(meta, key):
            continue
        for q in meta.quads_for_pattern(None, _KEY, ox.Literal("\t".join(key)), META):
            if q.subject in found:
                continue
            found[q.subject] = summary = read_summary(meta, q.subject)
            todo |= summary.keys() - seen_keys
    return found
