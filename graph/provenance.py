"""Provenance: the source document and one reified statement per extracted fact.

A statement says where a fact comes from and whether the text says it happened:

* ``rdf:subject`` / ``rdf:predicate`` / ``rdf:object``: the fact (RDF reification);
* ``prov:wasDerivedFrom``: the document (``dcterms:title``, ``schema:url``,
  ``dcterms:date``), and ``kgb:evidence``: the sentence, a NIF string with
  ``nif:beginIndex`` / ``nif:endIndex`` in the document and ``nif:anchorOf`` its text;
  ``kgb:subjectMention`` / ``kgb:objectMention``: the two mentions, likewise, each
  linked to its entity by ``itsrdf:taIdentRef``;
* ``kgb:factuality``: asserted, negated, hypothetical or planned; ``kgb:reportedBy``
  (a ``prov:wasAttributedTo``): the party the text attributes it to;
* ``kgb:eventDate`` (an ``xsd:date``) and ``time:unitType``: when it happened, at the
  precision the text gives; ``kgb:timeExpression``: the words that said it;
* ``kgb:rule``: the extraction rule.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, TIME

from extractors.records import DocumentRecord, Fact, Mention
from graph.iris import document_iri, span_iri, statement_iri
from ontology import ITSRDF, KGB, NIF, SCHEMA

#: ISO 8601 precision of :attr:`Fact.time` -> OWL-Time unit.
UNITS = {"day": TIME.unitDay, "week": TIME.unitWeek, "month": TIME.unitMonth,
         "year": TIME.unitYear}

# The terms a statement uses, read once: a closed namespace's attribute lookup costs
# microseconds, and a build writes some thirty of them per statement.
_TYPE, _SUBJECT, _PREDICATE, _OBJECT = RDF.type, RDF.subject, RDF.predicate, RDF.object
_BEGIN, _END, _ANCHOR, _CONTEXT = (NIF.beginIndex, NIF.endIndex, NIF.anchorOf,
                                   NIF.referenceContext)
_PHRASE, _SENTENCE_SPAN, _IDENT = NIF.Phrase, NIF.Sentence, ITSRDF.taIdentRef
_STATEMENT, _FACTUALITY, _RULE, _SENTENCE = KGB.Statement, KGB.factuality, KGB.rule, KGB.sentence
_EVIDENCE, _SUBJECT_MENTION, _OBJECT_MENTION = KGB.evidence, KGB.subjectMention, KGB.objectMention
_REPORTED_BY, _REPORTER_MENTION = KGB.reportedBy, KGB.reporterMention
_EVENT_DATE, _TIME_EXPRESSION, _DERIVED, _UNIT = (KGB.eventDate, KGB.timeExpression,
                                                   PROV.wasDerivedFrom, TIME.unitType)


@lru_cache(maxsize=1 << 16)
def _offset(n: int) -> Literal:
    """A character offset as a literal; offsets repeat from document to document, and an
    rdflib literal costs more to make than to look up (they are immutable)."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1 << 12)
def _value(text: str) -> Literal:
    """A plain literal of a closed or small set (factuality, rule, time words)."""
    return Literal(text)


@lru_cache(maxsize=1 << 12)
def _day(iso: str) -> Literal:
    return Literal(iso, datatype=XSD.date)


def time_value(iso: str) -> tuple[date, str] | None:
    """The first day of an ISO 8601 day, week, month or year, and its precision.

    >>> time_value("2020-W12")
    (datetime.date(2020, 3, 16), 'week')
    >>> time_value("2020-03")
    (datetime.date(2020, 3, 1), 'month')
    >>> time_value("soon") is None
    True
    """
    try:
        if len(iso) == 10:
            return date.fromisoformat(iso), "day"
        if len(iso) == 8 and iso[4:6] == "-W":
            return date.fromisocalendar(int(iso[:4]), int(iso[6:]), 1), "week"
        if len(iso) == 7:
            return date(int(iso[:4]), int(iso[5:]), 1), "month"
        if len(iso) == 4:
            return date(int(iso), 1, 1), "year"
    except ValueError:
        return None
    return None


def _date_literal(text: str) -> Literal:
    """An ``xsd:date`` when the text starts with an ISO date, else the text as given."""
    try:
        return Literal(date.fromisoformat(text[:10]).isoformat(), datatype=XSD.date)
    except ValueError:
        return Literal(text)


