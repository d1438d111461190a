"""The on-disk store: one writer, readers on snapshots, and a write killed midway."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.incremental import stored_documents, write_documents
from graph.store import StoreError, default_store, document_graphs, open_reader, open_writer
from tests.conftest import ROOT
from tests.graph.factories import record

#: A writer in another process: adds documents "new0".."newN" and then waits inside the
#: write (touching READY) until it is killed, or returns when told to.
WRITER = """
import sys, time
from pathlib import Path
from graph.incremental import write_into
from graph.store import open_writer
from tests.graph.factories import record
store_path, ready, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
with open_writer(store_path) as dbs:
    write_into(dbs, add=[(record(f"new{i}", agent=f"Group {i}"), str(i)) for i in range(n)])
    ready.touch()
    time.sleep(60)
"""


def _start_writer(tmp_path: Path, store: Path, n: int = 30) -> subprocess.Popen:
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store), str(ready), str(n)],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.time() + 60
    while not ready.exists():
        assert proc.poll() is None and time.time() < deadline, "the writer did not start"
        time.sleep(0.05)
    return proc


def _docs(store_path) -> set[str]:
    return set(stored_documents(open_reader(store_path, "meta")))


@pytest.fixture
def kg(tmp_path) -> Path:
    write_documents(tmp_path / "kg", add=[(record("old1"), "1"), (record("old2", agent="ISIS"), "2")])
    return tmp_path / "kg"


def test_store_a_second_writer_gets_a_one_line_error(tmp_path, kg):
    proc = _start_writer(tmp_path, kg)
    try:
        with pytest.raises(StoreError) as err:
            with open_writer(kg):
                pass
        assert f"kgbuilder process {proc.pid}" in str(err.value) and "\n" not in str(err.value)
    finally:
        proc.kill()
        proc.wait()


def test_store_readers_see_the_last_finished_write_while_a_build_writes(tmp_path, kg):
    proc = _start_writer(tmp_path, kg)
    try:
        assert _docs(kg) == {"old1", "old2"}
    finally:
        proc.kill()
        proc.wait()


def test_store_a_write_killed_midway_leaves_each_document_wholly_or_not_at_all(tmp_path, kg):
    before = set(open_reader(kg))
    proc = _start_writer(tmp_path, kg)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert set(open_reader(kg)) == before  # the store opens; the killed batch is not in it
    # the next write starts from the last snapshot, and completes what was asked
    summary = write_documents(kg, add=[(record(f"new{i}", agent=f"Group {i}"), str(i))
                                       for i in range(30)])
    assert summary.added == tuple(sorted(f"new{i}" for i in range(30)))
    store = open_reader(kg)
    assert len(document_graphs(store)) == 32 and _docs(kg) >= {"old1", "old2"}


def test_store_a_write_killed_while_loading_is_recovered(tmp_path, kg):
    # killed at an arbitrary moment of a large batch, not only after writing
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(kg), str(tmp_path / "r"), "400"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    time.sleep(2.5)
    proc.kill()
    proc.wait()
    assert _docs(kg) in ({"old1", "old2"}, {"old1", "old2"} | {f"new{i}" for i in range(400)})
    write_documents(kg, add=[(record("old3"), "3")])
    assert {"old1", "old2", "old3"} <= _docs(kg)


def test_store_reopened_databases_keep_the_writes_and_the_lock(tmp_path, kg):
    # a long build reopens its databases after each checkpoint to let RocksDB's caches go
    from graph.incremental import write_into
    from graph.store import checkpoint

    with open_writer(kg) as dbs:
        write_into(dbs, add=[(record("new1", agent="Hamas"), "n")])
        checkpoint(kg, dbs)
        dbs.reopen()
        assert len(document_graphs(dbs.data)) == 3
        write_into(dbs, add=[(record("new2", agent="ISIS"), "m")])
        with pytest.raises(StoreError):  # still the one writer
            with open_writer(kg):
                pass
    assert _docs(kg) == {"old1", "old2", "new1", "new2"}


def test_store_default_location_follows_kgb_store(monkeypatch, tmp_path):
    monkeypatch.setenv("KGB_STORE", str(tmp_path / "mine"))
    assert default_store() == tmp_path / "mine"
    monkeypatch.delenv("KGB_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store() == tmp_path / "data" / "kgbuilder" / "store"


def test_store_refuses_a_directory_that_is_not_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kgbuilder store"):
        with open_writer(tmp_path):
            pass
    with pytest.raises(StoreError, match="no kgbuilder store"):
        open_reader(tmp_path)


def test_store_compacts_a_database_bulk_loads_left_in_many_files_only(tmp_path, monkeypatch):
    from graph.store import compact_if_fragmented

    store = ox.Store(str(tmp_path / "db"))
    store.bulk_load(b"<urn:s> <urn:p> <urn:o> .\n", ox.RdfFormat.N_QUADS)
    assert not compact_if_fragmented(store, tmp_path / "db")
    for i in range(70):  # batches whose keys interleave, as documents' do
        store.bulk_load("".join(f"<urn:s{j}> <urn:p{j % 3}> <urn:o{i}> <urn:g{j}> .\n"
                                for j in range(20)).encode(), ox.RdfFormat.N_QUADS)
    before = len(list((tmp_path / "db").glob("*.sst")))
    monkeypatch.setattr("graph.store._MIN_TABLE_FILES", 0)  # RocksDB may merge files meanwhile
    # not while the files are fewer than twice what the last compaction left
    (tmp_path / "db.compacted").write_text(str(before // 2 + 1))
    assert not compact_if_fragmented(store, tmp_path / "db")
    (tmp_path / "db.compacted").write_text("0")
    assert compact_if_fragmented(store, tmp_path / "db")
    # (how many files a compaction leaves is RocksDB's affair, and its background
    # compactions race with the loads; bench/RESULTS.md measures what it brings)
    assert len(store) == 1401


def test_store_write_records_the_files_its_compaction_left(tmp_path, monkeypatch):
    monkeypatch.setattr("graph.store._MIN_TABLE_FILES", 1)  # a write of one load leaves few
    write_documents(tmp_path / "kg", add=[(record(f"d{i}", agent=f"Group {i}"), str(i))
                                          for i in range(24)])
    for i in range(3):  # small writes, each with files of its own
        write_documents(tmp_path / "kg", add=[(record(f"e{i}", agent=f"Band {i}"), str(i))])
    marks = {p.name for p in tmp_path.joinpath("kg").glob("*.compacted")}
    assert "db.compacted" in marks
    assert int((tmp_path / "kg" / "db.compacted").read_text()) > 0


def test_store_checkpoint_compacts_only_once_the_database_doubled(tmp_path, monkeypatch):
    # a build's checkpoints compact at geometric sizes, not after every batch's bulk load
    from graph.store import _table_bytes, compact_if_fragmented

    store = ox.Store(str(tmp_path / "db"))
    for i in range(40):
        store.bulk_load("".join(f"<urn:s{j}> <urn:p{j % 3}> <urn:o{i}> <urn:g{j}> .\n"
                                for j in range(20)).encode(), ox.RdfFormat.N_QUADS)
    monkeypatch.setattr("graph.store._MIN_TABLE_FILES", 0)
    (tmp_path / "db.compacted").write_text("0")

    def table_bytes() -> int:
        return _table_bytes(tmp_path / "db")
    (tmp_path / "db.compacted-bytes").write_text(str(table_bytes()))  # not grown since
    assert not compact_if_fragmented(store, tmp_path / "db", growth=2)
    assert compact_if_fragmented(store, tmp_path / "db")  # a build's last write: by count
    (tmp_path / "db.compacted-bytes").write_text(str(table_bytes() // 3))  # grown threefold
    assert compact_if_fragmented(store, tmp_path / "db", growth=2)
    assert len(store) == 800
