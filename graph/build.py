"""Document records to RDF: entities and direct facts; statements in :mod:`graph.provenance`."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS, TIME

from extractors.records import DocumentRecord, Factuality
from graph.aliases import add_entities, resolve_entities
from graph.iris import open_relation_iri
from graph.provenance import add_document, add_statement
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

    Entities of all documents are merged first (:mod:`graph.aliases`), one node per
    real-world entity. Every fact becomes a ``kgb:Statement`` with its provenance
    (:mod:`graph.provenance`); a fact the text asserts also becomes a direct triple.
    The result does not depend on the order of the records.

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
        doc = add_document(g, rec)
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
                p = relation_iri(fact.relation)
            if fact.factuality is Factuality.ASSERTED:
                g.add((s, p, o))
            add_statement(g, rec, fact, (s, p, o), iris=iris)
    return g
