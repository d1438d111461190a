"""``export --store``: Turtle, N-Triples, TriG and N-Quads streamed from the store."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef

import graph.load
from exports import Format, write_format
from graph.build import build_graph
from graph.cli import main
from graph.incremental import write_documents
from graph.load import read_store
from graph.store import open_reader
from graph.store_export import STREAMED, write_from_store
from tests.conftest import ROOT
from tests.exports.parsers import assert_isomorphic, oxigraph_count, union
from tests.graph.test_incremental import RECORDS

#: rdflib's parser name of each streamed format
PARSER = {Format.TURTLE: "turtle", Format.NTRIPLES: "nt", Format.TRIG: "trig", Format.NQUADS: "nquads"}
OX_SYNTAX = {Format.TURTLE: "turtle", Format.NTRIPLES: "ntriples", Format.TRIG: "trig",
             Format.NQUADS: "nquads"}


def _parsed(path, fmt: Format) -> Graph:
    text = path.read_text(encoding="utf-8")
    assert oxigraph_count(text, OX_SYNTAX[fmt]) > 0
    if fmt in (Format.TRIG, Format.NQUADS):
        return union(text, PARSER[fmt])
    return Graph().parse(data=text, format=PARSER[fmt])


@pytest.fixture
def renamed_store(tmp_path):
    # "KH" alone is its own node; the next write renames it, so the store holds a
    # renaming link, which no export of the built graph has
    for batch in (["b"], ["a", "c"], ["d"]):
        write_documents(tmp_path / "kg", add=[(RECORDS[d], d) for d in batch])
    return tmp_path / "kg"


@pytest.mark.parametrize("fmt", list(STREAMED))
def test_store_export_equals_a_one_shot_build_without_the_renaming_links(renamed_store, tmp_path, fmt):
    path = write_from_store(open_reader(renamed_store), fmt, tmp_path / "out")
    assert path == tmp_path / "out" / fmt.filename
    assert_isomorphic(_parsed(path, fmt), build_graph(RECORDS.values()))


@pytest.mark.parametrize("fmt", [Format.TRIG, Format.NQUADS])
def test_store_export_quads_keep_one_named_graph_per_document(renamed_store, tmp_path, fmt):
    path = write_from_store(open_reader(renamed_store), fmt, tmp_path / "out")
    ds = Dataset()
    ds.parse(data=path.read_text(encoding="utf-8"), format=PARSER[fmt])
    named = sorted(str(c.identifier) for c in ds.graphs() if len(c) and c.identifier != ds.default_graph.identifier
                   and not str(c.identifier).startswith("urn:x-rdflib"))
    assert [n.rsplit("/", 1)[-1] for n in named] == ["a", "b", "c", "d"]


def test_store_export_cli_streams_without_reading_the_store_into_rdflib(renamed_store, tmp_path,
                                                                       monkeypatch):
    monkeypatch.setattr(graph.load, "read_store", lambda path: pytest.fail("read into rdflib"))
    result = CliRunner().invoke(main, ["export", "--store", str(renamed_store), "-f", "ttl,nt,trig,nq",
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "graph.nq", "graph.nt", "graph.trig", "graph.ttl"]


@pytest.mark.slow
def test_store_export_of_the_examples_is_isomorphic_to_the_rdflib_export(tmp_path):
    build = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "--store", str(tmp_path / "kg"),
                                      "--quiet"])
    assert build.exit_code in (0, 3), build.output
    g = read_store(tmp_path / "kg")
    for fmt in STREAMED:
        streamed = write_from_store(open_reader(tmp_path / "kg"), fmt, tmp_path / "new")
        before = write_format(g, fmt, tmp_path / "old")
        assert_isomorphic(_parsed(streamed, fmt), _parsed(before, fmt))
    offsets = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")
    types = {o.datatype for o in _parsed(tmp_path / "new" / "graph.ttl", Format.TURTLE).objects(None, offsets)}
    assert types == {URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")}
