"""Running one query on a worker process that can be killed.

pyoxigraph has no query timeout and a running query cannot be cancelled from Python,
so each query runs on a forked process that opens the store (or loads the graph file)
itself and writes its answer to a file descriptor as the rows come. The caller kills the
process when the time is up or the user presses Ctrl-C: the stop is real, the memory
and the core are given back at once.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from graph.leases import release_older
from graph.memory_copy import copy_for
from graph.query import QueryError, load_store, prefix_map
from graph.results import ResultFormat, write_boolean, write_solutions, write_triples
from graph.sparql_guard import syntax_message
from graph.store import current_snapshot, is_store, open_reader

#: Seconds a query may run when no --timeout is given.
DEFAULT_TIMEOUT = 120.0


class QueryTimeout(RuntimeError):
    """The query ran out of time and its process was killed."""


@dataclass(frozen=True)
class QueryJob:
    """One query to run: where, what, and how to write the answer."""

    source: Path
    sparql: str
    fmt: ResultFormat = ResultFormat.TABLE
    limit: int | None = None
    #: None: the union of the graphs; "default": a store's default graph; else a graph's IRI
    only_graph: str | None = None


def open_source(path: Path, only_graph: str | None = None) -> tuple[ox.Store, dict]:
    """A store (its newest snapshot) or a graph file loaded in memory, and the dataset
    options a query over it takes: the default graph is the union of all graphs, or only
    the graph ``only_graph`` ("default" or an IRI) of a store."""
    return _with_dataset(_open(path), path, only_graph)


def _open(path: Path) -> ox.Store:
    if is_store(path):
        return open_reader(path)
    if path.is_dir():
        raise QueryError(f"{path}: not a kgbuilder store nor a graph file")
    if not path.exists():
        raise QueryError(f"{path}: no such file or store")
    return load_store(path)


def _with_dataset(store: ox.Store, path: Path, only_graph: str | None) -> tuple[ox.Store, dict]:
    if only_graph is not None and is_store(path):
        one = ox.DefaultGraph() if only_graph == "default" else ox.NamedNode(only_graph)
        return store, {"default_graph": [one]}
    return store, {"use_default_graph_as_union": True}


def _open_cached(job: QueryJob, cache: dict) -> tuple[ox.Store, dict]:
    """:func:`open_source`, reusing the store a worker opened while it is still the newest."""
    path = job.source
    try:
        version = str(current_snapshot(path)) if is_store(path) else path.stat().st_mtime_ns
    except OSError:
        version = None
    memory = copy_for(path, version)
    if memory is not None:  # serve --memory: the parent's copy of this very snapshot
        return _with_dataset(memory, path, job.only_graph)
    key = (str(path), version)
    if key not in cache:
        cache.clear()
        cache[key] = _open(path)
        if is_store(path):   # the snapshot it read before may go now (graph.leases)
            release_older(path / "snapshots")
    return _with_dataset(cache[key], path, job.only_graph)


def execute(job: QueryJob, out: io.BufferedIOBase, *, cache: dict | None = None) -> None:
    """Run the job and write its answer to ``out`` (binary), row by row. With ``cache``,
    the opened store is kept there for the next job of the same process.

    Raises:
        QueryError: a source that cannot be opened or a query that does not parse.
    """
    store, dataset = (_open_cached(job, cache) if cache is not None
                      else open_source(job.source, job.only_graph))
    prefixes = prefix_map()
    try:
        result = store.query(job.sparql, prefixes=prefixes, **dataset)
    except SyntaxError as err:
        raise QueryError(syntax_message(err)) from None
    text = io.TextIOWrapper(out, encoding="utf-8", write_through=False, newline="")
    if isinstance(result, ox.QueryBoolean):
        write_boolean(bool(result), text, job.fmt)
    elif isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = (tuple(sol[c] for c in columns) for sol in result)
        write_solutions(columns, islice(rows, job.limit), text, job.fmt, prefixes=prefixes)
    else:
        text.flush()
        fmt = job.fmt if job.fmt in (ResultFormat.TURTLE, ResultFormat.NTRIPLES) \
            else ResultFormat.TURTLE
        write_triples(islice(result, job.limit), out, fmt, prefixes=prefixes)
    text.flush()
    text.detach()


def _child(job: QueryJob, fd: int, errors) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    out = os.fdopen(fd, "wb", buffering=65536, closefd=False)
    try:
        execute(job, out)
        out.flush()
    except BrokenPipeError:
        pass  # the reader went away (a closed pager, a client that hung up)
    except (ValueError, OSError) as err:  # QueryError, StoreError, an invalid IRI
        errors.send(str(err))
    os._exit(0)  # skip the parent's atexit handlers and buffers inherited by fork


def start(job: QueryJob, fd: int):
    """Fork the worker that writes the answer of ``job`` to ``fd``; return it and the
    connection on which it reports an error."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(job, fd, send), daemon=True)
    proc.start()
    send.close()
    return proc, receive


def _error(errors) -> str | None:
    """The error the worker reported, if it reported one (a closed pipe is no error)."""
    try:
        return errors.recv() if errors.poll() else None
    except EOFError:
        return None


def _finish(proc, errors) -> None:
    proc.join()
    message = _error(errors)
    if message is not None:
        raise QueryError(message)


def _stop(proc) -> None:
    if proc.is_alive():
        proc.kill()
    proc.join()


class Delivery:
    """Hands an answer's chunks on: ``first`` before the first one, then ``write``; raises
    :class:`QueryTimeout` once more than ``max_bytes`` came."""

    def __init__(self, write: Callable[[bytes], None], *, max_bytes: int | None,
                 first: Callable[[], None] | None):
        self.write, self.max_bytes, self.first = write, max_bytes, first
        self.sent, self.started = 0, False

    def _start(self) -> None:
        if not self.started:
            self.started = True
            if self.first is not None:
                self.first()

    def send(self, chunk: bytes) -> None:
        self._start()
        self.sent += len(chunk)
        if self.max_bytes is not None and self.sent > self.max_bytes:
            raise QueryTimeout(f"the answer is larger than {self.max_bytes} bytes; add a LIMIT")
        self.write(chunk)

    def end(self) -> None:
        """The answer is complete (``first`` is called even for an empty one)."""
        self._start()


def run_to_writer(job: QueryJob, write: Callable[[bytes], None], *, timeout: float,
                  max_bytes: int | None = None, first: Callable[[], None] | None = None) -> None:
    """Run the job and hand its answer to ``write`` chunk by chunk (the endpoint's way).

    ``first`` is called once, before the first chunk, when the answer has started without
    an error (so a server can send its status line then).

    Raises:
        QueryTimeout: past ``timeout`` seconds or ``max_bytes`` bytes (the worker is killed).
        KeyboardInterrupt: Ctrl-C (the worker is killed first).
        QueryError: the source or the query is wrong.
    """
    read_fd, write_fd = os.pipe()
    proc, errors = start(job, write_fd)
    os.close(write_fd)
    deadline = time.monotonic() + timeout
    answer = Delivery(write, max_bytes=max_bytes, first=first)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            ready, _, _ = select.select([read_fd], [], [], min(left, 0.5))
            if not ready:
                continue
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            answer.send(chunk)
    finally:
        _stop(proc)
        os.close(read_fd)
    _finish(proc, errors)
    answer.end()
