"""Pushing a store to any SPARQL 1.1 server through the Graph Store HTTP Protocol.

Each document's graph is sent with ``PUT ?graph=IRI``, the shared default graph with
``PUT ?default`` and the renaming links (:mod:`graph.renamed`) as their own graph: a PUT
replaces the graph on the server. The store remembers, per endpoint, which graphs it
pushed there (``PATH/pushed.json``), so the next push deletes (``DELETE ?graph=IRI``) the
graphs of documents removed since: pushing again leaves the server equal to the store.
Oxigraph server (``/store``), Apache Jena Fuseki (``/DATASET/data``), GraphDB and
Virtuoso all speak the protocol.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from exports.atomic import write_atomic
from graph.renamed import RENAMED_GRAPH
from graph.store import document_graphs, dump_graph, open_reader

#: What a store pushed where: endpoint URL -> the IRIs of the named graphs it sent there.
PUSHED = "pushed.json"


class PushError(RuntimeError):
    """A graph the server did not take; the message is one line."""


@dataclass(frozen=True)
class PushTarget:
    """A Graph Store Protocol endpoint and how to log in to it."""

    url: str
    auth: str | None = None      # "user:password" for HTTP Basic
    token: str | None = None     # a bearer token
    timeout: float = 120.0

    def headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.auth:
            return {"Authorization": "Basic " + base64.b64encode(self.auth.encode()).decode()}
        return {}


def graph_url(endpoint: str, graph: str | None) -> str:
    """The URL of one graph at a Graph Store endpoint (indirect identification).

    >>> graph_url("http://h/store", "https://w3id.org/kgbuilder/resource/doc/a")
    'http://h/store?graph=https%3A%2F%2Fw3id.org%2Fkgbuilder%2Fresource%2Fdoc%2Fa'
    >>> graph_url("http://h/ds/data?x=1", None)
    'http://h/ds/data?x=1&default'
    """
    joiner = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{joiner}default"
    return f"{endpoint}{joiner}graph={urllib.parse.quote(graph, safe='')}"


@dataclass(frozen=True)
class Pushed:
    """What one push did: graphs sent (replaced) and graphs deleted on the server."""

    sent: int
    deleted: int


def put_graph(target: PushTarget, graph: str | None, ntriples: bytes) -> int:
    """Replace one graph on the server; return the HTTP status.

    Raises:
        PushError: the server refused or could not be reached.
    """
    return _send(target, urllib.request.Request(
        graph_url(target.url, graph), data=ntriples, method="PUT",
        headers={"Content-Type": "application/n-triples", **target.headers()}), graph)


def delete_graph(target: PushTarget, graph: str) -> int:
    """Delete one named graph on the server (one it does not have is no error).

    Raises:
        PushError: the server refused or could not be reached.
    """
    return _send(target, urllib.request.Request(
        graph_url(target.url, graph), method="DELETE", headers=target.headers()), graph,
        missing_ok=True)


def _send(target: PushTarget, request: urllib.request.Request, graph: str | None, *,
          missing_ok: bool = False) -> int:
    name = f"<{graph}>" if graph else "the default graph"
    try:
        with urllib.request.urlopen(request, timeout=target.timeout) as response:
            return response.status
    except urllib.error.HTTPError as err:
        if err.code == 404 and missing_ok:
            return err.code
        detail = " ".join(err.read(300).decode("utf-8", "replace").split())
        raise PushError(f"{target.url}: {name} refused: HTTP {err.code} {err.reason}"
                        + (f" ({detail})" if detail else "")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise PushError(f"{target.url}: cannot reach the server ({reason})") from None


def named_graphs(store: ox.Store) -> list:
    """The named graphs a push sends: the documents' and the renaming links'."""
    links = [RENAMED_GRAPH] if store.contains_named_graph(RENAMED_GRAPH) else []
    return [*document_graphs(store), *links]


def _graphs(store: ox.Store, named: list) -> Iterator[tuple[str | None, bytes]]:
    yield None, dump_graph(store, ox.DefaultGraph())
    for g in named:
        yield g.value, dump_graph(store, g)


def pushed_before(path: Path | str, endpoint: str) -> set[str]:
    """The named graphs this store pushed to ``endpoint`` (none when it never did)."""
    try:
        record = json.loads((Path(path) / PUSHED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    graphs = record.get(endpoint, []) if isinstance(record, dict) else []
    return {g for g in graphs if isinstance(g, str)}


def _remember(path: Path, endpoint: str, graphs: set[str]) -> None:
    try:
        record = json.loads((path / PUSHED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    record = record if isinstance(record, dict) else {}
    record[endpoint] = sorted(graphs)
    try:
        write_atomic(path / PUSHED, json.dumps(record, indent=1, sort_keys=True) + "\n")
    except OSError as err:
        raise PushError(f"{path / PUSHED}: cannot write what was pushed ({err.strerror}); a "
                        "later push will not delete the graphs of documents removed") from None


def push_store(path: Path | str, target: PushTarget, *,
               progress: Callable[[int], None] = lambda n: None) -> Pushed:
    """Send every graph of the store's newest snapshot, then delete on the server the graphs
    an earlier push sent that the store no longer has.

    ``progress`` is called once per graph sent or deleted.

    Raises:
        graph.store.StoreError: no store at ``path``.
        PushError: at the first graph the server did not take (what was sent until then
            is remembered, so a later push still deletes what it must).
    """
    path = Path(path)
    store = open_reader(path)
    named = named_graphs(store)
    before = pushed_before(path, target.url)
    stale = sorted(before - {g.value for g in named})
    sent, gone = set(), set()
    try:
        for graph, data in _graphs(store, named):
            put_graph(target, graph, data)
            sent.add(graph)
            progress(1)
        for graph in stale:
            delete_graph(target, graph)
            gone.add(graph)
            progress(1)
    finally:
        on_server = ((before - gone) | sent) - {None}
        if on_server != before:
            _remember(path, target.url, on_server)
    return Pushed(sent=len(sent), deleted=len(gone))


def push_count(path: Path | str, endpoint: str) -> int:
    """How many graphs :func:`push_store` will send or delete (for a progress bar)."""
    named = {g.value for g in named_graphs(open_reader(path))}
    return 1 + len(named) + len(pushed_before(path, endpoint) - named)
