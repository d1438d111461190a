"""Adding documents to a store and taking them out, with the result of a one-shot build.

What the store holds (:mod:`graph.store`):

* one named graph per document, named by its IRI: its metadata, ``kgb:mentionedIn``,
  its statements and the sentences and mentions they cite, nothing another document
  could also say;
* the default graph: what documents share, the merged entities, the direct facts and
  the open relations (:func:`graph.build.add_shared`);
* the renaming links (:mod:`graph.renamed`): ``old owl:sameAs new`` for entities a
  later document renamed, in a named graph of their own;
* in the meta database, apart: per document its content hash, its record
  (:mod:`graph.recordjson`), the entity IRIs its graph uses and a digest of them.

Each write merges the entities of all stored records again, exactly as a one-shot
build does, rewrites the default graph, and rewrites a document's graph only when the
document is new or changed or when one of its entities changed IRI (a later document
gave it a better canonical name; the old IRI is then linked to the new one). So the
store, but for the links, equals a one-shot build of its documents, whatever the order
and the batches they came in.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from extractors.records import DocumentRecord
from graph.aliases import resolve_entities
from graph.background_load import BackgroundLoader
from graph.build import add_document_layer, add_shared, document_iris
from graph.iris import digest, document_iri
from graph.recordjson import record_from_json, record_to_json
from graph.renamed import renamed_iris, stored_links, updated_links, write_links
from graph.store import META, Databases, open_writer

_HASH = ox.NamedNode("urn:kgbuilder:store#contentHash")
_RECORD = ox.NamedNode("urn:kgbuilder:store#record")
_IRIS = ox.NamedNode("urn:kgbuilder:store#entityIris")
_IRI_MAP = ox.NamedNode("urn:kgbuilder:store#entityIriMap")


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


def _stored_records(store: ox.Store) -> dict[str, DocumentRecord]:
    records = (record_from_json(q.object.value)
               for q in store.quads_for_pattern(None, _RECORD, None, META))
    return {rec.doc_id: rec for rec in records}


class TripleSet:
    """The one Graph method the builders call (``add``), over a plain set of triples.

    rdflib's indexed in-memory graph costs most of a write when the triples are only
    written out again; the builders take any object with ``add``.

    >>> from rdflib import URIRef
    >>> len(TripleSet().add((URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c"))))
    1
    """

    def __init__(self) -> None:
        self.triples: set = set()

    def add(self, triple) -> TripleSet:
        self.triples.add(triple)
        return self

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)


def _nt(term) -> str:
    """One RDF term in N-Triples syntax."""
    kind = type(term)  # exact types first: isinstance through rdflib's ABCs costs a write
    if kind is URIRef or (kind is not Literal and isinstance(term, URIRef)):
        return f"<{term}>"
    if kind is BNode or (kind is not Literal and isinstance(term, BNode)):
        return f"_:{term}"
    text = str(term)
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        text = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r"))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def nquads(g: Graph | TripleSet, graph_name: str | None) -> str:
    """``g`` as N-Quads lines in the named graph ``graph_name`` (None: the default graph)."""
    tail = f" <{graph_name}> .\n" if graph_name else " .\n"
    return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)}{tail}" for s, p, o in g)


def _meta_lines(rec: DocumentRecord, content_hash: str, iris: dict) -> str:
    doc = document_iri(rec.doc_id)
    g = TripleSet()
    g.add((doc, URIRef(_HASH.value), Literal(content_hash)))
    g.add((doc, URIRef(_RECORD.value), Literal(record_to_json(rec))))
    g.add((doc, URIRef(_IRIS.value), Literal(_iris_digest(iris))))
    g.add((doc, URIRef(_IRI_MAP.value), Literal(json.dumps(_plain(iris), sort_keys=True))))
    g.add((doc, URIRef("http://purl.org/dc/terms/identifier"), Literal(rec.doc_id)))
    return nquads(g, META.value)


def _iris_digest(iris: dict) -> str:
    return digest(json.dumps(sorted((k, str(v)) for k, v in iris.items())), length=32)


def _plain(iris: dict) -> dict[str, str]:
    return {key: str(iri) for key, iri in iris.items()}


def _stored_iri_maps(store: ox.Store) -> dict[str, dict[str, str]]:
    """doc IRI -> the entity key -> IRI map its graph was written with (stores written
    before the map was kept have none)."""
    return {q.subject.value: json.loads(q.object.value)
            for q in store.quads_for_pattern(None, _IRI_MAP, None, META)}


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


def write_into(dbs: Databases, *, add: Iterable[tuple[DocumentRecord, str]] = (),
               remove: Iterable[str] = ()) -> WriteSummary:
    """:func:`write_documents` into a store opened by :func:`graph.store.open_writer`."""
    add = {rec.doc_id: (rec, h) for rec, h in add}
    remove = set(remove)
    store, meta = dbs.data, dbs.meta
    stored = stored_documents(meta)
    if not add and not remove & set(stored):
        return WriteSummary((), (), (), (), len(stored), 0)  # nothing to recompute
    records = _stored_records(meta)
    remove = {d for d in remove if d in records} - set(add)
    for doc_id in remove:
        del records[doc_id]
    for doc_id, (rec, _) in add.items():
        records[doc_id] = rec
    ordered = [records[d] for d in sorted(records)]
    resolution = resolve_entities(ordered)
    todo, rewritten = [], []
    live, renamed, iri_maps = set(), {}, None
    for rec in ordered:
        iris = document_iris(rec, resolution)
        live.update(str(iri) for iri in iris.values())
        old = stored.get(rec.doc_id)
        if rec.doc_id not in add and old is not None and old.iris_digest == _iris_digest(iris):
            continue
        if rec.doc_id not in add:
            rewritten.append(rec.doc_id)
            iri_maps = _stored_iri_maps(meta) if iri_maps is None else iri_maps
            renamed.update(renamed_iris(iri_maps.get(str(document_iri(rec.doc_id)), {}),
                                        _plain(iris)))
        todo.append((rec, iris, add[rec.doc_id][1] if rec.doc_id in add else old.content_hash))
    shared = nquads(add_shared(TripleSet(), ordered, resolution), None)
    for doc_id in sorted(remove | {rec.doc_id for rec, _, _ in todo}):
        doc = ox.NamedNode(str(document_iri(doc_id)))
        store.remove_graph(doc)
        for q in list(meta.quads_for_pattern(doc, None, None, META)):
            meta.remove(q)
    new_shared = _change_default_graph(store, shared)
    write_links(store, updated_links(stored_links(store), renamed, live))
    quads = 0
    with BackgroundLoader(store) as loader:
        for start in range(0, max(len(todo), 1), _BATCH):
            chunk, metas = _document_lines(todo[start:start + _BATCH])
            chunk = new_shared + chunk if start == 0 else chunk  # one load for a small write
            loader.load(chunk)
            meta.bulk_load(metas, ox.RdfFormat.N_QUADS)
            quads += chunk.count(b"\n")
    return WriteSummary(
        added=tuple(sorted(d for d in add if d not in stored)),
        replaced=tuple(sorted(d for d in add if d in stored)),
        removed=tuple(sorted(remove)), rewritten=tuple(rewritten),
        documents=len(ordered), quads=quads)


#: Documents turned into N-Quads at a time, loaded while the next ones are written.
_BATCH = 200


def _document_lines(todo: list) -> tuple[bytes, bytes]:
    """The documents' graphs and their meta records as N-Quads."""
    chunks, metas = [], []
    for rec, iris, content_hash in todo:
        doc = str(document_iri(rec.doc_id))
        chunks.append(nquads(add_document_layer(TripleSet(), rec, iris=iris), doc))
        metas.append(_meta_lines(rec, content_hash, iris))
    return "".join(chunks).encode("utf-8"), "".join(metas).encode("utf-8")


def _change_default_graph(store: ox.Store, triples: str) -> bytes:
    """Remove from the default graph what is not in ``triples`` (N-Triples); return the
    lines it lacks. A new document changes few shared triples; rewriting them all would
    cost a write as much as the whole store."""
    scratch = ox.Store()
    scratch.load(triples.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    # both sides through Oxigraph's serializer, so one triple is one line on both
    new = set(scratch.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines())
    old = set(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines())
    gone = old - new
    if gone:
        for t in ox.parse(b"\n".join(gone) + b"\n", ox.RdfFormat.N_TRIPLES):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    added = new - old
    return b"\n".join(added) + b"\n" if added else b""
