"""Document records to RDF: entities and direct facts; statements in :mod:`graph.provenance`."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS, TIME

from extractors.records import DocumentRecord, Factuality
from graph.aliases import Resolution, add_entities, resolve_entities
from graph.iris import document_iri, open_relation_iri
from graph.provenance import add_document, add_fact_spans, add_statement
from ontology import ITSRDF, KGB, KGR, NIF, OPEN, SCHEMA, load_cues
from ontology.cues import relation_iri


def bind_prefixes(g: Graph) -> Graph:
    """Bind the prefixes every kgbuilder graph is written with."""
    for prefix, ns in (("kgb", KGB), ("kgr", KGR), ("open", OPEN), ("skos", SKOS),
                       ("prov", PROV), ("dcterms", DCTERMS), ("schema", SCHEMA), ("nif", NIF),
                       ("itsrdf", ITSRDF), ("time", TIME), ("xsd", XSD)):
        g.bind(prefix, ns, override=True, replace=True)
    # one prefix per kind of minted resource, so that Turtle names read kgp:mark-esper
    for prefix, kind in (("kgp", "person"), ("kgo", "org"), ("kgl", "place"), ("kgd", "doc"),
                         ("kgs", "statement")):
        g.bind(prefix, KGR[f"{kind}/"], override=True, replace=True)
    return g


def build_graph(records: Iterable[DocumentRecord], *, g: Graph | None = None) -> Graph:
    """Turn document records into one RDF graph.

    Entities of all documents are merged (:mod:`graph.aliases`), one node per
    real-world entity. Every fact becomes a ``kgb:Statement`` with its provenance
    (:mod:`graph.provenance`); a fact the text asserts also becomes a direct triple.
    The result does not depend on the order of the records.

    What needs no entity IRI (a document's metadata, the NIF strings of its sentences and
    mentions: half the triples) is added as each record comes, so with records read on
    other processes it is built while they read; the rest after the last record.

    Args:
        records: the documents' records, from :func:`extractors.extract`.
        g: a graph to add to; a new one by default.
    """
    g = bind_prefixes(g if g is not None else Graph())
    kept = []
    for rec in records:
        add_document_spans(g, rec)
        kept.append(rec)
    resolution = resolve_entities(kept)
    add_shared(g, kept, resolution)
    for rec in kept:
        add_document_statements(g, rec, iris=document_iris(rec, resolution))
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
    add_document_spans(g, rec)
    return add_document_statements(g, rec, iris=iris)


def add_document_spans(g: Graph, rec: DocumentRecord) -> Graph:
    """The part of :func:`add_document_layer` that needs no entity IRI: the document's
    metadata and the NIF strings of its facts' sentences and mentions."""
    add_document(g, rec)
    for fact in rec.facts:
        add_fact_spans(g, rec, fact)
    return g


def add_document_statements(g: Graph, rec: DocumentRecord, *, iris: dict) -> Graph:
    """The rest of :func:`add_document_layer`: which entities the document mentions, and
    its statements linked to its NIF strings and the entities' nodes."""
    inventory = load_cues().relations
    doc = document_iri(rec.doc_id)
    for iri in iris.values():
        g.add((iri, KGB.mentionedIn, doc))
    for fact in rec.facts:
        s, o = iris[fact.subject.entity], iris[fact.object.entity]
        add_statement(g, rec, fact, (s, _predicate(fact, inventory)[0], o), iris=iris)
    return g