def add_document(g: Graph, rec: DocumentRecord) -> URIRef:
    """Add the source document and its metadata; return its IRI."""
    doc = document_iri(rec.doc_id)
    g.add((doc, RDF.type, KGB.Document))
    g.add((doc, DCTERMS.identifier, Literal(rec.doc_id)))
    if rec.title:
        g.add((doc, DCTERMS.title, Literal(rec.title)))
    if rec.url:
        g.add((doc, SCHEMA.url, Literal(rec.url, datatype=XSD.anyURI)))
    if rec.date:
        g.add((doc, DCTERMS.date, _date_literal(rec.date)))
    return doc


def _span(g: Graph, doc: URIRef, text: str, start: int, end: int, cls: URIRef,
          made: set | None = None) -> URIRef:
    """A NIF string: a stretch of the document, by its character offsets. ``made``: the
    (span, class) pairs already added to ``g`` (a sentence or a name is the evidence of
    several statements), which are not added again."""
    node = span_iri(doc, start, end)
    if made is not None:
        if (node, cls) in made:
            return node
        made.add((node, cls))
    g.add((node, _TYPE, cls))
    g.add((node, _BEGIN, _offset(start)))
    g.add((node, _END, _offset(end)))
    g.add((node, _ANCHOR, Literal(text[start:end])))
    g.add((node, _CONTEXT, doc))
    return node


def _mention(g: Graph, doc: URIRef, text: str, mention: Mention, entity: URIRef,
             made: set | None = None) -> URIRef:
    node = _span(g, doc, text, mention.start, mention.end, _PHRASE, made)
    if made is not None:
        if (node, entity) in made:
            return node
        made.add((node, entity))  # a span may stand for several entities ("the two countries")
    g.add((node, _IDENT, entity))
    return node


def add_statement(g: Graph, rec: DocumentRecord, fact: Fact, triple: tuple[URIRef, URIRef, URIRef],
                  *, iris: dict[str, URIRef], spans: set | None = None) -> URIRef:
    """Add the reified statement of one fact, with all its provenance; return its IRI.

    Args:
        g: the graph to add to.
        rec: the document the fact was read from.
        fact: the fact.
        triple: its subject, predicate and object IRIs.
        iris: entity key -> entity IRI, for the mentions and the reporter.
        spans: the spans of ``rec`` already added to ``g`` by this caller, as (IRI, class),
            to which this statement's are added; their triples are not added again.
    """
    s, p, o = triple
    doc = document_iri(rec.doc_id)
    st = statement_iri(rec.doc_id, s, p, o, fact.sentence.start, fact.factuality.value,
                       fact.subject.start, fact.object.start)
    g.add((st, _TYPE, _STATEMENT))
    g.add((st, _SUBJECT, s))
    g.add((st, _PREDICATE, p))
    g.add((st, _OBJECT, o))
    g.add((st, _FACTUALITY, _value(fact.factuality.value)))
    g.add((st, _RULE, _value(fact.rule)))
    g.add((st, _SENTENCE, Literal(fact.sentence.text)))
    g.add((st, _DERIVED, doc))
    sent = fact.sentence
    g.add((st, _EVIDENCE, _span(g, doc, rec.text, sent.start, sent.end, _SENTENCE_SPAN, spans)))
    g.add((st, _SUBJECT_MENTION, _mention(g, doc, rec.text, fact.subject, s, spans)))
    g.add((st, _OBJECT_MENTION, _mention(g, doc, rec.text, fact.object, o, spans)))
    reporter = fact.reported_by
    if reporter is not None:
        who = iris.get(reporter.entity)
        if who is None:
            # an unnamed source ("officials said"): where it is quoted, but no entity
            span = _span(g, doc, rec.text, reporter.start, reporter.end, _PHRASE, spans)
        else:
            g.add((st, _REPORTED_BY, who))
            span = _mention(g, doc, rec.text, reporter, who, spans)
        g.add((st, _REPORTER_MENTION, span))
    when = time_value(fact.time) if fact.time else None
    if when is not None:
        day, unit = when
        g.add((st, _EVENT_DATE, _day(day.isoformat())))
        g.add((st, _UNIT, UNITS[unit]))
        if fact.time_text:
            g.add((st, _TIME_EXPRESSION, _value(fact.time_text)))
    return st
