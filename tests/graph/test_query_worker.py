"""Queries on a worker process: answers stream out, and a runaway query is really killed."""
from __future__ import annotations

import os
import time

import pytest

from exports import write_turtle
from graph.build import build_graph
from graph.query import QueryError
from graph.query_worker import QueryJob, QueryTimeout, run_to_writer
from graph.results import ResultFormat
from tests.graph.factories import record

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    records = [record(f"d{i}", agent=f"Group {i}", target=f"Town {i}") for i in range(20)]
    return write_turtle(build_graph(records), tmp_path_factory.mktemp("g") / "graph.ttl")


def _children() -> set[int]:
    path = f"/proc/{os.getpid()}/task/{os.getpid()}/children"
    return {int(p) for p in open(path).read().split()}


def test_query_worker_streams_the_first_rows_and_kills_a_runaway_query(graph_file):
    before = _children()
    chunks: list[float] = []
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_to_writer(QueryJob(graph_file, CROSS, ResultFormat.TSV),
                      lambda c: chunks.append(time.monotonic() - start), timeout=3)
    assert chunks and chunks[0] < 2.5       # rows came while the query was still running
    assert time.monotonic() - start < 5     # stopped at its timeout
    assert _children() <= before            # and the worker is gone


def test_query_worker_caps_the_answer_size(graph_file):
    with pytest.raises(QueryTimeout, match="larger than"):
        run_to_writer(QueryJob(graph_file, CROSS, ResultFormat.CSV), lambda c: None,
                      timeout=30, max_bytes=100_000)


def test_query_worker_limit_caps_rows(graph_file):
    out = bytearray()
    run_to_writer(QueryJob(graph_file, CROSS, ResultFormat.CSV, limit=5), out.extend, timeout=30)
    assert out.decode().count("\r\n") == 6


def test_query_worker_reports_a_syntax_error_as_a_query_error(graph_file):
    with pytest.raises(QueryError, match="invalid SPARQL at line 1"):
        run_to_writer(QueryJob(graph_file, "SELECT ?x WHERE { ?x }"), lambda c: None, timeout=30)


def test_query_worker_missing_source_is_a_query_error(tmp_path):
    with pytest.raises(QueryError, match="no such file or store"):
        run_to_writer(QueryJob(tmp_path / "none.ttl", "ASK {}"), lambda c: None, timeout=30)
