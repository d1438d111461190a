"""Adding documents to a store and taking them out, with the result of a one-shot build.

What the store holds (:mod:`graph.store`):

* one named graph per document, named by its IRI: its metadata, ``kgb:mentionedIn``,
  its statements and the sentences and mentions they cite, nothing another document
  could also say;
* the default graph: what documents share, the merged entities, the direct facts and
  the open relations (:func:`graph.build.add_shared`);
* in the meta database, apart: per document its content hash, its record
  (:mod:`graph.recordjson`) and a digest of the entity IRIs its graph uses; per document
  entity an entry of the entity index, and per document the shared lines it states
  (:mod:`graph.entity_index`).

A write costs in proportion to what it changes, not to the store: it re-merges only the
region of the new and leaving documents' entities (the stored entities connected to
them through their dependency keys), rewrites the nodes of that region that changed,
rewrites a document's graph only when the document is new or changed or when one of its
entities changed IRI (a later document gave it a better canonical name), and takes a
shared line out only when no document states it any more. So the store equals a one-shot
build of its documents, whatever the order and the batches they came in.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from extractors.records import DocumentRecord
from graph.build import add_document_layer, add_document_shared
from graph.entity_index import (_SHARES, INDEX, OLD_INDEX, form_iri, member_lines, members, read_summary,
                                remove_members, remove_shared, remove_summary, shared_lines,
                                stated_lines, still_stated, summary_lines)
from graph.forms import form_key
from graph.region_merge import RegionChange, remerge
from graph.iris import digest, document_iri
from graph.nquads import LoadBehind, TripleSet, nquads, triple_lines
from graph.recordjson import record_from_json, record_to_json
from graph.renamed import renamed_iris, stored_links, updated_links, write_links
from graph.store import META, Databases, open_writer

_HASH = ox.NamedNode("urn:kgbuilder:store#contentHash")
_RECORD = ox.NamedNode("urn:kgbuilder:store#record")
_IRIS = ox.NamedNode("urn:kgbuilder:store#entityIris")
_INDEXED = ox.NamedNode("urn:kgbuilder:store#entityIndex")
_COUNT = ox.NamedNode("urn:kgbuilder:store#documents")
#: the entity index's version: a store indexed otherwise is indexed again on its next write
#: (5: a node's IRI from its first full name, not from its label; see graph.merge_rules.node_head)
_INDEX_VERSION = "5"
#: the index versions whose summaries need only new node names: their nodes were named
#: from their labels, and the next write names them anew (and renames their documents)
_LABEL_IRI_VERSIONS = {"4"}


@dataclass(frozen=True)
class StoredDoc:
    """What the store knows of one document without reading its graph."""

    doc_id: str
    content_hash: str
    iris_digest: str


@dataclass(frozen=True)
class WriteSummary:
    """What one write did."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    removed: tuple[str, ...]
    rewritten: tuple[str, ...]   # unchanged documents whose entity IRIs changed
    documents: int               # documents in the store afterwards
    quads: int                   # quads written


def stored_documents(store: ox.Store) -> dict[str, StoredDoc]:
    """doc id -> what the store knows of it, from its meta database."""
    hashes = {q.subject: q.object.value for q in store.quads_for_pattern(None, _HASH, None, META)}
    iris = {q.subject: q.object.value for q in store.quads_for_pattern(None, _IRIS, None, META)}
    ids = {q.subject: q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode("http://purl.org/dc/terms/identifier"), None, META)}
    return {ids[s]: StoredDoc(ids[s], h, iris.get(s, "")) for s, h in hashes.items()}


def _stored_doc(meta: ox.Store, doc_id: str) -> StoredDoc | None:
    """What the store knows of one document, or None when it does not hold it."""
    doc = ox.NamedNode(str(document_iri(doc_id)))
    values = {p: q.object.value for p in (_HASH, _IRIS)
              for q in meta.quads_for_pattern(doc, p, None, META)}
    if _HASH not in values:
        return None
    return StoredDoc(doc_id, values[_HASH], values.get(_IRIS, ""))


