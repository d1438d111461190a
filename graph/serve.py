"""A read-only SPARQL 1.1 Protocol endpoint over a store, on the standard library's HTTP server.

* ``/sparql``: queries by GET (``?query=``) and POST (form or ``application/sparql-query``);
  results in JSON, XML, CSV or TSV by the ``Accept`` header, CONSTRUCT and DESCRIBE as
  Turtle or N-Triples. Updates get 403; ``SERVICE``, ``LOAD`` and foreign ``FROM`` get
  400, before anything runs.
* ``/rdf-graphs?graph=IRI`` and ``/rdf-graphs?default``: the Graph Store Protocol's read
  side, one document's graph (or the shared default graph) as Turtle or N-Triples.
* ``/``: the HTML network view of the store.

With ``memory`` the workers answer from an in-memory copy of the newest snapshot that
this process loads in the background (:mod:`graph.memory_copy`), from disk until it is
loaded. Queries run on a pool of worker processes (:mod:`graph.query_pool`); a worker whose
query passes its timeout or the size cap is killed and replaced, so a runaway query
never holds the server, and the pool's size bounds how many run at once. A worker
reopens the store when a newer snapshot is published, so a build that finishes is seen
by the next query.
"""
from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from graph.query import QueryError, prefix_map
from graph.query_pool import WorkerPool
from graph.query_worker import QueryJob, QueryTimeout
from graph.results import MEDIA_TYPES, ResultFormat
from graph.sparql_guard import QueryRefused, check_sparql


@dataclass(frozen=True)
class ServeOptions:
    """Limits of the endpoint."""

    timeout: float = 30.0
    max_bytes: int = 64 * 1024 * 1024
    max_rows: int = 100_000
    workers: int = 4
    #: answer from an in-memory copy of the newest snapshot (:mod:`graph.memory_copy`)
    memory: bool = False


_BY_MEDIA = {media: fmt for fmt, media in MEDIA_TYPES.items()}
_BY_MEDIA.update({"application/json": ResultFormat.JSON, "application/xml": ResultFormat.XML,
                  "text/xml": ResultFormat.XML, "text/plain": ResultFormat.NTRIPLES})


def negotiate(accept: str | None, *, graph_result: bool) -> ResultFormat:
    """The answer format for an ``Accept`` header (JSON, or Turtle for graphs, by default).

    >>> negotiate("text/csv;q=0.9, application/sparql-results+xml", graph_result=False).value
    'xml'
    >>> negotiate("*/*", graph_result=True).value
    'turtle'
    """
    choices = []
    for n, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=")), 1.0)
        choices.append((-q, n, media.lower()))
    allowed = ({ResultFormat.TURTLE, ResultFormat.NTRIPLES} if graph_result
               else {ResultFormat.JSON, ResultFormat.XML, ResultFormat.CSV, ResultFormat.TSV})
    for _, _, media in sorted(choices):
        fmt = _BY_MEDIA.get(media)
        if fmt in allowed:
            return fmt
    return ResultFormat.TURTLE if graph_result else ResultFormat.JSON


def _is_graph_query(sparql: str) -> bool:
    from graph.sparql_guard import tokens
    words = {t.text.upper() for t in tokens(sparql) if t.kind == "name"}
    return bool(words & {"CONSTRUCT", "DESCRIBE"})


