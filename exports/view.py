"""The network view of a graph: entities, facts and their evidence, as plain data.

Reads only the RDF graph, so it serves every graph kgbuilder wrote, whatever built it.
Every entity is a node, whether or not a fact links it. Every statement joins one edge:
statements of one fact (subject, relation, object) with the same factuality and voice
(the article's own, or reported by someone) are one edge with several pieces of
evidence. A direct triple without a statement is an asserted edge without evidence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from exports.reading import properties
from ontology import KGB, NIF, OPEN, SCHEMA, load_relations

#: One colour per entity class (colour-blind safe palette, Okabe-Ito).
CLASS_COLOURS = {
    "Person": "#E69F00", "Organization": "#56B4E9", "ArmedGroup": "#D55E00",
    "GovernmentBody": "#0072B2", "Country": "#009E73", "City": "#F0E442",
    "Region": "#CC79A7", "Facility": "#999999", "Place": "#BBBBBB",
}
_SPECIFICITY = ("ArmedGroup", "GovernmentBody", "Country", "City", "Region", "Facility",
                "Person", "Organization", "Place")
_CLASS_IRIS = frozenset(KGB[c] for c in _SPECIFICITY)
# the terms read, looked up once: a namespace's attribute costs ~3 µs, a dict's look-up 0.05
_TYPE, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_STATEMENT, _DOCUMENT, _OPEN_RELATION = KGB.Statement, KGB.Document, KGB.OpenRelation
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_EVIDENCE, _SENTENCE, _RULE, _SOURCE = KGB.evidence, KGB.sentence, KGB.rule, PROV.wasDerivedFrom
_SUBJECT_MENTION, _OBJECT_MENTION = KGB.subjectMention, KGB.objectMention
_REPORTED_BY, _REPORTER_MENTION = KGB.reportedBy, KGB.reporterMention
_FACTUALITY, _EVENT_DATE, _TIME_EXPRESSION = KGB.factuality, KGB.eventDate, KGB.timeExpression
_MENTIONED_IN, _MENTION_COUNT, _MERGE_REASON = KGB.mentionedIn, KGB.mentionCount, KGB.mergeReason
_ANCHOR, _BEGIN, _END = NIF.anchorOf, NIF.beginIndex, NIF.endIndex
_IDENTIFIER, _TITLE, _DATE, _URL = DCTERMS.identifier, DCTERMS.title, DCTERMS.date, SCHEMA.url

#: The voice of an edge: what the text says of the fact.
FACTUALITIES = ("asserted", "reported", "negated", "planned", "hypothetical")


@dataclass(frozen=True)
class Document:
    """A source document: its IRI, identifier and, when given, title, URL and date."""

    iri: str
    identifier: str
    title: str = ""
    url: str = ""
    date: str = ""


@dataclass(frozen=True)
class Evidence:
    """One statement behind an edge: the sentence and where the two mentions are in it.

    ``marks`` are (start, end) offsets into ``sentence``; ``date`` is the event date
    (ISO), ``reporter`` the party the text attributes the fact to ("" for the article's
    own voice).
    """

    sentence: str
    marks: tuple[tuple[int, int], ...]
    document: str
    factuality: str
    reporter: str = ""
    date: str = ""
    time_text: str = ""
    rule: str = ""


@dataclass(frozen=True)
class Node:
    """An entity: canonical label, class, other names, mentions and merge reasons."""

    iri: str
    label: str
    cls: str
    names: tuple[str, ...] = ()
    mentions: int = 0
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    """One fact in one voice (``factuality``, see :data:`FACTUALITIES`), with its evidence."""

    source: str
    target: str
    relation: str
    open: bool
    evidence: tuple[Evidence, ...]
    predicate: str = ""
    family: str = ""
    factuality: str = "asserted"


@dataclass(frozen=True)
class View:
    """What the network view draws; ``omitted`` counts entities left out of it."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    documents: tuple[Document, ...] = ()
    omitted: int = 0


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _str(value) -> str:
    return "" if value is None else str(value)


def _of(index: dict, node) -> dict:
    """Each property of ``node`` with all its values (``index``: :func:`exports.reading.properties`)."""
    return index.get(node, {}) if node is not None else {}


def _text(index: dict, node, p) -> str:
    """``g.value(node, p)`` as text: the first of the values :func:`_of` gives."""
    return _str(_first(_of(index, node), p))


def _first(props: dict, p):
    """The first value of ``p`` in ``props`` (:func:`_of`), the one ``g.value`` gives."""
    found = props.get(p)
    return found[0] if found else None


def _in_order(terms) -> list:
    """Terms in IRI order; terms of one string (an IRI and a blank node named alike) by kind."""
    return sorted(terms, key=lambda t: (str(t), type(t).__name__))