def _stored_record(meta: ox.Store, doc_id: str) -> DocumentRecord:
    doc = ox.NamedNode(str(document_iri(doc_id)))
    return record_from_json(next(iter(meta.quads_for_pattern(doc, _RECORD, None, META))).object.value)


def document_count(meta: ox.Store) -> int:
    """How many documents the store holds: the count each write keeps (one lookup),
    else (a store written before it was kept) counted."""
    kept = next(iter(meta.quads_for_pattern(META, _COUNT, None, META)), None)
    if kept is not None:
        return int(kept.object.value)
    return sum(1 for _ in meta.quads_for_pattern(None, _HASH, None, META))


def _store_value_lines(meta: ox.Store, prop: ox.NamedNode, value: object) -> str:
    """N-Quads that keep ``value`` as the store's ``prop`` (the documents it holds, its
    index's version), the old value taken out."""
    for q in list(meta.quads_for_pattern(META, prop, None, META)):
        meta.remove(q)
    return f"{META} {prop} \"{value}\" {META} .\n"


def _meta_lines(rec: DocumentRecord, content_hash: str, iris_digest: str) -> str:
    doc = document_iri(rec.doc_id)
    g = TripleSet()
    g.add((doc, URIRef(_HASH.value), Literal(content_hash)))
    g.add((doc, URIRef(_RECORD.value), Literal(record_to_json(rec))))
    g.add((doc, URIRef(_IRIS.value), Literal(iris_digest)))
    g.add((doc, URIRef("http://purl.org/dc/terms/identifier"), Literal(rec.doc_id)))
    return nquads(g, META.value)


def _index_older_store(meta: ox.Store) -> bool:
    """Give a store written before this version of the entity index its index: whether the
    write must then merge every stored form again (:func:`write_into`).

    An index of version 4 is kept: only its nodes' names (IRIs) are of an older rule. An
    older one is made again from the stored records, merged as a one-shot build merges
    them and named as the store's graphs were then, from the nodes' labels. Either way
    the write that follows names every node as today (the version line is written with it).
    """
    version = next((q.object.value for q in meta.quads_for_pattern(META, _INDEXED, None, META)), None)
    if version == _INDEX_VERSION:
        return False
    if version in _LABEL_IRI_VERSIONS:
        return True
    for p in (_INDEXED, *OLD_INDEX, *INDEX, _SHARES):
        for q in list(meta.quads_for_pattern(None, p, None, META)):
            meta.remove(q)
    records = [record_from_json(q.object.value)
               for q in meta.quads_for_pattern(None, _RECORD, None, META)]
    change = remerge(meta, [(rec.doc_id, e) for rec in records for e in rec.entities], [],
                     label_iris=True)
    lines = [summary_lines(iri, s, keys=True) for iri, s in change.after.items()]
    for rec in records:
        iris = _iris(meta, rec, change)
        shared = triple_lines(add_document_shared(TripleSet(), rec, iris=iris))
        lines.append(member_lines(rec.doc_id, rec.entities) + shared_lines(rec.doc_id, shared))
    if lines:
        meta.bulk_load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)
    return True


def _iris(meta: ox.Store, rec: DocumentRecord, change: RegionChange, *, before: bool = False
          ) -> dict[str, URIRef]:
    """Entity key -> the IRI of its node, for one document, after the write (or before it)."""
    out = {}
    for ent in rec.entities:
        iri = form_iri(form_key(rec.doc_id, ent))
        s = (change.before.get(iri) if before else change.after.get(iri)) if iri in change.after \
            else read_summary(meta, iri)
        if s is not None:
            out[ent.key] = URIRef(s.node)
    return out


def _bytes(lines: list[str]) -> bytes:
    """The lines as one UTF-8 text, ``lines`` emptied on the way: a batch's N-Quads are
    tens of MB, and its lines, their text and its bytes need not all be held at once."""
    text = "".join(lines)
    lines.clear()
    return text.encode("utf-8")


