"""JSON-LD export: the published context, a round-trip, Oxigraph."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from rdflib import Graph

from exports.jsonld import published_context, to_jsonld, write_jsonld
from graph.build import bind_prefixes, build_graph
from tests.exports.parsers import assert_isomorphic, oxigraph_count
from tests.graph.factories import record as _record


def test_jsonld_round_trip_is_isomorphic(tmp_path):
    g = build_graph([_record()])
    path = write_jsonld(g, tmp_path / "graph.jsonld")
    assert_isomorphic(g, Graph().parse(path, format="json-ld"))


def test_jsonld_carries_the_published_context_inline():
    doc = json.loads(to_jsonld(build_graph([_record()])))
    assert doc["@context"] == published_context()


def test_jsonld_context_declares_every_prefix_a_build_binds():
    bound = {p: str(ns) for p, ns in bind_prefixes(Graph()).namespaces()
             if p in {"kgb", "kgr", "open", "skos", "prov", "dcterms", "schema", "nif", "itsrdf", "time"}}
    ctx = published_context()
    assert {p: ctx[p] for p in bound} == bound


def test_jsonld_is_read_by_oxigraph_with_the_same_triple_count():
    g = build_graph([_record()])
    assert oxigraph_count(to_jsonld(g), "json-ld") == len(g)


def test_jsonld_is_byte_identical_whatever_the_input_order():
    records = [_record("d1"), _record("d2", agent="Iran", verb="struck", target="Erbil"),
               _record("d3", verb="shelled", relation="shell", open_=True)]
    texts = {to_jsonld(build_graph(order)) for order in
             (records, records[::-1], records[1:] + records[:1])}
    assert len(texts) == 1


def test_jsonld_is_byte_identical_whatever_the_hash_seed():
    # rdflib's JSON-LD writer walks some nodes in the order of a Python set
    code = ("from exports.jsonld import to_jsonld; from graph.build import build_graph; "
            "from tests.graph.factories import record; import sys; "
            "sys.stdout.write(to_jsonld(build_graph([record('d1'), record('d2', agent='Iran', "
            "verb='struck', target='Erbil')])))")
    texts = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout
             for seed in ("1", "2", "3", "4")}
    assert len(texts) == 1 and json.loads(texts.pop())["@graph"]
