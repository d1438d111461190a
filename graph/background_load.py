"""Oxigraph's bulk loader on a thread of its own, fed batch by batch.

pyoxigraph releases the GIL while ``Store.bulk_load`` parses and writes, so the store's
write path can turn the next documents into N-Quads while the loader writes the last
ones: the two costs of a write overlap instead of adding up.
"""
from __future__ import annotations

import queue
import threading
from types import TracebackType

import pyoxigraph as ox

_DONE = object()


class BackgroundLoader:
    """Load N-Quads batches into ``store`` on a thread, in the order given.

    Use as a context manager: leaving the block waits for the last batch; an error of
    the loader is raised there (or at the next :meth:`load`), and an error of the block
    stops the loader after the batch it is writing.

    >>> s = ox.Store()
    >>> with BackgroundLoader(s) as loader:
    ...     loader.load(b"<http://a> <http://b> <http://c> .\\n")
    >>> len(s)
    1
    """

    def __init__(self, store: ox.Store, *, depth: int = 2) -> None:
        self._store = store
        self._batches: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kgb-bulk-load", daemon=True)

    def __enter__(self) -> BackgroundLoader:
        self._thread.start()
        return self

    def load(self, nquads: bytes) -> None:
        """Queue one batch (waits while ``depth`` batches are queued already)."""
        self._raise_error()
        if nquads:
            self._batches.put(nquads)

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is not None:
            self._drop_queued()
        self._batches.put(_DONE)
        self._thread.join()
        if kind is None:
            self._raise_error()

    def _run(self) -> None:
        while (batch := self._batches.get()) is not _DONE:
            if self._error is None:
                try:
                    self._store.bulk_load(batch, ox.RdfFormat.N_QUADS)
                except BaseException as err:  # handed to the writing thread
                    self._error = err

    def _drop_queued(self) -> None:
        try:
            while True:
                self._batches.get_nowait()
        except queue.Empty:
            pass

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error
