"""Query answers written as they come: a table a person reads, the W3C results formats
(CSV, TSV, JSON, XML), and Turtle or N-Triples for CONSTRUCT and DESCRIBE.

Every writer takes an iterator and writes row by row, so the first rows appear at once
and memory stays flat whatever the size of the answer.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from enum import Enum
from itertools import chain, islice
from typing import IO

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class ResultFormat(str, Enum):
    """How ``query`` writes an answer."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"
    TURTLE = "turtle"
    NTRIPLES = "ntriples"


#: Media types of the W3C formats, for the endpoint's content negotiation.
MEDIA_TYPES = {ResultFormat.JSON: "application/sparql-results+json",
               ResultFormat.XML: "application/sparql-results+xml",
               ResultFormat.CSV: "text/csv", ResultFormat.TSV: "text/tab-separated-values",
               ResultFormat.TURTLE: "text/turtle", ResultFormat.NTRIPLES: "application/n-triples"}


def shorten(iri: str, prefixes: dict[str, str]) -> str:
    """An IRI as a prefixed name when a prefix covers it (the longest one wins).

    >>> shorten("https://w3id.org/kgbuilder/ontology#attacked", {"kgb": "https://w3id.org/kgbuilder/ontology#"})
    'kgb:attacked'
    >>> shorten("http://else/x", {})
    '<http://else/x>'
    """
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None or not _local_ok(iri[len(best):]):
        return f"<{iri}>"
    prefix = next(p for p, ns in sorted(prefixes.items()) if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _local_ok(local: str) -> bool:
    return all(c.isalnum() or c in "_-." for c in local) and not local.endswith(".")


def cell(term, prefixes: dict[str, str]) -> str:
    """What the table shows of a term: prefixed names, and a literal's value alone."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _nt(term) -> str:
    """A term in N-Triples syntax (the TSV format's cells)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        text = (term.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t"))
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype.value != XSD_STRING:
            return f'"{text}"^^<{term.datatype.value}>'
        return f'"{text}"'
    return str(term)


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value not in (XSD_STRING, RDF_LANG):
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term) -> str:
    from xml.sax.saxutils import escape, quoteattr  # imported here: it brings urllib (30 ms)

    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def write_solutions(columns: list[str], rows: Iterable, out: IO[str], fmt: ResultFormat, *,
                    prefixes: dict[str, str], width: int = 60) -> int:
    """Write SELECT rows (sequences of terms, None when unbound) as they come; return how many."""
    if fmt is ResultFormat.TABLE:
        return _write_table(columns, iter(rows), out, prefixes=prefixes, width=width)
    n = 0
    if fmt in (ResultFormat.CSV, ResultFormat.TSV):
        if fmt is ResultFormat.CSV:
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(columns)
            for n, row in enumerate(rows, 1):
                writer.writerow(["" if t is None else t.value for t in row])
        else:
            out.write("\t".join(f"?{c}" for c in columns) + "\n")
            for n, row in enumerate(rows, 1):
                out.write("\t".join(_nt(t) for t in row) + "\n")
        return n
    if fmt is ResultFormat.JSON:
        out.write(json.dumps({"head": {"vars": columns}})[:-1] + ', "results": {"bindings": [')
        for n, row in enumerate(rows, 1):
            binding = {c: _json_term(t) for c, t in zip(columns, row) if t is not None}
            out.write(("," if n > 1 else "") + "\n" + json.dumps(binding, ensure_ascii=False))
        out.write("\n]}}\n")
        return n
    from xml.sax.saxutils import quoteattr

    out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
              "<head>" + "".join(f"<variable name={quoteattr(c)}/>" for c in columns)
              + "</head>\n<results>\n")
    for n, row in enumerate(rows, 1):
        out.write("<result>" + "".join(f"<binding name={quoteattr(c)}>{_xml_term(t)}</binding>"
                                       for c, t in zip(columns, row) if t is not None)
                  + "</result>\n")
    out.write("</results>\n</sparql>\n")
    return n


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _write_table(columns: list[str], rows: Iterator, out: IO[str], *, prefixes: dict[str, str],
                 width: int) -> int:
    """An aligned table; column widths come from the first rows, longer cells end in "…"."""
    head = list(islice(rows, 200))
    cells = [[_fit(cell(t, prefixes), width) for t in row] for row in head]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    widths = [min(w, width) for w in widths]

    def line(values) -> str:
        return "  ".join(_fit(v, w).ljust(w) for v, w in zip(values, widths)).rstrip() + "\n"

    out.write(line(columns))
    out.write("  ".join("-" * w for w in widths) + "\n")
    n = 0
    for n, row in enumerate(chain(cells, ([cell(t, prefixes) for t in r] for r in rows)), 1):
        out.write(line(row))
        if n % 50 == 0:
            out.flush()
    out.write(f"({n} row{'s' if n != 1 else ''})\n")
    return n


def write_boolean(value: bool, out: IO[str], fmt: ResultFormat) -> None:
    """The answer of an ASK query."""
    word = "true" if value else "false"
    if fmt is ResultFormat.JSON:
        out.write(json.dumps({"head": {}, "boolean": value}) + "\n")
    elif fmt is ResultFormat.XML:
        out.write('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                  f"<head/><boolean>{word}</boolean></sparql>\n")
    else:
        out.write(word + "\n")


def write_triples(triples: Iterable, out: IO[bytes], fmt: ResultFormat, *,
                  prefixes: dict[str, str]) -> None:
    """CONSTRUCT or DESCRIBE triples as Turtle (with the prefixes) or N-Triples."""
    rdf_format = ox.RdfFormat.TURTLE if fmt is ResultFormat.TURTLE else ox.RdfFormat.N_TRIPLES
    ox.serialize(triples, out, rdf_format,
                 prefixes=prefixes if rdf_format is ox.RdfFormat.TURTLE else None)


def solutions_text(columns: list[str], rows: Iterable, fmt: ResultFormat, *,
                   prefixes: dict[str, str]) -> str:
    """:func:`write_solutions` into a string."""
    buf = io.StringIO()
    write_solutions(columns, rows, buf, fmt, prefixes=prefixes)
    return buf.getvalue()
