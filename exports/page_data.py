"""The data of the HTML view: a :class:`~exports.view.View` and its layout, as plain JSON.

Node ids are opaque (a hash of the IRI), so no text from the data is ever an id or a
selector in the page. Colours: classes have theirs in :data:`exports.view.CLASS_COLOURS`;
families, read from the ontology, take the palette's colours in their sorted order.
"""
from __future__ import annotations

import hashlib
from datetime import date

from exports.view import _SPECIFICITY, CLASS_COLOURS, FACTUALITIES, View
from ontology import load_relations

#: vis-network shape of each entity class; with the colour, each class looks different.
CLASS_SHAPES = {
    "Person": "dot", "Organization": "square", "ArmedGroup": "triangle",
    "GovernmentBody": "diamond", "Country": "hexagon", "City": "star",
    "Region": "triangleDown", "Facility": "square", "Place": "dot",
}
#: One colour per relation family, in the families' sorted order (coercion, diplomacy,
#: location, membership, support, violence); open relations are grey.
FAMILY_PALETTE = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                  "#882255", "#44AA99")
OPEN_FAMILY = "open relation"
#: How each voice is drawn: dash pattern (empty: solid), width, shown at first.
FACTUALITY_STYLES = {
    "asserted": ((), 2.0, True, "the article states it"),
    "reported": ((10, 5), 2.0, False, "the article attributes it to someone"),
    "negated": ((2, 4), 1.5, False, "the text says it did not happen"),
    "planned": ((12, 4, 2, 4), 1.5, False, "announced or intended"),
    "hypothetical": ((5, 5), 1.0, False, "a condition, a question or a possibility"),
}
_EPOCH = date(1970, 1, 1).toordinal()


def node_id(iri: str) -> str:
    """The page's id of an entity: a hash of its IRI, never text from the data.

    >>> node_id("https://w3id.org/kgbuilder/resource/org/hamas")
    'nbaf95b48d6ecda86'
    """
    return "n" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def _day(text: str) -> int | None:
    try:
        return date.fromisoformat(text[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def families() -> list[str]:
    """The relation families of the ontology, sorted."""
    return sorted({r.family for r in load_relations() if r.family})


def page_data(view: View, positions: dict[str, tuple[float, float]], *, title: str) -> dict:
    """Everything the page draws, as JSON-ready data.

    Args:
        view: the entities and facts to draw.
        positions: IRI -> (x, y), from :func:`exports.layout.layout`.
        title: the graph's name, for the title bar.
    """
    classes = [c for c in _SPECIFICITY if any(n.cls == c for n in view.nodes)]
    class_index = {c: i for i, c in enumerate(classes)}
    fams = families() + ([OPEN_FAMILY] if any(not e.family for e in view.edges) else [])
    fam_index = {f: i for i, f in enumerate(fams)}
    docs = sorted(view.documents, key=lambda d: d.iri)
    doc_index = {d.iri: i for i, d in enumerate(docs)}
    doc_date = {d.iri: d.date for d in docs}
    degree: dict[str, int] = {}
    for edge in view.edges:
        degree[edge.source] = degree.get(edge.source, 0) + 1
        degree[edge.target] = degree.get(edge.target, 0) + 1
    days: list[int] = [d for d in map(_day, doc_date.values()) if d is not None]
    edges = []
    for edge in view.edges:
        when = {_day(ev.date or doc_date.get(ev.document, "")) for ev in edge.evidence} - {None}
        days.extend(when)
        edges.append({
            "id": "e" + hashlib.sha256("\t".join((edge.source, edge.predicate, edge.target,
                                                  edge.factuality)).encode()).hexdigest()[:16],
            "from": node_id(edge.source), "to": node_id(edge.target),
            "relation": edge.relation, "family": edge.family or OPEN_FAMILY,
            "f": fam_index[edge.family or OPEN_FAMILY], "factuality": edge.factuality,
            "days": sorted(when),
            "ev": [{"s": ev.sentence, "marks": [list(m) for m in ev.marks],
                    "doc": doc_index.get(ev.document, -1), "q": ev.factuality, "by": ev.reporter,
                    "date": ev.date, "when": ev.time_text} for ev in edge.evidence],
        })
    nodes = []
    for node in view.nodes:
        x, y = positions.get(node.iri, (0.0, 0.0))
        nodes.append({"id": node_id(node.iri), "iri": node.iri, "x": x, "y": y,
                      "label": node.label, "c": class_index[node.cls], "names": list(node.names),
                      "mentions": node.mentions, "reasons": list(node.reasons),
                      "size": round(min(8 + 4 * degree.get(node.iri, 0) ** 0.5, 30), 1)})
    return {
        "title": title,
        "omitted": view.omitted,
        "range": [min(days), max(days)] if days else None,
        "classes": [{"name": c, "colour": CLASS_COLOURS[c], "shape": CLASS_SHAPES[c]}
                    for c in classes],
        "families": [{"name": f, "colour": FAMILY_PALETTE[i] if f != OPEN_FAMILY else "#9a9a9a"}
                     for i, f in enumerate(fams)],
        "factualities": [{"name": f, "dashes": list(FACTUALITY_STYLES[f][0]),
                          "width": FACTUALITY_STYLES[f][1], "shown": FACTUALITY_STYLES[f][2],
                          "description": FACTUALITY_STYLES[f][3]} for f in FACTUALITIES],
        "relations": sorted({e.relation for e in view.edges}),
        "documents": [{"id": d.identifier, "title": d.title, "url": d.url, "date": d.date}
                      for d in docs],
        "nodes": nodes,
        "edges": edges,
    }
