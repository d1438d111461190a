"""The SPARQL endpoint, started for real and asked over HTTP by SPARQLWrapper and curl."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from rdflib import Graph
from SPARQLWrapper import JSON, POST, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from graph.incremental import write_documents
from graph.serve import negotiate
from tests.conftest import ROOT
from tests.graph.factories import record
from tests.graph.test_cli_query import CROSS, Listener

ATTACKS = "SELECT ?s ?o WHERE { ?s kgb:attacked ?o } ORDER BY ?s"


@pytest.fixture(scope="module", params=["disk", "memory"])
def endpoint(tmp_path_factory, request):
    """The endpoint over a store of 20 documents, answering from disk, or (--memory) from
    its copy in memory once it says the copy is loaded."""
    store = tmp_path_factory.mktemp("serve") / "kg"
    write_documents(store, add=[(record(f"d{i}", agent=f"Group {i}", target=f"Town {i}"), str(i))
                                for i in range(20)])
    memory = ["--memory"] if request.param == "memory" else []
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(store),
                             "--port", "0", "--timeout", "2", *memory], cwd=ROOT,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            text=True)
    lines = [proc.stderr.readline() for _ in range(2 if memory else 1)]  # in either order
    port = re.search(r":(\d+)/sparql", "".join(lines))
    assert port, lines
    assert bool(memory) == any("answering from memory" in line for line in lines)
    yield f"http://127.0.0.1:{port[1]}", store
    proc.terminate()
    proc.wait(timeout=10)


def _wrapper(url: str, query: str, fmt=JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def _curl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["curl", "-s", "-w", "\n%{http_code}", *args], capture_output=True,
                          text=True, timeout=30)


def test_serve_answers_sparqlwrapper_in_json_and_xml(endpoint):
    url, _ = endpoint
    rows = _wrapper(url, ATTACKS).queryAndConvert()["results"]["bindings"]
    assert len(rows) == 20 and rows[0]["s"]["value"].endswith("/org/group-0")
    xml = _wrapper(url, ATTACKS, XML).queryAndConvert()
    assert len(xml.getElementsByTagName("result")) == 20


def test_serve_answers_curl_by_post_in_csv(endpoint):
    url, _ = endpoint
    done = _curl("-H", "Accept: text/csv", "--data-urlencode", f"query={ATTACKS} LIMIT 2",
                 url + "/sparql")
    body, status = done.stdout.rsplit("\n", 1)
    assert status == "200"
    assert body.splitlines() == ["s,o", "https://w3id.org/kgbuilder/resource/org/group-0,"
                                 "https://w3id.org/kgbuilder/resource/place/town-0",
                                 "https://w3id.org/kgbuilder/resource/org/group-1,"
                                 "https://w3id.org/kgbuilder/resource/place/town-1"]


def test_serve_construct_is_turtle(endpoint):
    url, _ = endpoint
    done = _curl("-H", "Content-Type: application/sparql-query", "--data-binary",
                 "CONSTRUCT { ?s kgb:attacked ?o } WHERE { ?s kgb:attacked ?o }", url + "/sparql")
    body, status = done.stdout.rsplit("\n", 1)
    assert status == "200" and len(Graph().parse(data=body, format="turtle")) == 20


@pytest.mark.parametrize("args", [
    ["-H", "Content-Type: application/sparql-update", "--data-binary", "DROP ALL"],
    ["--data-urlencode", "update=DROP ALL"],
    ["--data-urlencode", "query=INSERT DATA { <urn:a> <urn:b> <urn:c> }"],
])
def test_serve_updates_get_403(endpoint, args):
    url, _ = endpoint
    assert _curl(*args, url + "/sparql").stdout.endswith("\n403")
    assert _wrapper(url, "ASK { ?s kgb:attacked ?o }").queryAndConvert()["boolean"] is True


def test_serve_sparqlwrapper_update_is_refused(endpoint):
    url, _ = endpoint
    sparql = SPARQLWrapper(url + "/sparql")
    sparql.setMethod(POST)
    sparql.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        sparql.query()


def test_serve_service_to_a_local_listener_is_never_reached(endpoint):
    url, _ = endpoint
    listener = Listener()
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    done = _curl("--data-urlencode", f"query={q}", url + "/sparql")
    assert done.stdout.endswith("\n400") and "allow-remote" in done.stdout
    time.sleep(0.3)
    assert listener.hits == 0


def test_serve_a_runaway_query_is_killed_and_the_next_is_answered_at_once(endpoint):
    url, _ = endpoint
    start = time.monotonic()
    done = _curl("--data-urlencode", "query=SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                 url + "/sparql")
    assert done.stdout.endswith("\n503") and time.monotonic() - start < 5
    start = time.monotonic()
    assert _wrapper(url, "ASK { ?s kgb:attacked ?o }").queryAndConvert()["boolean"] is True
    assert time.monotonic() - start < 2


def test_serve_streams_a_long_answer_then_cuts_it_at_the_timeout(endpoint):
    url, _ = endpoint
    done = _curl("--data-urlencode", f"query={CROSS}", "-H", "Accept: text/csv", url + "/sparql")
    body, status = done.stdout.rsplit("\n", 1)
    assert status == "200" and body.startswith("a,b,c,")   # rows came before the cut


def test_serve_concurrent_clients_all_get_their_answer(endpoint):
    url, _ = endpoint

    def ask(i: int) -> list[str]:
        q = f"SELECT ?o WHERE {{ kgo:group-{i} kgb:attacked ?o }}"
        rows = _wrapper(url, q).queryAndConvert()["results"]["bindings"]
        return [r["o"]["value"].rsplit("/", 1)[-1] for r in rows]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, [i % 20 for i in range(40)]))
    assert answers == [[f"town-{i % 20}"] for i in range(40)]


def test_serve_graph_store_read_side_gives_one_document_graph(endpoint):
    url, _ = endpoint
    doc = "https://w3id.org/kgbuilder/resource/doc/d3"
    done = _curl("-H", "Accept: text/turtle", f"{url}/rdf-graphs?graph={urllib.parse.quote(doc)}")
    body, status = done.stdout.rsplit("\n", 1)
    g = Graph().parse(data=body, format="turtle")
    assert status == "200" and {str(o) for o in g.objects()} >= {doc}
    assert _curl(f"{url}/rdf-graphs?graph={urllib.parse.quote(doc + 'x')}").stdout.endswith("\n404")


def test_serve_sees_a_build_that_finishes_while_it_runs(endpoint):
    url, store = endpoint
    write_documents(store, add=[(record("late", agent="Late Group", target="Late Town"), "x")])
    q = "ASK { kgo:late-group kgb:attacked kgl:late-town }"
    assert _wrapper(url, q).queryAndConvert()["boolean"] is True


def test_serve_html_view_at_the_root(endpoint):
    url, _ = endpoint
    with urllib.request.urlopen(url + "/") as response:
        assert response.status == 200 and b"<html" in response.read()[:2000].lower()


def test_serve_negotiates_the_results_format():
    assert negotiate("text/tab-separated-values", graph_result=False).value == "tsv"
    assert negotiate(None, graph_result=False).value == "json"
    assert negotiate("application/n-triples", graph_result=True).value == "ntriples"
    assert json.dumps(negotiate("text/turtle", graph_result=False).value) == '"json"'
