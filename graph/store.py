"""A persistent graph on disk: one Oxigraph database written by one process, read through
snapshots by any number of others.

Layout of a store directory::

    PATH/db/               the writer's Oxigraph (RocksDB) database: the graph
    PATH/meta/             a second one: what the store knows of its documents
    PATH/snapshots/000007/ read-only checkpoints of db and meta, one per finished write
    PATH/snapshots/000007/readers  locked (shared) by the processes reading it (graph.leases)
    PATH/current           the name of the newest snapshot (replaced atomically)
    PATH/lock              held (flock) by the one process that writes
    PATH/writing           present while a write is under way
    PATH/db.compacted      table files of db after its last compaction (meta.compacted too)
    PATH/db.compacted-bytes  and their bytes (meta.compacted-bytes too)
    PATH/pushed.json       what push sent where (graph.push)

A write happens in ``db`` only; readers (``query``, ``serve``, ``export``, ``push``)
open the newest snapshot, which nothing ever writes to, so they work while a build
writes (Oxigraph forbids opening a database read-only while another process writes it).
A write ends by checkpointing ``db`` into a new snapshot and pointing ``current`` at it:
a build killed midway leaves the last snapshot as it was and ``writing`` behind, and
the next write starts by restoring ``db`` from that snapshot. So each write (a whole
batch of documents) is in the store wholly or not at all.
"""
from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.leases import GONE, collect, create_lease_file, lease
from graph.native_heap import give_back_freed_memory

#: The graph of the meta database that holds what the store knows about its documents
#: (content hash, record); a database apart, so queries over the union of all graphs,
#: exports and pushes never see it.
META = ox.NamedNode("urn:kgbuilder:store")
#: The two databases of a store.
PARTS = ("db", "meta")


@dataclass
class Databases:
    """The writer's two databases: the graph (``data``) and the documents' records (``meta``)."""

    data: ox.Store
    meta: ox.Store
    path: Path | None = None  # the store directory they were opened from

    def reopen(self) -> None:
        """Close both databases and open them again, to let go of what RocksDB caches.

        RocksDB keeps the blocks, indexes and filters it read (up to a few hundred MB per
        database) for as long as a database is open, so a long build reopens its databases
        after each checkpoint, and a write that rewrites many documents after each group of
        them: nothing is lost (both are flushed first), the next read goes to disk. Oxigraph closes a database when its last
        ``Store`` object goes, so no other reference to them may be kept.
        """
        if self.path is None:
            return
        self.data.flush()
        self.meta.flush()
        self.data = self.meta = None
        gc.collect()
        give_back_freed_memory()
        self.data, self.meta = (_open(self.path, part) for part in PARTS)
#: Snapshots written before leases (graph.leases) kept besides the current one, for
#: readers that opened them a moment ago.
_KEEP = 2
#: Such a superseded snapshot is removed only when it is older than this (seconds): longer
#: than any query may run against it.
_GRACE = 15 * 60


class StoreError(ValueError):
    """A store that does not exist, cannot be opened, or is busy; one line."""


def default_store() -> Path:
    """Where a store lives when no ``--store`` is given: ``$KGB_STORE``, else the ``store``
    of the configuration file (:mod:`graph.config`), else
    ``$XDG_DATA_HOME/kgbuilder/store`` (``~/.local/share/kgbuilder/store``).

    >>> os.environ["KGB_STORE"] = "/tmp/s"; str(default_store())
    '/tmp/s'
    >>> del os.environ["KGB_STORE"]

    Raises:
        graph.config.ConfigError: the configuration file is unusable.
    """
    from graph.config import load_config

    if os.environ.get("KGB_STORE"):
        return Path(os.environ["KGB_STORE"])
    configured = load_config().store
    if configured is not None:
        return configured
    data = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data) / "kgbuilder" / "store"


def is_store(path: Path | str) -> bool:
    """True when ``path`` is a store directory (one with a database or a snapshot)."""
    path = Path(path)
    return path.is_dir() and ((path / "db").is_dir() or (path / "current").is_file())


def current_snapshot(path: Path | str) -> Path | None:
    """The newest finished snapshot of a store, or None before the first write ends."""
    path = Path(path)
    try:
        name = (path / "current").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return path / "snapshots" / name


