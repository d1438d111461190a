"""Document records to RDF: entities and direct facts; statements in :mod:`graph.provenance`."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, TIME

from extractors.records import DocumentRecord, Factuality
from graph.iris import entity_iri, open_relation_iri
from graph.provenance import add_document, add_statement
from ontology import ITSRDF, KGB, KGR, NIF, OPEN, SCHEMA, load_cues


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


def _choose_label(names: Counter) -> str:
    """The canonical label among the names an IRI was given: most used, then longest."""
    return sorted(names, key=lambda n: (-names[n], -len(n), n))[0]


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
    labels: dict[URIRef, Counter] = defaultdict(Counter)
    altlabels: dict[URIRef, set[str]] = defaultdict(set)
    for rec in records:
        doc = add_document(g, rec)
        iris = {}
        for ent in rec.entities:
            iri = entity_iri(ent.name, ent.cls)
            iris[ent.key] = iri
            g.add((iri, RDF.type, KGB[ent.cls]))
            labels[iri][ent.name] += ent.mentions
            altlabels[iri].update(ent.aliases)
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
            add_statement(g, rec, fact, (s, p, o), iris=iris)
    for iri, names in labels.items():
        label = _choose_label(names)
        g.add((iri, RDFS.label, Literal(label)))
        for alt in sorted((set(names) | altlabels[iri]) - {label}):
            g.add((iri, SKOS.altLabel, Literal(alt)))
    return g