class Handler(BaseHTTPRequestHandler):
    """One request; ``server.store`` and ``server.options`` say where and how."""

    server_version = "kgbuilder"

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: str | bytes, media: str = "text/plain; charset=utf-8",
              extra: dict | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            if "update" in params:
                return self._send(403, "this endpoint is read-only: updates are refused\n")
            if "query" not in params:
                return self._send(400, "give a query: /sparql?query=...\n")
            return self._query(params["query"][0])
        if url.path == "/rdf-graphs":
            return self._graph(params)
        if url.path == "/":
            return self._send(200, self.server.view_html(), "text/html; charset=utf-8")
        return self._send(404, "not found: the endpoint is /sparql, graphs are /rdf-graphs\n")

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path == "/rdf-graphs":
            return self._send(403, "this endpoint is read-only\n")
        if url.path != "/sparql":
            return self._send(404, "not found\n")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._send(403, "this endpoint is read-only: updates are refused\n")
        if media == "application/sparql-query":
            return self._query(body)
        params = parse_qs(body, keep_blank_values=True)
        if "update" in params:
            return self._send(403, "this endpoint is read-only: updates are refused\n")
        if "query" not in params:
            return self._send(400, "give a query (form field 'query' or application/sparql-query)\n")
        return self._query(params["query"][0])

    def do_PUT(self) -> None:  # noqa: N802
        self._send(403, "this endpoint is read-only\n")

    do_DELETE = do_PATCH = do_PUT

    def _query(self, sparql: str) -> None:
        try:
            update = check_sparql(sparql, prefixes=prefix_map(), allow_remote=False,
                                  allow_update=True)
        except QueryRefused as err:
            return self._send(400, f"{err}\n")
        if update:
            return self._send(403, "this endpoint is read-only: updates are refused\n")
        fmt = negotiate(self.headers.get("Accept"), graph_result=_is_graph_query(sparql))
        self._run(QueryJob(self.server.store, sparql, fmt, self.server.options.max_rows), fmt)

    def _graph(self, params: dict) -> None:
        from graph.leases import release_older
        from graph.store import StoreError, open_reader

        if "default" in params:
            graph = "default"
        elif "graph" in params:
            graph = params["graph"][0]
            try:
                import pyoxigraph as ox
                there = open_reader(self.server.store).contains_named_graph(ox.NamedNode(graph))
                release_older(Path(self.server.store) / "snapshots")  # graph.leases
                if not there:
                    return self._send(404, f"no graph <{graph}> in the store\n")
            except ValueError as err:  # StoreError, or not an IRI
                status = 503 if isinstance(err, StoreError) else 400
                return self._send(status, f"{err}\n")
        else:
            return self._send(400, "give ?graph=IRI or ?default\n")
        fmt = negotiate(self.headers.get("Accept"), graph_result=True)
        self._run(QueryJob(self.server.store, "CONSTRUCT WHERE { ?s ?p ?o }", fmt, None,
                           only_graph=graph), fmt)

    def _run(self, job: QueryJob, fmt: ResultFormat) -> None:
        if self.server.memory is not None:
            self.server.memory.refresh()  # a new build: load its copy (answers from disk meanwhile)
        started = []

        def first() -> None:
            started.append(True)
            self.send_response(200)
            self.send_header("Content-Type", MEDIA_TYPES[fmt] + "; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()

        try:
            self.server.pool.run(job, self.wfile.write, timeout=self.server.options.timeout,
                                 max_bytes=self.server.options.max_bytes, first=first)
        except QueryError as err:
            if not started:
                self._send(400, f"{err}\n")
        except QueryTimeout as err:
            if not started:
                self._send(503, f"{err}\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away; its worker was killed
        self.close_connection = True


class Endpoint(ThreadingHTTPServer):
    """The HTTP server: a store, limits, and a bound on queries running at once."""

    daemon_threads = True

    def __init__(self, store: Path, *, host: str = "127.0.0.1", port: int = 7878,
                 options: ServeOptions = ServeOptions(), verbose: bool = False):
        super().__init__((host, port), Handler)
        self.store, self.options, self.verbose = Path(store), options, verbose
        prefix_map()  # computed before the workers are forked
        self.pool = WorkerPool(options.workers)
        self.memory = None
        if options.memory:
            from graph.memory_copy import MemoryCopy
            self.memory = MemoryCopy(self.store, loaded=self._copy_loaded,
                                     failed=self._copy_failed)
            self.memory.refresh()
        self._view: tuple[str, str] | None = None
        self._view_lock = threading.Lock()

    def _copy_loaded(self) -> None:
        """A new in-memory copy is in place: new workers inherit it."""
        self.pool.renew()
        print(f"kgbuilder serve: answering from memory ({self.store})", file=sys.stderr,
              flush=True)

    @staticmethod
    def _copy_failed(reason: str) -> None:
        print(f"kgbuilder serve: {reason}; answering from disk", file=sys.stderr, flush=True)

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    def view_html(self) -> str:
        """The HTML view of the newest snapshot, made once per snapshot."""
        from exports import graph_view, render_html
        from graph.load import read_store
        from graph.store import current_snapshot

        snap = str(current_snapshot(self.store))
        with self._view_lock:
            if self._view is None or self._view[0] != snap:
                self._view = (snap, render_html(graph_view(read_store(self.store)),
                                                title=f"kgbuilder: {self.store}"))
            return self._view[1]