def _iris_digest(iris: dict) -> str:
    return digest(json.dumps(sorted((k, str(v)) for k, v in iris.items())), length=32)


def write_documents(path: Path | str, *, add: Iterable[tuple[DocumentRecord, str]] = (),
                    remove: Iterable[str] = ()) -> WriteSummary:
    """Add (or replace) documents and take documents out of the store at ``path``, in one write.

    Args:
        path: the store directory (created when missing).
        add: ``(record, content hash)`` pairs; a document whose id is stored is replaced.
        remove: ids of documents to take out; an id the store does not hold is ignored.

    Raises:
        graph.store.StoreError: another process writes the store, or it cannot be opened.
    """
    with open_writer(path) as dbs:
        return write_into(dbs, add=add, remove=remove)


_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _relink(store: ox.Store, renamed: dict[str, str]) -> None:
    """Keep the renaming links (:mod:`graph.renamed`) true after a write: the new renamings
    added, each link pointing at an entity the store still holds."""
    links = stored_links(store)
    if not links and not renamed:
        return
    candidates = {*links, *links.values(), *renamed, *renamed.values()}
    live = {iri for iri in candidates
            if next(iter(store.quads_for_pattern(ox.NamedNode(iri), _TYPE, None, ox.DefaultGraph())), None)}
    write_links(store, updated_links(links, renamed, live))


#: documents whose graphs a write builds and loads at a time, unless the caller says (a
#: write that moves the documents of a popular entity to its new IRI rewrites thousands
#: of them; a corpus build passes its batch size). One bulk load per group: a first load
#: of a few thousand documents in one group keeps bulk_load's rate (bench/store.py)
GROUP_DOCS = 5000
#: a write of at least this many documents opens the databases again between its reads and
#: its loads: the reads (the region, the records, the shared lines) fill RocksDB's block
#: caches with what grows with the store (50 MB more in a write of 200 documents into a
#: store of 10,000 than into an empty one), and the loads' buffers would come on top
REOPEN_BEFORE_LOAD = 50


