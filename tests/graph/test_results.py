"""Answers a person reads, and the W3C formats that other tools parse back."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from graph.query import prefix_map
from graph.results import ResultFormat, shorten, solutions_text, write_boolean

KGB = "https://w3id.org/kgbuilder/ontology#"
ROWS = [(ox.NamedNode("https://w3id.org/kgbuilder/resource/org/hamas"), ox.NamedNode(KGB + "attacked"),
         ox.Literal("Sderot, a town\twith \"quotes\"\nand a line")),
        (ox.BlankNode("b0"), None, ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        (ox.NamedNode("http://else.example/x?y=1&z"), ox.NamedNode(KGB + "x"), ox.Literal("été", language="fr"))]


def test_results_table_shortens_iris_with_the_predeclared_prefixes():
    text = solutions_text(["s", "p", "o"], ROWS[:1], ResultFormat.TABLE, prefixes=prefix_map())
    assert text.splitlines()[2].split()[:2] == ["kgo:hamas", "kgb:attacked"]


def test_results_table_keeps_the_select_order_and_marks_cut_cells():
    long = ox.Literal("x" * 100)
    text = solutions_text(["zeta", "alpha"], [(long, ox.Literal("a"))], ResultFormat.TABLE,
                          prefixes={})
    head, rule, row, count = text.splitlines()
    assert head.split() == ["zeta", "alpha"] and count == "(1 row)"
    assert row.split()[0] == "x" * 59 + "…"


@pytest.mark.parametrize("fmt, oxfmt", [
    (ResultFormat.JSON, ox.QueryResultsFormat.JSON), (ResultFormat.XML, ox.QueryResultsFormat.XML),
    (ResultFormat.TSV, ox.QueryResultsFormat.TSV),
])
def test_results_w3c_formats_parse_back_to_the_same_terms(fmt, oxfmt):
    text = solutions_text(["s", "p", "o"], ROWS, fmt, prefixes={})
    parsed = ox.parse_query_results(text.encode("utf-8"), oxfmt)
    assert [v.value for v in parsed.variables] == ["s", "p", "o"]
    got = [tuple(sol[v] for v in ("s", "p", "o")) for sol in parsed]
    assert [tuple(None if isinstance(t, ox.BlankNode) else t for t in row) for row in got] == \
        [tuple(None if isinstance(t, ox.BlankNode) else t for t in row) for row in ROWS]


def test_results_csv_is_the_w3c_csv():
    text = solutions_text(["s", "o"], [(ROWS[0][0], ROWS[0][2])], ResultFormat.CSV, prefixes={})
    assert text == ('s,o\r\nhttps://w3id.org/kgbuilder/resource/org/hamas,'
                    '"Sderot, a town\twith ""quotes""\nand a line"\r\n')


def test_results_ask_in_json_and_xml_parses_back():
    for fmt, oxfmt in ((ResultFormat.JSON, ox.QueryResultsFormat.JSON),
                       (ResultFormat.XML, ox.QueryResultsFormat.XML)):
        buf = io.StringIO()
        write_boolean(True, buf, fmt)
        assert bool(ox.parse_query_results(buf.getvalue().encode(), oxfmt)) is True


def test_results_shorten_keeps_iris_no_prefix_fits():
    assert shorten("https://w3id.org/kgbuilder/resource/doc/a#char=0,5", prefix_map()).startswith("<")
