"""A pool of query worker processes for the endpoint: forked once, killed when a query overruns.

Forking a process and opening the store for every request costs more than most
lookups; the endpoint keeps a few workers with the store open instead. Each takes one
query at a time, sends its answer back in chunks, and reopens the store when a newer
snapshot has been published. A worker whose query runs past its timeout or size cap,
or whose client hangs up, is killed and replaced, so the stop stays real.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import queue
import signal
import time
from collections.abc import Callable

from graph.query import QueryError
from graph.query_worker import Delivery, QueryJob, QueryTimeout, execute

_CHUNK = 65536


class _ConnWriter(io.BufferedIOBase):
    """A binary file over a pipe connection: ``D`` + bytes per chunk."""

    def __init__(self, conn):
        super().__init__()
        self.conn, self.buf = conn, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.buf.extend(data)
        if len(self.buf) >= _CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buf:
            self.conn.send_bytes(b"D" + bytes(self.buf))
            self.buf.clear()


#: how often an idle worker looks whether the endpoint that forked it still runs (s)
PARENT_CHECK = 1.0


def _worker(conn, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cache: dict = {}
    while True:
        try:
            # every worker holds the other workers' ends of their pipes (forked after them),
            # so a killed endpoint's pipes never close: a worker sees its parent gone instead
            while not conn.poll(PARENT_CHECK):
                if os.getppid() != parent:
                    return
            job = conn.recv()
        except (EOFError, OSError):
            return
        out = _ConnWriter(conn)
        try:
            execute(job, out, cache=cache)
            out.flush()
            conn.send_bytes(b"F")
        except (ValueError, OSError) as err:  # QueryError, StoreError, an invalid IRI
            conn.send_bytes(b"E" + str(err).encode("utf-8"))


class WorkerPool:
    """``size`` worker processes, each answering one query at a time."""

    def __init__(self, size: int):
        self._ctx = multiprocessing.get_context("fork")
        self._idle: queue.Queue = queue.Queue()
        #: workers forked before the last :meth:`renew` are replaced when they are next idle
        self._generation = 0
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self):
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, args=(child, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return proc, parent, self._generation

    def _replace(self, worker) -> None:
        proc, conn, _ = worker
        proc.kill()
        proc.join()
        conn.close()
        self._idle.put(self._spawn())

    def _release(self, worker) -> None:
        """An idle worker back in the pool, or a fresh one in its place if it is older
        than the last :meth:`renew`."""
        if worker[2] < self._generation:
            self._replace(worker)
        else:
            self._idle.put(worker)

    def renew(self) -> None:
        """Replace every worker with one forked now, so that it inherits what this process
        holds now (``serve --memory``'s copy): the idle ones at once, the busy ones when
        their query ends."""
        self._generation += 1
        for _ in range(self._idle.qsize()):
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            self._release(worker)

    def close(self) -> None:
        """Stop every idle worker."""
        while not self._idle.empty():
            proc, conn, _ = self._idle.get_nowait()
            proc.kill()
            proc.join()
            conn.close()

    def run(self, job: QueryJob, write: Callable[[bytes], None], *, timeout: float,
            max_bytes: int | None = None, first: Callable[[], None] | None = None) -> None:
        """Run ``job`` on an idle worker (waiting for one), handing its answer to ``write``.

        Raises:
            QueryTimeout: past ``timeout`` seconds (waiting included) or ``max_bytes``.
            QueryError: the query or the store is wrong.
        """
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"every worker stayed busy for {timeout:g} s") from None
        proc, conn, _ = worker
        answer = Delivery(write, max_bytes=max_bytes, first=first)
        try:
            conn.send(job)
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not conn.poll(left):
                    raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
                msg = conn.recv_bytes()
                kind, body = msg[:1], msg[1:]
                if kind == b"F":
                    break
                if kind == b"E":
                    raise QueryError(body.decode("utf-8"))
                answer.send(body)
        except QueryError:
            self._release(worker)  # the worker finished cleanly; it can serve again
            raise
        except BaseException:
            self._replace(worker)  # still running, or cut off: kill it
            raise
        self._release(worker)
        answer.end()
