"""Readers lease the snapshots they read; a superseded snapshot goes once no reader holds it
(graph/leases.py)."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.incremental import write_into
from graph.leases import LEASE_FILE, collect, lease, release
from graph.query_worker import QueryJob, execute
from graph.store import checkpoint, current_snapshot, open_reader, open_writer
from tests.conftest import ROOT
from tests.graph.factories import record

COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

#: a reader in another process: opens the newest snapshot, says which, and reads it again
#: each time it is told to (a line on stdin), until it is killed
READER = """
import sys
from graph.store import current_snapshot, document_graphs, open_reader
store = open_reader(sys.argv[1])
print(current_snapshot(sys.argv[1]).name, flush=True)
for _ in sys.stdin:
    print(len(document_graphs(store)), flush=True)
"""


def _writes(path: Path, names: list[str]) -> None:
    """One write and checkpoint per name, as a build's batches."""
    with open_writer(path) as dbs:
        for name in names:
            write_into(dbs, add=[(record(name, agent=f"Group {name}"), name)])
            checkpoint(path, dbs)


def _snapshots(path: Path) -> list[str]:
    return sorted(p.name for p in (path / "snapshots").iterdir())


def test_a_superseded_snapshot_no_reader_holds_goes_at_the_next_write(tmp_path):
    kg = tmp_path / "kg"
    _writes(kg, [f"d{i}" for i in range(5)])
    assert _snapshots(kg) == [current_snapshot(kg).name]   # before leases: the newest three


def test_a_snapshot_a_reader_holds_stays_readable_until_the_reader_ends(tmp_path):
    kg = tmp_path / "kg"
    _writes(kg, ["d0"])
    reader = subprocess.Popen([sys.executable, "-c", READER, str(kg)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        held = reader.stdout.readline().strip()
        _writes(kg, ["d1", "d2", "d3"])
        assert held in _snapshots(kg) and len(_snapshots(kg)) == 2
        reader.stdin.write("again\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "1"   # its snapshot, as it was
    finally:
        reader.send_signal(signal.SIGKILL)
        reader.wait()
    _writes(kg, ["d4"])
    assert _snapshots(kg) == [current_snapshot(kg).name]


def test_readers_opening_while_the_writer_publishes_always_get_a_whole_snapshot(tmp_path):
    kg = tmp_path / "kg"
    _writes(kg, ["d0"])
    loop = ("import sys, time\n"
            "from graph.leases import release_older\n"
            "from graph.store import document_graphs, open_reader\n"
            "seen, end = [], time.time() + float(sys.argv[2])\n"
            "while time.time() < end:\n"
            "    seen.append(len(document_graphs(open_reader(sys.argv[1]))))\n"
            "    release_older(sys.argv[1] + '/snapshots')\n"
            "print(len(seen), int(seen == sorted(seen)), min(seen), max(seen))\n")
    reader = subprocess.Popen([sys.executable, "-c", loop, str(kg), "6"], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    time.sleep(1.5)
    _writes(kg, [f"d{i}" for i in range(1, 13)])
    out, err = reader.communicate(timeout=120)
    assert reader.returncode == 0, err
    reads, in_order, fewest, most = map(int, out.split())
    assert reads > 12 and in_order == 1 and 1 <= fewest and most <= 13


def test_a_long_lived_query_worker_lets_go_of_the_snapshot_it_read_before(tmp_path):
    kg = tmp_path / "kg"
    _writes(kg, ["d0"])
    cache: dict = {}
    first = current_snapshot(kg).name
    execute(QueryJob(kg, COUNT), io.BytesIO(), cache=cache)
    _writes(kg, ["d1", "d2"])
    assert first in _snapshots(kg)          # the worker may still read it
    execute(QueryJob(kg, COUNT), io.BytesIO(), cache=cache)   # now it reads the newest
    _writes(kg, ["d3"])
    assert first not in _snapshots(kg)


def test_a_lease_on_a_snapshot_removed_meanwhile_is_refused(tmp_path):
    kg = tmp_path / "kg"
    _writes(kg, ["d0", "d1"])
    old = kg / "snapshots" / "000001"
    old.mkdir()                                  # a superseded snapshot no one holds
    (old / LEASE_FILE).touch()
    assert collect(old) is True and not old.exists()
    assert lease(old) is False
    now = current_snapshot(kg)
    assert lease(now) is True and collect(now) is False   # held: kept
    release(now)


def test_snapshots_written_before_leases_go_by_their_age(tmp_path):
    kg = tmp_path / "kg"
    _writes(kg, ["d0", "d1", "d2"])
    snaps = kg / "snapshots"
    for name in ("000001", "000002"):            # no lease file: written before leases
        (snaps / name).mkdir()
        os.utime(snaps / name, (time.time() - 3600,) * 2)
    (snaps / "000001.gone").mkdir()              # a removal a killed writer left
    read = current_snapshot(kg).name
    open_reader(kg)                              # this process reads the current one
    _writes(kg, ["d3"])
    # of the old kind the newest is kept, older ones once past the grace; `read` is read
    assert _snapshots(kg) == ["000002", read, current_snapshot(kg).name]
