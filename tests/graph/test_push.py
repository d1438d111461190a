"""Pushing a store to a real Oxigraph server (``oxigraph serve`` from PyPI) and reading it back."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.incremental import write_documents
from graph.push import PushError, Pushed, PushTarget, push_store
from graph.store import open_reader
from tests.graph.factories import record

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server is not installed: pip install -e '.[test]'")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "server"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            assert proc.poll() is None and time.time() < deadline, "oxigraph serve did not start"
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _server_quads(url: str) -> set[str]:
    request = urllib.request.Request(url + "/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request) as response:
        return {str(q) for q in ox.parse(response.read(), ox.RdfFormat.N_QUADS)}


def _local_quads(store_path) -> set[str]:
    return {str(q) for q in open_reader(store_path)}


def test_push_the_server_holds_exactly_the_store_one_graph_per_document(tmp_path, server):
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record(f"d{i}", agent=f"Group {i}", reporter="Mark Esper"), str(i))
                             for i in range(5)])
    assert push_store(kg, PushTarget(server + "/store")) == Pushed(sent=6, deleted=0)
    assert _server_quads(server) == _local_quads(kg)
    request = urllib.request.Request(
        server + "/query?query=" + urllib.parse.quote("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g {} }"),
        headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request) as response:
        assert response.read().decode().split() == ["n", "5"]


def test_push_again_replaces_and_changes_nothing_more(tmp_path, server):
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("a", agent="Hamas", target="Sderot"), "1")])
    result = CliRunner().invoke(main, ["push", "--store", str(kg), "--endpoint", server + "/store", "-q"])
    assert result.exit_code == 0, result.output
    write_documents(kg, add=[(record("a", agent="Hamas", target="Ashdod"), "2")])
    for _ in range(2):
        assert CliRunner().invoke(main, ["push", "--store", str(kg), "--endpoint",
                                         server + "/store", "-q"]).exit_code == 0
    quads = _server_quads(server)
    assert quads == _local_quads(kg) and not any("sderot" in q for q in quads)


def _push(kg, server):
    result = CliRunner().invoke(main, ["push", "--store", str(kg), "--endpoint", server + "/store"])
    assert result.exit_code == 0, result.output
    return result.output


def test_push_after_remove_deletes_the_document_graph_and_replaces_the_default_graph(tmp_path, server):
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("a", agent="Hamas", target="Sderot"), "1"),
                             (record("b", agent="Hezbollah", target="Haifa"), "2")])
    _push(kg, server)
    write_documents(kg, remove=["a"])
    assert "deleted 1 of removed documents" in _push(kg, server)
    quads = _server_quads(server)
    assert quads == _local_quads(kg)
    assert not any("doc/a" in q or "sderot" in q for q in quads)
    # the next push has nothing more to delete
    assert "deleted" not in _push(kg, server)


def test_push_sends_the_renaming_links_as_a_graph_of_their_own(tmp_path, server):
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("b", agent="KH", target="Baghdad"), "1")])
    write_documents(kg, add=[(record("a", agent="Kataib Hezbollah", target="Camp Taji"), "2")])
    assert push_store(kg, PushTarget(server + "/store")) == Pushed(sent=4, deleted=0)
    quads = _server_quads(server)
    assert quads == _local_quads(kg) and any("owl#sameAs" in q for q in quads)


def test_push_to_a_server_that_is_not_there_is_one_line(tmp_path):
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("a"), "1")])
    with pytest.raises(PushError, match="cannot reach the server"):
        push_store(kg, PushTarget(f"http://127.0.0.1:{_free_port()}/store", timeout=5))
    result = CliRunner().invoke(main, ["push", "--store", str(kg), "--endpoint",
                                       f"http://127.0.0.1:{_free_port()}/store", "-q"])
    assert result.exit_code == 1 and result.output.count("\n") == 1


def test_push_refused_graph_names_the_status(tmp_path, server):
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("a"), "1")])
    with pytest.raises(PushError, match="HTTP 4"):
        push_store(kg, PushTarget(server + "/nothing-here"))
