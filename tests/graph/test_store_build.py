"""build --store, batch by batch: the same graph as a one-shot build, whatever the batches,
and a build killed or interrupted at any moment finishes, when run again, with the graph
of an uninterrupted build. Real processes, real signals, a real Oxigraph store."""
from __future__ import annotations

import os
import platform
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.cli import main
from graph.exits import Exit
from graph.incremental import stored_documents
from graph.load import read_graph, read_store
from graph.store import current_snapshot, open_reader
from tests.conftest import ROOT
from tests.graph.test_cli_faults import _wait_for
from tests.graph.test_native_heap import run_child

KGBUILDER = Path(sys.executable).parent / "kgbuilder"
EXAMPLES = ROOT / "examples"


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _same(got: Graph, want: Graph) -> None:
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail("graphs differ:\n" + "\n".join(f"+ {t}" for t in sorted(only_got)[:10])
                    + "\n" + "\n".join(f"- {t}" for t in sorted(only_want)[:10]))


def _start(store: Path, *extra: str) -> subprocess.Popen:
    """A real ``kgbuilder build --store`` of the examples, one document a batch."""
    return subprocess.Popen([str(KGBUILDER), "build", str(EXAMPLES), "--store", str(store),
                             "--batch", "1", "-j", "1", *extra], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _stored(store: Path) -> set[str]:
    return set(stored_documents(open_reader(store, "meta"))) if current_snapshot(store) else set()


def test_store_build_in_batches_equals_the_file_build(tmp_path):
    assert _run("build", EXAMPLES, "--store", tmp_path / "kg", "--batch", "2", "-q").exit_code == 0
    assert _run("build", EXAMPLES, "-o", tmp_path / "out", "-q").exit_code == 0
    _same(read_store(tmp_path / "kg"), read_graph(tmp_path / "out" / "graph.ttl"))


def test_store_build_batch_default_is_the_write_size_the_store_build_is_tuned_for():
    from graph.store_build import BATCH_DOCS, build_into_store

    option = next(p for p in main.commands["build"].params if p.name == "batch_docs")
    assert option.default == BATCH_DOCS == build_into_store.__kwdefaults__["batch_docs"]


def test_store_build_killed_three_times_then_run_again_equals_an_uninterrupted_build(tmp_path):
    rnd = random.Random(os.getpid())
    store = tmp_path / "kg"
    for _ in range(3):
        proc = _start(store, "-q")
        # the build has started writing once the store marks a write under way
        started = _wait_for(proc, lambda: (store / "writing").exists())
        time.sleep(rnd.uniform(0, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert started or proc.returncode == 0, proc.stderr
    before = _stored(store)
    proc = _start(store)
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr
    # the documents stored before the last run were skipped, not read again
    assert f", {len(before)} unchanged;" in stderr, stderr
    assert _run("build", EXAMPLES, "--store", tmp_path / "whole", "-q").exit_code == 0
    _same(read_store(store), read_store(tmp_path / "whole"))


def test_store_build_ctrl_c_says_how_many_were_stored_and_exits_130(tmp_path):
    store = tmp_path / "kg"
    proc = _start(store, "-q", "-j", "2")
    # Ctrl-C once the first batch is in (a snapshot is published after each batch)
    landed = _wait_for(proc, lambda: current_snapshot(store) is not None)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert landed, "the build ended before Ctrl-C: " + stderr
    assert proc.returncode == Exit.INTERRUPTED, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    last = stderr.strip().splitlines()[-1]
    found = re.fullmatch(r"kgbuilder: interrupted: (\d+) documents? of this build stored in "
                         r"(.*); run the same command again to resume", last)
    assert found, stderr
    assert int(found.group(1)) == len(_stored(store)) >= 1


KGBT = Namespace("urn:test-shapes#")


def _stricter_shapes() -> Graph:
    """The ontology's shapes and one more that every document breaks: a property no
    build writes is required."""
    from ontology import load_ontology
    g = Graph()
    for t in load_ontology("shapes.ttl"):
        g.add(t)
    g.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kgb: <https://w3id.org/kgbuilder/ontology#> .
        <urn:test-shapes#Reviewed> a sh:NodeShape ; sh:targetClass kgb:Document ;
            sh:property [ sh:path <urn:test-shapes#reviewedBy> ; sh:minCount 1 ;
                          sh:message "a document needs a reviewer" ] .
        """, format="turtle")
    return g


def test_store_build_violations_are_one_line_each_and_exit_3_as_the_file_build(tmp_path,
                                                                             monkeypatch):
    import graph.validate
    monkeypatch.setattr(graph.validate, "_shapes", _stricter_shapes)
    files = [EXAMPLES / "01_taji_rockets.txt", EXAMPLES / "02_muhandis.txt"]
    to_store = _run("build", *files, "--store", tmp_path / "kg", "--batch", "1", "-q")
    to_file = _run("build", *files, "-o", tmp_path / "out", "-q")
    assert to_store.exit_code == to_file.exit_code == Exit.INVALID

    def lines(output: str, source: str) -> list[str]:
        return sorted(line.removeprefix(f"kgbuilder: {source}: ")
                      for line in output.splitlines() if "reviewer" in line)
    from_store = lines(to_store.output, str(tmp_path / "kg"))
    assert len(from_store) == 2, to_store.output
    assert from_store == lines(to_file.output, str(tmp_path / "out" / "graph.ttl"))


def test_store_build_ctrl_c_handed_to_another_thread_still_waits_for_the_batch():
    # regression: a per-thread signal mask let a SIGINT the kernel gave another thread of
    # the process (Oxigraph's, a pool's) interrupt a batch between its commit and its count
    import threading

    from graph.store_build import _ctrl_c_waits

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    finished = []
    try:
        with pytest.raises(KeyboardInterrupt):
            with _ctrl_c_waits():
                signal.pthread_kill(other.ident, signal.SIGINT)
                time.sleep(0.2)
                finished.append(True)
    finally:
        stop.set()
        other.join()
    assert finished == [True]


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's mallopt")
def test_store_build_leaves_large_buffers_on_their_own_pages(tmp_path):
    # regression: each batch's buffers of many MB (its N-Quads) came from the heaps once glibc's
    # adaptive threshold had risen, and the build process grew batch by batch
    got = run_child(
        "import sys\n"
        "from pathlib import Path\n"
        "from extractors.records import TextInput\n"
        "from graph.store_build import build_into_store\n"
        "from tests.graph.factories import record\n"
        "from tests.graph.heap_probe import large_buffer_mapped\n"
        "recs = [record(f'd{i}', agent=f'Group {i}') for i in range(3)]\n"
        "before = large_buffer_mapped()\n"
        "done = build_into_store([TextInput(r.doc_id, r.text) for r in recs], Path(sys.argv[1]),\n"
        "                        read=lambda todo: iter(recs), batch_docs=2)\n"
        "print(before, done.documents, large_buffer_mapped())\n", tmp_path / "kg")
    assert got == ["False", "3", "True"]