def _documents(index: dict) -> tuple[Document, ...]:
    docs = []
    for d in _in_order(s for s, po in index.items() if _DOCUMENT in po.get(_TYPE, ())):
        docs.append(Document(str(d), _text(index, d, _IDENTIFIER) or _local(d),
                             _text(index, d, _TITLE), _text(index, d, _URL),
                             _text(index, d, _DATE)))
    return tuple(sorted(docs, key=lambda d: d.iri))


def _evidence(index: dict, props: dict) -> Evidence:
    """The evidence one statement carries, mentions as offsets into its sentence;
    ``props``: the statement's properties."""
    span_props = _of(index, _first(props, _EVIDENCE))
    sentence = _str(_first(span_props, _ANCHOR))
    marks: list[tuple[int, int]] = []
    if sentence:
        base = int(_first(span_props, _BEGIN))
        for prop in (_SUBJECT_MENTION, _OBJECT_MENTION):
            where = _of(index, _first(props, prop))
            if _first(where, _BEGIN) is not None:
                start = int(_first(where, _BEGIN)) - base
                end = int(_first(where, _END)) - base
                if 0 <= start < end <= len(sentence):
                    marks.append((start, end))
    else:
        sentence = _str(_first(props, _SENTENCE))
    who = _first(props, _REPORTED_BY)
    reporter = _text(index, who, _LABEL) if who is not None else ""
    if not reporter and _first(props, _REPORTER_MENTION) is not None:
        reporter = _text(index, _first(props, _REPORTER_MENTION), _ANCHOR)
    return Evidence(sentence, tuple(sorted(set(marks))), _str(_first(props, _SOURCE)),
                    _str(_first(props, _FACTUALITY)) or "asserted", reporter,
                    _str(_first(props, _EVENT_DATE)), _str(_first(props, _TIME_EXPRESSION)),
                    _str(_first(props, _RULE)))


def _voice(props: dict) -> str:
    """The voice of a statement of ``props`` (its properties)."""
    factuality = _str(_first(props, _FACTUALITY)) or "asserted"
    reported = _REPORTER_MENTION in props or _REPORTED_BY in props
    return "reported" if factuality == "asserted" and reported else factuality


def _node(index: dict, iri) -> Node:
    values = _of(index, iri)
    types = {_local(t) for t in values.get(_TYPE, ())}
    label = _str(_first(values, _LABEL)) or _local(iri)
    names = sorted({str(n) for n in values.get(_ALT_LABEL, ())} - {label})
    count = _first(values, _MENTION_COUNT)
    return Node(str(iri), label, next((c for c in _SPECIFICITY if c in types), "Place"),
                tuple(names), int(count) if count is not None else 0,
                tuple(sorted(str(r) for r in values.get(_MERGE_REASON, ()))))


def graph_view(g: Graph, *, include_open: bool = True) -> View:
    """Every entity of ``g`` and every fact between them, with evidence and documents.

    Args:
        g: a graph kgbuilder wrote.
        include_open: also draw facts of open relations (``open:`` verbs).
    """
    index = properties(g)  # every look-up below is a dict's: one of rdflib's costs ~10 µs
    families = {KGB[r.name]: r.family for r in load_relations()}
    grouped: dict[tuple, list[Evidence]] = defaultdict(list)
    for st in g.subjects(_TYPE, _STATEMENT):  # in the graph's order: evidence ties keep it
        props = _of(index, st)
        s, p, o = _first(props, _SUBJECT), _first(props, _PREDICATE), _first(props, _OBJECT)
        if isinstance(o, URIRef) and s is not None and p is not None:
            grouped[(s, p, o, _voice(props))].append(_evidence(index, props))
    for p in (*families, *g.subjects(_TYPE, _OPEN_RELATION)):
        for s, o in g.subject_objects(p):
            if isinstance(o, URIRef) and not any((s, p, o, v) in grouped for v in FACTUALITIES[:2]):
                grouped[(s, p, o, "asserted")] = []
    edges, open_ns = [], str(OPEN)
    entities = {s for s, po in index.items()
                if _MENTIONED_IN in po or not _CLASS_IRIS.isdisjoint(po.get(_TYPE, ()))}
    for (s, p, o, voice), evidence in grouped.items():
        is_open = str(p).startswith(open_ns)
        if (p not in families and not is_open) or (is_open and not include_open):
            continue
        edges.append(Edge(str(s), str(o), _text(index, p, _LABEL) or _local(p), is_open,
                          tuple(sorted(evidence, key=lambda e: (e.document, e.sentence, e.marks))),
                          str(p), families.get(p, ""), voice))
        entities.update((s, o))
    nodes = tuple(_node(index, iri) for iri in _in_order(entities))
    order = {v: i for i, v in enumerate(FACTUALITIES)}
    edges.sort(key=lambda e: (e.source, e.relation, e.target, order.get(e.factuality, 9)))
    return View(nodes, tuple(edges), _documents(index))
