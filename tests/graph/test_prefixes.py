"""The one table of prefixes: what graphs are written with and what queries predeclare."""
from __future__ import annotations

from rdflib import XSD, Graph
from rdflib.namespace import DCTERMS, PROV, SKOS, TIME

from graph.build import bind_prefixes
from graph.prefixes import CORE, QUERY, WRITTEN
from graph.query import prefix_map
from ontology import ITSRDF, KGB, KGR, NIF, OPEN, SCHEMA


def test_prefixes_written_are_the_ontology_namespaces():
    expected = {"kgb": KGB, "kgr": KGR, "open": OPEN, "skos": SKOS, "prov": PROV,
                "dcterms": DCTERMS, "schema": SCHEMA, "nif": NIF, "itsrdf": ITSRDF,
                "time": TIME, "xsd": XSD, "kgp": KGR["person/"], "kgo": KGR["org/"],
                "kgl": KGR["place/"], "kgd": KGR["doc/"], "kgs": KGR["statement/"]}
    assert WRITTEN == {prefix: str(ns) for prefix, ns in expected.items()}


def test_prefixes_core_are_those_rdflib_binds_in_any_graph():
    bound = {p: str(ns) for p, ns in Graph(bind_namespaces="core").namespaces() if p}
    assert CORE == bound


def test_prefixes_a_query_predeclares_are_those_of_a_written_graph():
    bound = {p: str(ns) for p, ns in bind_prefixes(Graph(bind_namespaces="core")).namespaces() if p}
    assert prefix_map() == QUERY == bound
    assert list(QUERY) == sorted(QUERY)


def test_prefixes_map_is_a_copy_the_caller_may_change():
    mine = prefix_map()
    mine["kgb"] = "http://example.org/"
    assert prefix_map()["kgb"] == WRITTEN["kgb"]
