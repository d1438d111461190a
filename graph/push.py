"""Pushing a store to any SPARQL 1.1 server through the Graph Store HTTP Protocol.

Each document's graph is sent with ``PUT ?graph=IRI`` and the shared default graph with
``PUT ?default``: a PUT replaces the graph on the server, so pushing again after more
builds leaves the server equal to the store (graphs of documents removed from the store
stay on the server until removed there). Oxigraph server (``/store``), Apache Jena
Fuseki (``/DATASET/data``), GraphDB and Virtuoso all speak the protocol.
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.store import document_graphs, dump_graph, open_reader


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


def put_graph(target: PushTarget, graph: str | None, ntriples: bytes) -> int:
    """Replace one graph on the server; return the HTTP status.

    Raises:
        PushError: the server refused or could not be reached.
    """
    request = urllib.request.Request(
        graph_url(target.url, graph), data=ntriples, method="PUT",
        headers={"Content-Type": "application/n-triples", **target.headers()})
    name = f"<{graph}>" if graph else "the default graph"
    try:
        with urllib.request.urlopen(request, timeout=target.timeout) as response:
            return response.status
    except urllib.error.HTTPError as err:
        detail = " ".join(err.read(300).decode("utf-8", "replace").split())
        raise PushError(f"{target.url}: {name} refused: HTTP {err.code} {err.reason}"
                        + (f" ({detail})" if detail else "")) from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise PushError(f"{target.url}: cannot reach the server ({reason})") from None


def _graphs(store: ox.Store) -> Iterator[tuple[str | None, bytes]]:
    yield None, dump_graph(store, ox.DefaultGraph())
    for g in document_graphs(store):
        yield g.value, dump_graph(store, g)


def push_store(path: Path | str, target: PushTarget, *,
               progress: Callable[[int], None] = lambda n: None) -> int:
    """Send every graph of the store's newest snapshot; return how many were sent.

    Raises:
        graph.store.StoreError: no store at ``path``.
        PushError: at the first graph the server did not take.
    """
    store = open_reader(path)
    sent = 0
    for graph, data in _graphs(store):
        put_graph(target, graph, data)
        sent += 1
        progress(1)
    return sent
