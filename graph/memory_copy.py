"""An in-memory copy of a store's newest snapshot, for the endpoint (``serve --memory``).

Oxigraph's on-disk store pays RocksDB seeks for every pattern a query looks up (two over
the union of the graphs); its in-memory store answers the same queries several times
faster (``bench/store.py``), at a cost of about half a kilobyte of memory per quad, and
more in each worker: Oxigraph counts references inside the data it reads, so the pages a
worker reads become its own (up to about 2 KB per quad with four workers). With
``--memory`` the endpoint's own process loads the newest snapshot into an in-memory
``pyoxigraph.Store`` on a background thread (the snapshot dumped to a temporary N-Quads
file, then bulk-loaded) and forks its query workers after that, so they share the copy's
pages. A worker answers from the copy only while the copy is of the store's newest
snapshot: until the first copy is loaded, and after a build publishes a new snapshot
until its copy is loaded, it answers from disk, so no answer is ever older than the store.
"""
from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from graph.leases import lease, release
from graph.store import current_snapshot

#: (store path, snapshot path, the in-memory copy) of this process, inherited by forks
_COPY: tuple[str, str, ox.Store] | None = None


def copy_for(path: Path | str, snapshot: Path | str | None) -> ox.Store | None:
    """The in-memory copy of ``snapshot`` of the store at ``path``, if this process has it."""
    copy = _COPY
    if copy is None or snapshot is None or copy[0] != str(path) or copy[1] != str(snapshot):
        return None
    return copy[2]


def load_snapshot(snapshot: Path) -> ox.Store:
    """An in-memory store holding every quad of a snapshot's graph database.

    Raises:
        OSError: the snapshot was removed (a newer one superseded it), or it cannot be read.
    """
    if not lease(snapshot):   # held while it is read (graph.leases)
        raise FileNotFoundError(f"{snapshot.name} was superseded and removed")
    try:
        disk = ox.Store.read_only(str(snapshot / "db"))
        memory = ox.Store()
        with tempfile.TemporaryDirectory(prefix="kgb-memory-") as tmp:
            dump = Path(tmp) / "snapshot.nq"
            disk.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
            del disk
            memory.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    finally:
        release(snapshot)
    return memory


class MemoryCopy:
    """Keeps this process's copy of a store's newest snapshot, loading it in the background.

    ``loaded`` is called (on the loading thread) after each new copy is in place: the
    endpoint replaces its workers then, so that new ones inherit the copy. ``failed`` is
    called with a one-line reason when a snapshot cannot be copied; that snapshot is not
    tried again (queries go on from disk), the next build's is.
    """

    def __init__(self, path: Path | str, loaded: Callable[[], None] = lambda: None,
                 failed: Callable[[str], None] = lambda reason: None):
        self.path, self.loaded, self.failed = Path(path), loaded, failed
        self._failed: str | None = None
        self._lock = threading.Lock()
        self._loading: str | None = None
        self._thread: threading.Thread | None = None
        self.error: str | None = None

    def refresh(self) -> None:
        """Start loading the store's newest snapshot, unless it is loaded or loading."""
        snapshot = current_snapshot(self.path)
        if snapshot is None or copy_for(self.path, snapshot) is not None \
                or str(snapshot) == self._failed:
            return
        with self._lock:
            if self._loading is not None:
                return
            self._loading = str(snapshot)
            self._thread = threading.Thread(target=self._load, args=(snapshot,), daemon=True,
                                            name="kgb-memory-copy")
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until no copy is loading; whether the newest snapshot's copy is in place."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return copy_for(self.path, current_snapshot(self.path)) is not None

    def _load(self, snapshot: Path) -> None:
        global _COPY
        try:
            memory = load_snapshot(snapshot)
        except OSError as err:  # the snapshot was collected meanwhile, or the disk failed
            self.error = f"{self.path}: no copy in memory ({err})"
            self._failed = str(snapshot)
            memory = None
            self.failed(self.error)
        with self._lock:
            self._loading = None
        if memory is not None:
            _COPY = (str(self.path), str(snapshot), memory)
            self.error = None
            self.loaded()
            self.refresh()  # a build may have published again while this one loaded