def write_into(dbs: Databases, *, add: Iterable[tuple[DocumentRecord, str]] = (),
               remove: Iterable[str] = (), written: Callable[[dict[str, TripleSet]], None] | None = None,
               group: int = GROUP_DOCS) -> WriteSummary:
    """:func:`write_documents` into a store opened by :func:`graph.store.open_writer`.

    The graphs of the documents it adds, replaces or rewrites are built and loaded
    ``group`` documents at a time, each group handed to ``written`` once it is in the
    store (doc id -> the triples of its graph, as stored), with the nodes the graphs
    point to: what a batch's validation reads (:func:`graph.validate.validate_batch`).
    So a write's memory is that of a group however many documents it rewrites.
    """
    add = {rec.doc_id: (rec, h) for rec, h in add}
    store, meta = dbs.data, dbs.meta
    renaming = _index_older_store(meta)  # every node named again, by today's rule
    stored = {d: s for d in {*add, *remove} if (s := _stored_doc(meta, d)) is not None}
    remove = {d for d in remove if d in stored} - set(add)
    if not add and not remove and not renaming:
        return WriteSummary((), (), (), (), document_count(meta), 0)  # nothing to recompute
    documents = document_count(meta) + len(set(add) - set(stored)) - len(remove)
    leaving = {d: _stored_record(meta, d) for d in sorted(stored)}  # replaced or removed
    change = remerge(meta, [(d, e) for d, (rec, _) in add.items() for e in rec.entities],
                     [(d, e) for d, rec in leaving.items() for e in rec.entities], everything=renaming)
    moved = {d for iri in change.renamed_forms() for d, _ in members(meta, iri)} - set(leaving)
    was_shared = {line for d in moved | set(leaving) for line in stated_lines(meta, d)}
    # first what each document written now states in the shared layer, and its entities' IRIs
    iris, stated, hashes, shared, renamed = {}, {}, {}, set(), {}
    for doc_id in sorted(moved | set(add)):
        rec = add[doc_id][0] if doc_id in add else _stored_record(meta, doc_id)
        iris[doc_id] = _iris(meta, rec, change)
        if doc_id not in add:
            before = _iris(meta, rec, change, before=True)
            renamed.update(renamed_iris({k: str(v) for k, v in before.items()},
                                        {k: str(v) for k, v in iris[doc_id].items()}))
        stated[doc_id] = triple_lines(add_document_shared(TripleSet(), rec, iris=iris[doc_id]))
        shared.update(stated[doc_id])
        hashes[doc_id] = add[doc_id][1] if doc_id in add else _stored_doc(meta, doc_id).content_hash

    def reopened() -> None:
        # RocksDB holds deletions in memory until they are flushed, and caches what a
        # write reads while the database is open (graph.store.Databases.reopen)
        nonlocal store, meta
        store = meta = None
        dbs.reopen()
        store, meta = dbs.data, dbs.meta

    many = len(iris) > group or len(moved | set(leaving)) > group
    if many:
        reopened()
    # then out with what changes: a moved document keeps its record and hash
    for i, doc_id in enumerate(sorted(moved | set(leaving)), 1):
        doc = ox.NamedNode(str(document_iri(doc_id)))
        store.remove_graph(doc)
        if i % group == 0:
            reopened()
        remove_shared(meta, doc_id)
        for q in list(meta.quads_for_pattern(doc, None if doc_id in leaving else _IRIS, None, META)):
            meta.remove(q)
    for doc_id, rec in leaving.items():
        remove_members(meta, doc_id, rec.entities)
    metas = []
    for iri, a in change.after.items():
        b = change.before.get(iri)
        if a != b:
            keys = a is None or b is None or a.form.aliases != b.form.aliases
            if b is not None:
                remove_summary(meta, iri, keys=keys)
            if a is not None:
                metas.append(summary_lines(iri, a, keys=keys))
    metas.extend(member_lines(doc_id, rec.entities) for doc_id, (rec, _) in add.items())
    metas.append(_store_value_lines(meta, _COUNT, documents))
    if renaming:
        metas.append(_store_value_lines(meta, _INDEXED, _INDEX_VERSION))
    gone = change.gone | {line for line in was_shared - shared if not still_stated(meta, line)}
    if gone:
        for t in ox.parse(("\n".join(gone) + "\n").encode("utf-8"), ox.RdfFormat.N_TRIPLES):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    if many or len(iris) + len(leaving) >= REOPEN_BEFORE_LOAD:
        reopened()  # what the reads above cached goes before the loads' buffers come
    # then in, a group of documents at a time; the shared layer and the index with the first
    quads, count = [f"{line}\n" for line in sorted(change.new | shared)], 0
    order = sorted(iris)
    for start in range(0, max(len(order), 1), group):
        layers = {}
        for doc_id in order[start:start + group]:
            rec = add[doc_id][0] if doc_id in add else _stored_record(meta, doc_id)
            layer = add_document_layer(TripleSet(), rec, iris=iris[doc_id])
            quads.append(nquads(layer, str(document_iri(doc_id))))
            if written is not None:
                layers[doc_id] = layer   # held for the caller only: its objects cost the collector
            metas.append(_meta_lines(rec, hashes[doc_id], _iris_digest(iris[doc_id]))
                         + shared_lines(doc_id, stated[doc_id]))
        data, meta_data = _bytes(quads), _bytes(metas)  # lists emptied as their bytes are made
        count += data.count(b"\n")
        # the graph loads on a thread while the meta records load (graph.nquads.LoadBehind)
        with LoadBehind(store, data):
            meta.bulk_load(meta_data, ox.RdfFormat.N_QUADS)
        del data, meta_data  # before the caller reads the group
        if written is not None:
            written(layers)
        if many:
            reopened()
    _relink(store, renamed)
    return WriteSummary(
        added=tuple(sorted(d for d in add if d not in stored)),
        replaced=tuple(sorted(d for d in add if d in stored)),
        removed=tuple(sorted(remove)), rewritten=tuple(sorted(moved)),
        documents=documents, quads=count)
