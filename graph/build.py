"""Document records to RDF: entities and direct facts; statements in :mod:`graph.provenance`."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, Literal

from extractors.records import DocumentRecord, Factuality
from graph.aliases import Resolution, add_entities, resolve_entities
from graph.iris import open_relation_iri
from graph.prefixes import WRITTEN
from graph.provenance import add_document, add_statement
from ontology import KGB, load_cues
from ontology.cues import relation_iri


def bind_prefixes(g: Graph) -> Graph:
    """Bind the prefixes every kgbuilder graph is written with (:data:`graph.prefixes.WRITTEN`)."""
    for prefix, ns in WRITTEN.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def build_graph(records: Iterable[DocumentRecord], *, g: Graph | None = None) -> Graph:
    """Turn document records into one RDF graph.

    Entities of all documents are merged first (:mod:`graph.aliases`), one node per
    real-world entity. Every fact becomes a ``kgb:Statement`` with its provenance
    (:mod:`graph.provenance`); a fact the text asserts also becomes a direct triple.
    The result does not depend on the order of the records.

    Args:
        records: the documents' records, from :func:`extractors.extract`.
        g: a graph to add to; a new one by default.
    """
    g = bind_prefixes(g if g is not None else Graph())
    records = list(records)
    resolution = resolve_entities(records)
    add_shared(g, records, resolution)
    for rec in records:
        add_document_layer(g, rec, iris=document_iris(rec, resolution))
    return g


def document_iris(rec: DocumentRecord, resolution: Resolution) -> dict:
    """Entity key of one document -> the IRI of the node it merged into."""
    return {ent.key: resolution.iri(rec.doc_id, ent.key) for ent in rec.entities}


def _predicate(fact, inventory) -> tuple:
    """The property of a fact, and the triples declaring it when it is an open relation."""
    if not fact.open:
        return relation_iri(fact.relation), ()
    verb = fact.relation
    p = open_relation_iri(verb if verb not in inventory else f"verb_{verb}")
    return p, ((p, RDF.type, KGB.OpenRelation), (p, RDFS.label, Literal(verb.replace("_", " "))),
               (p, KGB.verb, Literal(verb)))


def add_shared(g: Graph, records: list[DocumentRecord], resolution: Resolution) -> Graph:
    """What documents share: the merged entities, the direct facts and the open relations.

    A triple here may come from several documents, so a store keeps this layer once,
    apart from the documents' own graphs (:mod:`graph.store`).
    """
    add_entities(g, resolution)
    for rec in records:
        add_document_shared(g, rec, iris=document_iris(rec, resolution))
    return g


def add_document_shared(g: Graph, rec: DocumentRecord, *, iris: dict) -> Graph:
    """What one document adds to the shared layer: its direct facts and the open relations
    it uses (another document may add the same triples)."""
    inventory = load_cues().relations
    for fact in rec.facts:
        p, declaration = _predicate(fact, inventory)
        for triple in declaration:
            g.add(triple)
        if fact.factuality is Factuality.ASSERTED:
            g.add((iris[fact.subject.entity], p, iris[fact.object.entity]))
    return g


def add_document_layer(g: Graph, rec: DocumentRecord, *, iris: dict) -> Graph:
    """What one document alone says: its metadata, which entities it mentions, and its
    statements with their sentences and mentions. No triple here comes from another document."""
    inventory = load_cues().relations
    doc = add_document(g, rec)
    for iri in iris.values():
        g.add((iri, KGB.mentionedIn, doc))
    for fact in rec.facts:
        s, o = iris[fact.subject.entity], iris[fact.object.entity]
        add_statement(g, rec, fact, (s, _predicate(fact, inventory)[0], o), iris=iris)
    return g
