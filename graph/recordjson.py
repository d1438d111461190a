"""Document records as JSON and back, so that a store can redo the cross-document merge.

A store keeps each document's record (:mod:`graph.store`): when a later build adds a
document, the entities of every document are merged again from these records, exactly
as a one-shot build merges them, without reading any text a second time.
"""
from __future__ import annotations

import hashlib
import json

from extractors.records import DocumentRecord, Entity, Fact, Factuality, Mention, Sentence, TextInput


def _mention(d: dict | None) -> Mention | None:
    return None if d is None else Mention(d["text"], d["start"], d["end"], d["entity"], d["via"])


def _mention_json(m: Mention | None) -> dict | None:
    return None if m is None else {"text": m.text, "start": m.start, "end": m.end,
                                   "entity": m.entity, "via": m.via}


def record_to_json(rec: DocumentRecord) -> str:
    """One line of JSON holding everything in ``rec`` but its ``meta``.

    >>> rec = DocumentRecord("d", "Hi.", (Entity("k", "Hi", "Person"),), ())
    >>> record_from_json(record_to_json(rec)) == rec
    True
    """
    facts = [{"subject": _mention_json(f.subject), "relation": f.relation,
              "object": _mention_json(f.object),
              "sentence": [f.sentence.text, f.sentence.start, f.sentence.end],
              "rule": f.rule, "open": f.open, "factuality": f.factuality.value,
              "reported_by": _mention_json(f.reported_by), "time": f.time,
              "time_text": f.time_text} for f in rec.facts]
    entities = [[e.key, e.name, e.cls, list(e.aliases), e.mentions, [list(m) for m in e.merges]]
                for e in rec.entities]
    return json.dumps({"doc_id": rec.doc_id, "text": rec.text, "title": rec.title,
                       "url": rec.url, "date": rec.date, "entities": entities, "facts": facts},
                      ensure_ascii=False, separators=(",", ":"))


def record_from_json(text: str) -> DocumentRecord:
    """The record :func:`record_to_json` wrote."""
    d = json.loads(text)
    entities = tuple(Entity(k, n, c, tuple(a), m, tuple(tuple(x) for x in merges))
                     for k, n, c, a, m, merges in d["entities"])
    facts = tuple(Fact(_mention(f["subject"]), f["relation"], _mention(f["object"]),
                       Sentence(*f["sentence"]), f["rule"], f["open"],
                       Factuality(f["factuality"]), _mention(f["reported_by"]), f["time"],
                       f["time_text"]) for f in d["facts"])
    return DocumentRecord(doc_id=d["doc_id"], text=d["text"], entities=entities, facts=facts,
                          title=d["title"], url=d["url"], date=d["date"])


def content_hash(item: TextInput) -> str:
    """What identifies a document's content: its text and metadata (not its id).

    >>> content_hash(TextInput("a", "x")) == content_hash(TextInput("b", "x"))
    True
    """
    parts = json.dumps([item.text, item.title, item.url, item.date], ensure_ascii=False)
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()
