"""Independent strict parsers for the export tests: Oxigraph and Raptor's rapper."""
from __future__ import annotations

import shutil
import subprocess

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

OXIGRAPH = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
            "nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
            "json-ld": pyoxigraph.RdfFormat.JSON_LD}


def assert_isomorphic(g1: Graph, g2: Graph) -> None:
    """Fail with the triples that differ when two graphs are not isomorphic."""
    if not isomorphic(g1, g2):
        _, a, b = graph_diff(to_isomorphic(g1), to_isomorphic(g2))
        raise AssertionError(f"only in first: {sorted(a)[:20]}\nonly in second: {sorted(b)[:20]}")


def union(text: str, fmt: str) -> Graph:
    """Parse a TriG or N-Quads text with rdflib and return the union of its graphs."""
    ds = Dataset()
    ds.parse(data=text, format=fmt)
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def oxigraph_count(text: str, syntax: str) -> int:
    """Statements Oxigraph's strict parser reads from ``text`` (raises on invalid RDF)."""
    return len(list(pyoxigraph.parse(text, format=OXIGRAPH[syntax])))


def rapper_count(text: str, syntax: str) -> int:
    """Statements Raptor's ``rapper`` reads from ``text``; skip when it is not installed."""
    if shutil.which("rapper") is None:
        pytest.skip("rapper (Debian raptor2-utils) not installed; `make sysdeps` installs it")
    out = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "ntriples", "-", "urn:kgb:base"],
                         input=text.encode("utf-8"), capture_output=True)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")
    return len([l for l in out.stdout.decode("utf-8").splitlines() if l.strip()])
