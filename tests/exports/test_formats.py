"""Every format, from one enum: parsing the option, writing, and any text parses back."""
from __future__ import annotations

import io

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from exports.formats import Format, UnknownFormatError, parse_formats, write_format
from exports.gexf import to_gexf
from exports.graphml import to_graphml
from exports.jsonld import to_jsonld
from exports.ntriples import to_ntriples
from exports.quads import to_nquads, to_trig
from exports.turtle import to_turtle
from extractors.records import Factuality
from graph.build import build_graph
from tests.exports.parsers import assert_isomorphic, oxigraph_count, rapper_count, union
from tests.graph.factories import record


@pytest.mark.parametrize("values,expected", [
    (["ttl"], [Format.TURTLE]),
    (["trig,nq", "jsonld"], [Format.TRIG, Format.NQUADS, Format.JSONLD]),
    (["Turtle", "n-triples", "json-ld"], [Format.TURTLE, Format.NTRIPLES, Format.JSONLD]),
    (["graphml,graphml", " html "], [Format.GRAPHML, Format.HTML]),
])
def test_formats_option_values_parse_in_order_without_repeats(values, expected):
    assert parse_formats(values) == expected


def test_formats_unknown_name_lists_the_valid_choices():
    with pytest.raises(UnknownFormatError) as err:
        parse_formats(["ttl,rdfxml"])
    assert str(err.value) == ("unknown format 'rdfxml'; choose from ttl, nt, trig, nq, jsonld, "
                              "graphml, gexf, html")


def test_formats_each_is_written_to_graph_dot_suffix(tmp_path):
    g = build_graph([record()])
    for fmt in Format:
        path = write_format(g, fmt, tmp_path)
        assert path == tmp_path / f"graph.{fmt.value}" and path.stat().st_size > 0


@pytest.mark.parametrize("fmt", list(Format))
def test_formats_writer_creates_its_directory(tmp_path, fmt):
    g = build_graph([record()])
    path = write_format(g, fmt, tmp_path / "new" / "out")
    assert path == tmp_path / "new" / "out" / fmt.filename and path.stat().st_size > 0


# Text that breaks naive serialisers: quotes, backslashes, angle brackets, line breaks,
# emoji (astral plane), right-to-left scripts and bidi controls, and plain letters.
TRICKY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\"'\\<>{}@#%&;.,:_-\n\r\t ") + ["\u200f", "\u202e", "\u0301"]),
        st.sampled_from(list("😀🇮🇶💥") + list("مرحباشلום") + list("AbzÉß")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1, max_size=20,
).filter(lambda s: s.strip())


def _tricky_graph(agent: str, target: str, prefix: str, reporter: str | None) -> Graph:
    return build_graph([
        record("d1", agent=agent, target=target, prefix=prefix, reporter=reporter,
               time="2020-03-26", time_text=prefix or "on Friday", title=prefix or None,
               date="2020-03-27"),
        record("d2", agent=target, verb=prefix or "x", target=agent, relation="praise",
               open_=True, factuality=Factuality.NEGATED),
    ])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agent=TRICKY, target=TRICKY, prefix=st.one_of(st.just(""), TRICKY),
       reporter=st.one_of(st.none(), TRICKY))
def test_formats_any_names_and_sentences_parse_back_in_every_format(agent, target, prefix, reporter):
    g = _tricky_graph(agent, target, prefix, reporter)
    n = len(g)
    ttl, nt, nq, trig, jsonld = to_turtle(g), to_ntriples(g), to_nquads(g), to_trig(g), to_jsonld(g)
    assert_isomorphic(g, Graph().parse(data=ttl, format="turtle"))
    assert_isomorphic(g, Graph().parse(data=nt, format="nt"))
    assert_isomorphic(g, union(nq, "nquads"))
    assert_isomorphic(g, union(trig, "trig"))
    assert_isomorphic(g, Graph().parse(data=jsonld, format="json-ld"))
    for text, syntax in ((ttl, "turtle"), (nt, "ntriples"), (nq, "nquads"), (trig, "trig"),
                         (jsonld, "json-ld")):
        assert oxigraph_count(text, syntax) == n, syntax
    for text, syntax in ((ttl, "turtle"), (nt, "ntriples"), (nq, "nquads")):
        assert rapper_count(text, syntax) == n, syntax
    net = nx.read_graphml(io.BytesIO(to_graphml(g).encode("utf-8")), force_multigraph=True)
    assert net.number_of_nodes() >= 2
    gexf = nx.read_gexf(io.BytesIO(to_gexf(g).encode("utf-8")))
    assert gexf.number_of_nodes() == net.number_of_nodes()


@pytest.mark.parametrize("fmt", list(Format))
def test_formats_text_of_a_format_is_the_file_written(tmp_path, fmt):
    from exports.formats import format_text
    g = build_graph([record(), record("d2", factuality=Factuality.NEGATED)])
    assert write_format(g, fmt, tmp_path).read_text(encoding="utf-8") == format_text(g, fmt)
