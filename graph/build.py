"""Document records to RDF: entities, direct facts and reified statements."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, PROV, SKOS

from extractors.records import DocumentRecord, Factuality
from graph.aliases import add_entities, resolve_entities
from graph.iris import document_iri, open_relation_iri, statement_iri
from ontology import KGB, KGR, OPEN, load_cues

SCHEMA = Namespace("http://schema.org/")


def bind_prefixes(g: Graph) -> Graph:
    """Bind the prefixes every kgbuilder graph is written with."""
    for prefix, ns in (("kgb", KGB), ("kgr", KGR), ("open", OPEN), ("skos", SKOS),
                       ("prov", PROV), ("dcterms", DCTERMS), ("schema", SCHEMA)):
        g.bind(prefix, ns, override=True)
    return g


def build_graph(records: Iterable[DocumentRecord], *, g: Graph | None = None) -> Graph:
    """Turn document records into one RDF graph.

    Every fact becomes a ``kgb:Statement`` that points to its source document and
    sentence; a fact the text asserts also becomes a direct triple. The result does
    not depend on the order of the records.

    Args:
        records: the documents' records, from :func:`extractors.extract`.
        g: a graph to add to; a new one by default.
    """
    g = bind_prefixes(g if g is not None else Graph())
    inventory = load_cues().relations
    records = list(records)
    resolution = resolve_entities(records)
    add_entities(g, resolution)
    for rec in records:
        doc = document_iri(rec.doc_id)
        g.add((doc, RDF.type, KGB.Document))
        g.add((doc, DCTERMS.identifier, Literal(rec.doc_id)))
        if rec.title:
            g.add((doc, DCTERMS.title, Literal(rec.title)))
        if rec.url:
            g.add((doc, SCHEMA.url, Literal(rec.url, datatype=XSD.anyURI)))
        if rec.date:
            g.add((doc, DCTERMS.date, Literal(rec.date)))
        iris = {ent.key: resolution.iri(rec.doc_id, ent.key) for ent in rec.entities}
        for iri in iris.values():
            g.add((iri, KGB.mentionedIn, doc))
        for fact in rec.facts:
            s, o = iris[fact.subject.entity], iris[fact.object.entity]
            if fact.open:
                verb = fact.relation
                p = open_relation_iri(verb if verb not in inventory else f"verb_{verb}")
                g.add((p, RDF.type, KGB.OpenRelation))
                g.add((p, RDFS.label, Literal(verb.replace("_", " "))))
                g.add((p, KGB.verb, Literal(verb)))
            else:
                p = KGB[fact.relation]
            if fact.factuality is Factuality.ASSERTED:
                g.add((s, p, o))
            st = statement_iri(rec.doc_id, s, p, o, fact.sentence.start, fact.factuality.value)
            g.add((st, RDF.type, KGB.Statement))
            g.add((st, RDF.subject, s))
            g.add((st, RDF.predicate, p))
            g.add((st, RDF.object, o))
            g.add((st, KGB.factuality, Literal(fact.factuality.value)))
            g.add((st, KGB.rule, Literal(fact.rule)))
            g.add((st, KGB.sentence, Literal(fact.sentence.text)))
            g.add((st, PROV.wasDerivedFrom, doc))
    return g
