"""``kgbuilder build --cluster``: the graph of a local build, read on a real Dask LocalCluster."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from tests.extractors.test_cluster import TEXTS

KGBUILDER = Path(sys.executable).parent / "kgbuilder"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": t, "date": "2024-05-02"}) + "\n"
                              for i, t in enumerate(TEXTS)), encoding="utf-8")
    return corpus


def _kgbuilder(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(KGBUILDER), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_build_on_a_cluster_writes_the_graph_of_a_local_build(tmp_path, dask_cluster):
    corpus = _corpus(tmp_path)
    remote = _kgbuilder("build", str(corpus), "-o", str(tmp_path / "remote"), "-q",
                        "--cluster", dask_cluster.scheduler_address)
    local = _kgbuilder("build", str(corpus), "-o", str(tmp_path / "local"), "-q", "-j", "1")
    assert (remote.returncode, remote.stderr) == (0, "")
    assert (local.returncode, local.stderr) == (0, "")
    g_remote = Graph().parse(tmp_path / "remote" / "graph.ttl")
    g_local = Graph().parse(tmp_path / "local" / "graph.ttl")
    if not isomorphic(g_remote, g_local):
        _, only_remote, only_local = graph_diff(to_isomorphic(g_remote), to_isomorphic(g_local))
        raise AssertionError(f"only on the cluster:\n{only_remote.serialize(format='nt')}\n"
                             f"only local:\n{only_local.serialize(format='nt')}")
    assert len(g_remote) > 100


def test_cli_build_cluster_from_the_environment_into_a_store(tmp_path, dask_cluster):
    done = _kgbuilder("build", str(_corpus(tmp_path)), "--store", str(tmp_path / "kg"),
                      env={"KGB_CLUSTER": dask_cluster.scheduler_address})
    assert done.returncode == 0, done.stderr
    assert f"{len(TEXTS)} added" in done.stderr


def test_cli_build_unreachable_cluster_is_one_line_naming_it_and_nothing_is_written(tmp_path):
    address = f"tcp://127.0.0.1:{_free_port()}"
    done = _kgbuilder("build", str(_corpus(tmp_path)), "-o", str(tmp_path / "out"),
                      "--cluster", address)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"kgbuilder: cannot reach the Dask scheduler at {address}: "
                                        "no answer within 10 s (start one with `dask scheduler`)"]
    assert not (tmp_path / "out").exists()


def test_cli_build_malformed_cluster_address_in_the_environment_is_one_line(tmp_path):
    done = _kgbuilder("build", str(_corpus(tmp_path)), "-o", str(tmp_path / "out"),
                      env={"KGB_CLUSTER": "scheduler-without-port"})
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("kgbuilder: 'scheduler-without-port' is not a Dask scheduler address")


def test_cli_build_model_missing_on_the_workers_is_one_line(tmp_path, dask_cluster):
    done = _kgbuilder("build", str(_corpus(tmp_path)), "-o", str(tmp_path / "out"),
                      "--cluster", dask_cluster.scheduler_address, "--model", "no_such_pipeline",
                      "-q")
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(f"kgbuilder: a worker of the Dask cluster at "
                           f"{dask_cluster.scheduler_address}: spaCy model 'no_such_pipeline' "
                           f"is not installed")
    assert "Traceback" not in done.stderr