def open_reader(path: Path | str, part: str = "db") -> ox.Store:
    """The newest snapshot of the store at ``path``, opened read-only: its graph, or with
    ``part="meta"`` what it knows of its documents.

    Raises:
        StoreError: no store there, or nothing written to it yet.
    """
    path = Path(path)
    if not is_store(path):
        raise StoreError(f"{path}: no kgbuilder store here (create one with "
                         f"'kgbuilder build INPUTS --store {path}')")
    while True:   # held until this process ends or lets go (graph.leases)
        snap = current_snapshot(path)
        if snap is None:
            raise StoreError(f"{path}: the store has no finished build yet")
        if lease(snap):
            break     # else the writer removed it after this read `current`: read it again
    try:
        return ox.Store.read_only(str(snap / part))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the store ({_reason(err)})") from None


def document_graphs(store: ox.Store) -> list:
    """The named graphs of the documents, one per document (not the renaming links of
    :mod:`graph.renamed`)."""
    from graph.renamed import RENAMED_GRAPH
    return sorted((g for g in store.named_graphs() if g != RENAMED_GRAPH), key=lambda g: g.value)


def _reason(err: BaseException) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__


def _replace_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dirfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dirfd)
    finally:
        os.close(dirfd)


def _lock(path: Path):
    """Take the writer's lock of the store, or raise a one-line StoreError naming the holder."""
    fh = open(path / "lock", "a+", encoding="utf-8")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise StoreError(f"{path}: the store is being written by {holder}; one writer at a "
                         "time (queries may run meanwhile)") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"kgbuilder process {os.getpid()}")
    fh.flush()
    return fh


def _restore(path: Path) -> None:
    """Throw away a database a killed write left half done; start again from the snapshot."""
    snap = current_snapshot(path)
    for part in PARTS:
        shutil.rmtree(path / part, ignore_errors=True)
        if snap is not None:
            reader = ox.Store.read_only(str(snap / part))
            reader.backup(str(path / part))
            del reader


def _publish(path: Path, dbs: Databases, *, growth: float = 0) -> Path:
    """Checkpoint the databases into a new snapshot and make it the current one
    (``growth``: see :func:`compact_if_fragmented`)."""
    snaps = path / "snapshots"
    snaps.mkdir(exist_ok=True)
    old = current_snapshot(path)
    number = int(old.name) + 1 if old is not None else 1
    target = snaps / f"{number:06d}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    create_lease_file(target)
    for part, store in zip(PARTS, (dbs.data, dbs.meta)):
        store.flush()
        compacted = compact_if_fragmented(store, path / part, growth=growth)
        store.backup(str(target / part))
        if compacted:  # the checkpoint holds the live files only
            _replace_text(path / f"{part}.compacted", str(_table_files(target / part)))
            _replace_text(path / f"{part}.compacted-bytes", str(_table_bytes(target / part)))
    _replace_text(path / "current", target.name)
    _collect(snaps, keep=target.name)
    return target


#: A database is compacted before it is published when it holds more than this many
#: table files and twice as many as after its last compaction. Each bulk load leaves
#: files of its own (up to one per index), and a query's every lookup probes each file
#: that may hold its key: at 300,000 triples, 31 files after a write in batches answered
#: the example queries in twice the time of the 15 files left by a compaction (4.5 s).
#: Compacting costs about the time of loading the store, so small writes add their files
#: until they double the count before one pays for it.
_MIN_TABLE_FILES = 24


def _table_files(directory: Path) -> int:
    return sum(1 for _ in directory.glob("*.sst"))


def _table_bytes(directory: Path) -> int:
    """The bytes of a database's table files; a file RocksDB's background compaction
    deletes while they are counted counts as gone."""
    total = 0
    for p in directory.glob("*.sst"):
        with contextlib.suppress(FileNotFoundError):
            total += p.stat().st_size
    return total


