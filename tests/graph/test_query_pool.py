"""The endpoint's worker pool: workers are reused, and killed when a query overruns."""
from __future__ import annotations

import os

import pytest

from graph.incremental import write_documents
from graph.query import QueryError
from graph.query_pool import WorkerPool
from graph.query_worker import QueryJob, QueryTimeout
from graph.results import ResultFormat
from tests.graph.factories import record


@pytest.fixture
def pool(tmp_path):
    write_documents(tmp_path / "kg", add=[(record(f"d{i}", agent=f"Group {i}"), str(i)) for i in range(10)])
    pool = WorkerPool(1)
    yield pool, tmp_path / "kg"
    pool.close()


def _pids(pool) -> set[int]:
    return {proc.pid for proc, _, _ in list(pool._idle.queue)}


def test_query_pool_reuses_a_worker_and_keeps_it_after_a_bad_query(pool):
    pool, kg = pool
    before = _pids(pool)
    out = bytearray()
    pool.run(QueryJob(kg, "ASK { ?s kgb:attacked ?o }", ResultFormat.JSON), out.extend, timeout=30)
    with pytest.raises(QueryError, match="invalid SPARQL"):
        pool.run(QueryJob(kg, "ASK { ?s }"), out.extend, timeout=30)
    assert b'"boolean": true' in bytes(out) and _pids(pool) == before


def test_query_pool_kills_and_replaces_a_worker_past_its_timeout(pool):
    pool, kg = pool
    [old] = _pids(pool)
    with pytest.raises(QueryTimeout):
        pool.run(QueryJob(kg, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
                 lambda c: None, timeout=1)
    [new] = _pids(pool)
    assert new != old
    assert not os.path.exists(f"/proc/{old}/status") or "zombie" in open(f"/proc/{old}/status").read()
    out = bytearray()
    pool.run(QueryJob(kg, "ASK {}", ResultFormat.JSON), out.extend, timeout=30)
    assert b"true" in out


def test_query_pool_sees_a_new_snapshot(pool):
    pool, kg = pool
    q = QueryJob(kg, "ASK { kgo:late kgb:attacked ?o }", ResultFormat.JSON)
    out = bytearray()
    pool.run(q, out.extend, timeout=30)
    write_documents(kg, add=[(record("late", agent="Late"), "x")])
    pool.run(q, out.extend, timeout=30)
    assert out.count(b"false") == 1 and out.count(b"true") == 1


def test_query_pool_renew_replaces_idle_workers_at_once_and_busy_ones_after_their_query(tmp_path):
    write_documents(tmp_path / "kg", add=[(record("d0", agent="Group 0"), "0")])
    pool = WorkerPool(2)
    try:
        first = _pids(pool)
        pool.renew()
        renewed = _pids(pool)
        assert len(renewed) == 2 and not renewed & first
        busy = pool._idle.get()            # a worker taken out, as a running query holds it
        pool.renew()
        assert not _pids(pool) & renewed  # the idle one is new
        pool._release(busy)               # the busy one, when its query ends
        assert busy[0].pid not in _pids(pool) and len(_pids(pool)) == 2
        out = bytearray()
        pool.run(QueryJob(tmp_path / "kg", "ASK { ?s kgb:attacked ?o }", ResultFormat.JSON),
                 out.extend, timeout=30)
        assert b"true" in out
    finally:
        pool.close()


def test_query_pool_workers_end_when_the_endpoint_is_killed(tmp_path):
    import multiprocessing as mp
    import signal
    import time

    from tests.graph.test_forked import _state
    pid_file = tmp_path / "workers"

    def endpoint():  # starts three workers, then is killed without closing them
        pool = WorkerPool(3)
        pid_file.write_text(" ".join(map(str, _pids(pool))))
        os.kill(os.getpid(), signal.SIGKILL)
    proc = mp.get_context("fork").Process(target=endpoint)
    proc.start()
    proc.join()
    workers = [int(p) for p in pid_file.read_text().split()]
    deadline = time.monotonic() + 30
    while any(_state(w) not in ("", "Z") for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(workers) == 3 and all(_state(w) in ("", "Z") for w in workers)
