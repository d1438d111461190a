"""Deterministic, strictly valid IRIs for entities, documents and statements.

IRIs are minted from slugs and hashes, never from raw text: the same input gives the
same IRI on every run, and every IRI is one that strict parsers (Oxigraph, Raptor)
accept.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from ontology import KGR, OPEN

#: Coarse kind of each class: an entity's IRI keeps people, organisations and places
#: apart ("Jordan" the country and "Jordan" a person), but does not split on finer
#: classes that the model may assign differently from one document to the next.
KIND = {"Person": "person", "Organization": "org", "ArmedGroup": "org", "GovernmentBody": "org",
        "Country": "place", "City": "place", "Region": "place", "Facility": "place",
        "Place": "place"}


def slugify(text: str, *, max_len: int = 60) -> str:
    """A lower-case ASCII slug of ``text``, safe in any IRI.

    >>> slugify("Kata'ib Hezbollah (KH)")
    'kataib-hezbollah-kh'
    >>> slugify("قاسم سليماني")[:2]
    'x-'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:max_len].strip("-")
    if not slug:
        # no ASCII letters at all (Arabic, emoji): a stable hash stands in
        slug = "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return slug


def digest(*parts: object, length: int = 16) -> str:
    """A short stable hash of the parts.

    >>> digest("a", 1) == digest("a", 1)
    True
    """
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def entity_iri(name: str, cls: str):
    """The IRI of an entity, from its canonical name and class.

    >>> str(entity_iri("Mark Esper", "Person"))
    'https://w3id.org/kgbuilder/resource/person/mark-esper'
    """
    return KGR[f"{KIND.get(cls, 'org')}/{slugify(name)}"]


def document_iri(doc_id: str):
    """The IRI of a source document: its id where that is a safe name, else the id
    percent-encoded.

    Different ids always give different IRIs: a safe name never holds ``%`` and starts
    with a letter or digit, and percent-encoding (of UTF-8 bytes, ``%`` included) can be
    undone. A hash in the IRI would not be: an id could be crafted to meet another's.

    >>> str(document_iri("000_abc"))
    'https://w3id.org/kgbuilder/resource/doc/000_abc'
    >>> str(document_iri("news/2020 03.txt"))
    'https://w3id.org/kgbuilder/resource/doc/news%2F2020%2003%2Etxt'
    >>> document_iri("a/b") != document_iri("a-b") != document_iri("a%2Fb")
    True
    """
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}", doc_id):
        return KGR[f"doc/{doc_id}"]
    # quote() keeps "." and "~": encoded too, so that no id becomes a "." or ".." segment
    encoded = quote(doc_id, safe="-_").replace(".", "%2E").replace("~", "%7E")
    return KGR[f"doc/{encoded}"]


def statement_iri(doc_id: str, *parts: object):
    """The IRI of one statement, hashed from its document and content."""
    return KGR[f"statement/{digest(doc_id, *parts)}"]


def span_iri(doc, start: int, end: int):
    """The IRI of a stretch of a document, by character offsets (NIF's RFC 5147 scheme).

    >>> str(span_iri(document_iri("a1"), 0, 22))
    'https://w3id.org/kgbuilder/resource/doc/a1#char=0,22'
    """
    return URIRef(f"{doc}#char={int(start)},{int(end)}")


def open_relation_iri(verb: str):
    """The property of an open relation, named after its verb.

    >>> str(open_relation_iri("praise"))
    'https://w3id.org/kgbuilder/open#praise'
    """
    return OPEN[slugify(verb).replace("-", "_")]