def _compacted_bytes(directory: Path) -> int:
    try:
        return int(directory.with_name(directory.name + ".compacted-bytes").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0


def compact_if_fragmented(store: ox.Store, directory: Path, *, growth: float = 0) -> bool:
    """Compact the database in ``directory`` (Oxigraph's ``optimize``) when bulk loads left
    it fragmented; return whether it did. The count of files its last compaction left is
    read from ``DIRECTORY.compacted`` beside it (:func:`_publish` writes it).

    With ``growth`` (the checkpoints of a build in batches), only once its table files
    also hold ``growth`` times the bytes the last compaction left
    (``DIRECTORY.compacted-bytes``): one batch's bulk load adds a file per index, so the
    count alone would compact, at the cost of the whole database, after nearly every
    batch; at geometric sizes a long build's compactions cost in all about what its
    writes do. The last write of a build compacts by the count alone.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "db"
    >>> compact_if_fragmented(ox.Store(str(d)), d)
    False
    """
    try:
        baseline = int(directory.with_name(directory.name + ".compacted").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        baseline = 0
    if _table_files(directory) <= max(_MIN_TABLE_FILES, 2 * baseline):
        return False
    if growth and _table_bytes(directory) < growth * _compacted_bytes(directory):
        return False
    store.optimize()
    return True

def checkpoint(path: Path | str, dbs: Databases) -> Path:
    """Publish what the writer has written so far as the current snapshot, mid-way.

    A build that writes in batches checkpoints after each: when it is killed, the next
    write starts again from the last finished batch, not from before the build.
    """
    return _publish(Path(path), dbs, growth=CHECKPOINT_GROWTH)


#: a mid-build checkpoint compacts a database once it holds this many times the bytes
#: its last compaction left (:func:`compact_if_fragmented`)
CHECKPOINT_GROWTH = 2.0


def _collect(snaps: Path, *, keep: str) -> None:
    """Remove the superseded snapshots no reader holds (:mod:`graph.leases`); of those
    written before leases, all but the newest few once they are older than the grace."""
    unleased = []
    superseded = (p for p in snaps.iterdir() if p.is_dir() and p.name != keep)
    for snap in sorted(superseded, reverse=True):
        if snap.name.endswith(GONE):   # a removal a killed writer left half done
            shutil.rmtree(snap, ignore_errors=True)
        elif collect(snap) is None:
            unleased.append(snap)
    now = time.time()
    for snap in unleased[_KEEP - 1:]:
        if now - snap.stat().st_mtime > _GRACE:
            shutil.rmtree(snap, ignore_errors=True)


@contextmanager
def open_writer(path: Path | str, *, create: bool = True) -> Iterator[Databases]:
    """The store's databases, for the one process that writes; published when the block ends.

    When the block raises, nothing is published and the next write starts again from the
    current snapshot.

    Raises:
        StoreError: another process writes the store, or no store exists and not ``create``.
    """
    path = Path(path)
    if not is_store(path):
        if not create:
            raise StoreError(f"{path}: no kgbuilder store here")
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise StoreError(f"{path}: exists and is not a kgbuilder store; choose a new "
                             "directory for --store")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(f"{path}: cannot create the store ({_reason(err)})") from None
    lock = _lock(path)
    dbs = None
    try:
        if (path / "writing").exists():
            _restore(path)
        (path / "writing").touch()
        dbs = Databases(*(_open(path, part) for part in PARTS), path=path)
        yield dbs
        _publish(path, dbs)
        (path / "writing").unlink()
    finally:
        del dbs
        gc.collect()  # Oxigraph releases the database when the Store object goes
        lock.close()


def _open(path: Path, part: str) -> ox.Store:
    try:
        return ox.Store(str(path / part))
    except OSError as err:
        raise StoreError(f"{path}: cannot open the store ({_reason(err)})") from None


def disk_size(path: Path | str) -> int:
    """Bytes the store takes on disk (hard-linked snapshot files counted once)."""
    seen, total = set(), 0
    for root, _, files in os.walk(path):
        for name in files:
            st = os.lstat(os.path.join(root, name))
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


#: Oxigraph stores derived integer types as xsd:integer; NIF's offsets are
#: xsd:nonNegativeInteger (ontology/shapes.ttl checks it), so dumps give the type back.
_OFFSET = re.compile(rb'(nif-core#(?:begin|end)Index> "[0-9]+"\^\^<http://www.w3.org/2001/XMLSchema#)'
                     rb'integer>')


def dump_graph(store: ox.Store, graph, *, fmt=ox.RdfFormat.N_TRIPLES) -> bytes:
    """One graph of the store as N-Triples (or N-Quads), with the offsets' datatype restored.

    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode(
    ...     "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex"),
    ...     ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    >>> b"nonNegativeInteger" in dump_graph(s, ox.DefaultGraph())
    True
    """
    return _OFFSET.sub(rb"\1nonNegativeInteger>", store.dump(format=fmt, from_graph=graph))


def dump_graphs(store: ox.Store) -> bytes:
    """The default graph and the documents' graphs as N-Triples, one after another (a
    triple may repeat): what a one-shot build of the documents holds."""
    return b"".join(dump_graph(store, g) for g in [ox.DefaultGraph(), *document_graphs(store)])
