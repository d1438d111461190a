"""Document records to RDF: entities and direct facts; statements in :mod:`graph.provenance`."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, Literal

from extractors.records import DocumentRecord, Factuality
from graph.aliases import Resolution, add_entities, resolve_entities
from graph.iris import document_iri, entity_iri, open_relation_iri
from graph.nquads import TripleSet
from graph.set_store import SetStore
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

    Entities of all documents are merged (:mod:`graph.aliases`), one node per
    real-world entity. Every fact becomes a ``kgb:Statement`` with its provenance
    (:mod:`graph.provenance`); a fact the text asserts also becomes a direct triple.
    The result does not depend on the order of the records.

    Each document's own layer (its metadata, statements, sentences and mentions: nine
    triples in ten) is added as its record comes, so with records read on other processes
    it is built while they read. Its entity IRIs are then guesses (:func:`guessed_iris`:
    each entity's own name and class); after the last record the entities of all documents
    are merged, and the layers of the documents whose guesses were wrong (an entity merged
    under another name or class) are corrected, triple by triple.

    Args:
        records: the documents' records, from :func:`extractors.extract`.
        g: a graph to add to; by default a new one on a :class:`graph.set_store.SetStore`,
            which adds a triple in about a third of the time of rdflib's ``Memory``.
    """
    g = bind_prefixes(g if g is not None else Graph(store=SetStore()))
    kept, guesses = [], []
    for rec in records:
        guesses.append(guessed_iris(rec))
        add_document_layer(g, rec, iris=guesses[-1])
        kept.append(rec)
    resolution = resolve_entities(kept)
    add_shared(g, kept, resolution)
    for rec, guessed in zip(kept, guesses):
        iris = document_iris(rec, resolution)
        if guessed != iris:
            correct_layer(g, rec, guessed=guessed, iris=iris)
    return g


def guessed_iris(rec: DocumentRecord) -> dict:
    """Entity key of one document -> the IRI its node has when it merges with no entity of
    another name or class (:func:`graph.iris.entity_iri` of its own name and class), the
    IRI most entities keep."""
    return {ent.key: entity_iri(ent.name, ent.cls) for ent in rec.entities}


def correct_layer(g: Graph, rec: DocumentRecord, *, guessed: dict, iris: dict) -> Graph:
    """Turn ``rec``'s layer made with the ``guessed`` entity IRIs into the one of ``iris``: the
    triples only the first has are removed, those only the second has added.

    Only the statements of facts whose subject, object or reporter changed IRI, and the
    ``kgb:mentionedIn`` of those entities, can differ; when a wrong guess is the IRI of another
    entity of the document, the whole layers are compared instead, as a triple of the one
    may then be one of the other. No other document's layer nor the shared layer holds any
    of these triples (each names the document, or a statement or span of it).
    """
    changed = {key for key, iri in iris.items() if guessed[key] != iri}
    if {guessed[key] for key in changed} & set(iris.values()):
        facts, changed = rec.facts, set(iris)
    else:
        facts = tuple(f for f in rec.facts if {f.subject.entity, f.object.entity,
                                               f.reported_by and f.reported_by.entity} & changed)
    was = add_statements(TripleSet(), rec, facts, iris=guessed, mentioned=changed).triples
    now = add_statements(TripleSet(), rec, facts, iris=iris, mentioned=changed).triples
    for triple in was - now:
        g.remove(triple)
    for triple in now - was:
        g.add(triple)
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
    add_document(g, rec)
    return add_statements(g, rec, rec.facts, iris=iris, mentioned=iris)


def add_statements(g: Graph, rec: DocumentRecord, facts, *, iris: dict, mentioned) -> Graph:
    """The statements of ``facts`` of ``rec`` (their sentences and mentions), and that the
    document mentions the entities of the keys ``mentioned``."""
    inventory = load_cues().relations
    doc = document_iri(rec.doc_id)
    for key in mentioned:
        g.add((iris[key], KGB.mentionedIn, doc))
    spans: set = set()  # a sentence or a name is the evidence of several statements
    for fact in facts:
        s, o = iris[fact.subject.entity], iris[fact.object.entity]
        add_statement(g, rec, fact, (s, _predicate(fact, inventory)[0], o), iris=iris, spans=spans)
    return g
