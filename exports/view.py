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

from ontology import KGB, NIF, OPEN, SCHEMA, load_relations

#: One colour per entity class (colour-blind safe palette, Okabe-Ito).
CLASS_COLOURS = {
    "Person": "#E69F00", "Organization": "#56B4E9", "ArmedGroup": "#D55E00",
    "GovernmentBody": "#0072B2", "Country": "#009E73", "City": "#F0E442",
    "Region": "#CC79A7", "Facility": "#999999", "Place": "#BBBBBB",
}
_SPECIFICITY = ("ArmedGroup", "GovernmentBody", "Country", "City", "Region", "Facility",
                "Person", "Organization", "Place")
_CLASS_IRIS = tuple(KGB[c] for c in _SPECIFICITY)

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


def _text(g: Graph, s, p) -> str:
    value = g.value(s, p)
    return "" if value is None else str(value)


def _documents(g: Graph) -> tuple[Document, ...]:
    docs = (Document(str(d), _text(g, d, DCTERMS.identifier) or _local(d),
                     _text(g, d, DCTERMS.title), _text(g, d, SCHEMA.url), _text(g, d, DCTERMS.date))
            for d in set(g.subjects(RDF.type, KGB.Document)))
    return tuple(sorted(docs, key=lambda d: d.iri))


def _values(g: Graph, node) -> dict:
    """Each property of ``node`` with its first value, the one ``g.value(node, p)`` gives: one
    look-up of the graph rather than one per property."""
    found: dict = {}
    for p, o in g.predicate_objects(node):
        found.setdefault(p, o)
    return found


def _str(value) -> str:
    return "" if value is None else str(value)


def _evidence(g: Graph, st, props: dict) -> Evidence:
    """The evidence one statement carries, mentions as offsets into its sentence;
    ``props``: the statement's :func:`_values`."""
    span = props.get(KGB.evidence)
    span_props = _values(g, span) if span is not None else {}
    sentence = _str(span_props.get(NIF.anchorOf))
    marks: list[tuple[int, int]] = []
    if sentence:
        base = int(span_props.get(NIF.beginIndex))
        for prop in (KGB.subjectMention, KGB.objectMention):
            mention = props.get(prop)
            where = _values(g, mention) if mention is not None else {}
            if where.get(NIF.beginIndex) is not None:
                start = int(where[NIF.beginIndex]) - base
                end = int(where[NIF.endIndex]) - base
                if 0 <= start < end <= len(sentence):
                    marks.append((start, end))
    else:
        sentence = _str(props.get(KGB.sentence))
    who = props.get(KGB.reportedBy)
    reporter = _text(g, who, RDFS.label) if who is not None else ""
    if not reporter and props.get(KGB.reporterMention) is not None:
        reporter = _text(g, props[KGB.reporterMention], NIF.anchorOf)
    return Evidence(sentence, tuple(sorted(set(marks))), _str(props.get(PROV.wasDerivedFrom)),
                    _str(props.get(KGB.factuality)) or "asserted", reporter,
                    _str(props.get(KGB.eventDate)), _str(props.get(KGB.timeExpression)),
                    _str(props.get(KGB.rule)))


def _voice(props: dict) -> str:
    """The voice of a statement of ``props`` (its :func:`_values`)."""
    factuality = _str(props.get(KGB.factuality)) or "asserted"
    reported = KGB.reporterMention in props or KGB.reportedBy in props
    return "reported" if factuality == "asserted" and reported else factuality


def _node(g: Graph, iri: URIRef) -> Node:
    values = defaultdict(list)  # every value of every property, in one look-up of the graph
    for p, o in g.predicate_objects(iri):
        values[p].append(o)
    types = {_local(t) for t in values[RDF.type]}
    label = _str(next(iter(values[RDFS.label]), None)) or _local(iri)
    names = sorted({str(n) for n in values[SKOS.altLabel]} - {label})
    count = next(iter(values[KGB.mentionCount]), None)
    return Node(str(iri), label, next((c for c in _SPECIFICITY if c in types), "Place"),
                tuple(names), int(count) if count is not None else 0,
                tuple(sorted(str(r) for r in values[KGB.mergeReason])))


def graph_view(g: Graph, *, include_open: bool = True) -> View:
    """Every entity of ``g`` and every fact between them, with evidence and documents.

    Args:
        g: a graph kgbuilder wrote.
        include_open: also draw facts of open relations (``open:`` verbs).
    """
    families = {KGB[r.name]: r.family for r in load_relations()}
    grouped: dict[tuple, list[Evidence]] = defaultdict(list)
    for st in g.subjects(RDF.type, KGB.Statement):
        props = _values(g, st)
        s, p, o = props.get(RDF.subject), props.get(RDF.predicate), props.get(RDF.object)
        if isinstance(o, URIRef) and s is not None and p is not None:
            grouped[(s, p, o, _voice(props))].append(_evidence(g, st, props))
    for p in (*families, *g.subjects(RDF.type, KGB.OpenRelation)):
        for s, o in g.subject_objects(p):
            if isinstance(o, URIRef) and not any((s, p, o, v) in grouped for v in FACTUALITIES[:2]):
                grouped[(s, p, o, "asserted")] = []
    edges = []
    entities = set(g.subjects(KGB.mentionedIn, None))
    for cls in _CLASS_IRIS:
        entities.update(g.subjects(RDF.type, cls))
    for (s, p, o, voice), evidence in grouped.items():
        is_open = str(p).startswith(str(OPEN))
        if (p not in families and not is_open) or (is_open and not include_open):
            continue
        edges.append(Edge(str(s), str(o), _text(g, p, RDFS.label) or _local(p), is_open,
                          tuple(sorted(evidence, key=lambda e: (e.document, e.sentence, e.marks))),
                          str(p), families.get(p, ""), voice))
        entities.update((s, o))
    nodes = tuple(_node(g, iri) for iri in sorted(entities, key=str))
    order = {v: i for i, v in enumerate(FACTUALITIES)}
    edges.sort(key=lambda e: (e.source, e.relation, e.target, order.get(e.factuality, 9)))
    return View(nodes, tuple(edges), _documents(g))
