"""``kgbuilder query`` from the command line: stores and files, offline, bounded."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.incremental import write_documents
from tests.conftest import ROOT
from tests.graph.factories import record

CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "kg"
    write_documents(path, add=[(record(f"d{i}", agent=f"Group {i}", target=f"Town {i}"), str(i))
                               for i in range(20)])
    return path


def _query(*args):
    return CliRunner().invoke(main, ["query", *map(str, args)])


class Listener:
    """A TCP listener on a free loopback port that counts the connections it gets."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()


def test_cli_query_service_to_a_local_listener_is_refused_and_never_reached(kg):
    listener = Listener()
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    result = _query("--store", kg, q)
    assert result.exit_code == 2 and "--allow-remote" in result.output
    assert result.output.count("\n") == 1
    time.sleep(0.3)
    assert listener.hits == 0
    # the test can fail: allowed, Oxigraph does go out
    _query("--store", kg, q, "--allow-remote", "--timeout", "5")
    assert listener.hits >= 1


def test_cli_query_table_shortens_iris_and_keeps_the_select_order(kg):
    result = _query("--store", kg, "SELECT ?o ?s WHERE { ?s kgb:attacked ?o } ORDER BY ?o", "--limit", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["o", "s"] and lines[2].split() == ["kgl:town-0", "kgo:group-0"]
    assert lines[-1] == "(2 rows)"


def test_cli_query_syntax_error_names_the_line_and_column_of_the_file(kg, tmp_path):
    rq = tmp_path / "bad.rq"
    rq.write_text("# who attacked whom\nSELECT ?s\nWHERE {\n  ?s kgb:attacked\n}\n")
    result = _query("--store", kg, "-f", rq)
    assert result.exit_code == 2
    assert result.output == f"kgbuilder: {rq}: invalid SPARQL at line 5, column 1: " \
                            + result.output.split("column 1: ", 1)[1]
    assert result.output.count("\n") == 1


def test_cli_query_updates_only_with_update_and_only_on_a_store(kg, tmp_path):
    q = "INSERT DATA { kgo:new a kgb:ArmedGroup }"
    refused = _query("--store", kg, q)
    assert refused.exit_code == 2 and "--update" in refused.output
    assert _query("--store", kg, q, "--update").exit_code == 0
    assert _query("--store", kg, "ASK { kgo:new a kgb:ArmedGroup }").output == "true\n"
    ttl = tmp_path / "g.ttl"
    ttl.write_text("")
    assert "only read" in _query(ttl, q, "--update").output


def test_cli_query_timeout_exits_3_at_once(kg):
    start = time.monotonic()
    result = _query("--store", kg, CROSS, "--timeout", "1", "--format", "csv")
    assert result.exit_code == 3 and "longer than 1 s" in result.output
    assert time.monotonic() - start < 4


def test_cli_query_ctrl_c_stops_the_query_and_its_worker(kg):
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "query", "--store", str(kg), CROSS,
                             "--format", "tsv"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    first = proc.stdout.readline()       # rows stream out while the query runs
    assert first.startswith(b"?a\t")
    workers = open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()
    assert workers
    proc.send_signal(signal.SIGINT)
    threading.Thread(target=proc.stdout.read, daemon=True).start()   # keep the pipe drained
    assert proc.wait(timeout=5) == 130
    assert b"stopped (Ctrl-C)" in proc.stderr.read()
    for pid in workers:
        assert not os.path.exists(f"/proc/{pid}") or "Z" in open(f"/proc/{pid}/stat").read().split()[2]


def test_cli_query_on_a_store_imports_no_rdflib(kg):
    # rdflib costs a third of a second to import; a query over a store needs none of it
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "graph.cli", "query",
                           "--store", str(kg), "SELECT (COUNT(*) AS ?n) WHERE { ?s kgb:attacked ?o }",
                           "--format", "csv"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert proc.stdout.split() == ["n", "20"]
    imported = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()]
    assert "graph.query_worker" in imported
    assert not [name for name in imported if name.split(".")[0] == "rdflib"]


def _rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_cli_query_memory_stays_flat_for_a_huge_answer(kg):
    # 20 documents: the three-way cross product has about 10^11 rows
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "query", "--store", str(kg), CROSS,
                             "--format", "tsv", "--timeout", "8"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    samples: list[float] = []
    while proc.poll() is None:
        try:
            pids = [proc.pid] + [int(p) for p in open(
                f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()]
            rss = [_rss_mb(p) for p in pids]
        except (FileNotFoundError, ProcessLookupError):
            rss = []
        if rss and all(rss):   # a process that is exiting has no resident memory to read
            samples.append(sum(rss))
        time.sleep(0.25)
    assert proc.returncode == 3   # stopped at its timeout, after streaming for 8 s
    late = samples[len(samples) // 2:]
    assert max(samples) < 400 and max(late) - min(late) < 50, samples
