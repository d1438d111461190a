"""``kgbuilder view``: the page of a written graph; bad input is one line, old pages stay."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from exports.turtle import write_turtle
from graph.build import build_graph
from graph.cli import main
from tests.graph.factories import record


@pytest.fixture()
def graph_file(tmp_path):
    g = build_graph([record("d1"), record("d2", target="Ashkelon"),
                     record("d3", agent="Iran", agent_cls="Country", verb="backed",
                            relation="supported", target="Hamas", target_cls="ArmedGroup")])
    return write_turtle(g, tmp_path / "graph.ttl")


def _view(*args):
    return CliRunner().invoke(main, ["view", *map(str, args)])


def _labels(page) -> list[str]:
    data = re.search(r'id="kgb-data">(.*?)</script>', page.read_text(), re.S).group(1)
    return sorted(n["label"] for n in json.loads(data)["nodes"])


def test_cli_view_writes_the_page_of_every_entity(graph_file, tmp_path):
    result = _view(graph_file, "-o", tmp_path / "page.html")
    assert result.exit_code == 0, result.output
    assert _labels(tmp_path / "page.html") == ["Ashkelon", "Hamas", "Iran", "Sderot"]
    assert "<title>graph.ttl</title>" in (tmp_path / "page.html").read_text()


def test_cli_view_focus_and_depth_draw_a_neighbourhood(graph_file, tmp_path):
    result = _view(graph_file, "-o", tmp_path / "page.html", "--focus", "iran", "--depth", "1")
    assert result.exit_code == 0, result.output
    assert _labels(tmp_path / "page.html") == ["Hamas", "Iran"]


def test_cli_view_max_nodes_keeps_the_most_connected(graph_file, tmp_path):
    result = _view(graph_file, "-o", tmp_path / "page.html", "--max-nodes", "1")
    assert result.exit_code == 0, result.output
    assert _labels(tmp_path / "page.html") == ["Hamas"]
    assert '"omitted":3' in (tmp_path / "page.html").read_text()


@pytest.mark.parametrize("args, message", [
    (["--focus", "Hezbollah"], "graph.ttl: no entity is named 'Hezbollah'"),
    (["--focus", "ham"], "graph.ttl: no entity is named 'ham'; did you mean 'Hamas'?"),
])
def test_cli_view_unknown_focus_is_one_line_and_keeps_the_old_page(graph_file, tmp_path, args, message):
    page = tmp_path / "page.html"
    page.write_text("an older page")
    result = _view(graph_file, "-o", page, *args)
    assert result.exit_code == 1
    assert result.output.strip().endswith(message) and result.output.count("\n") == 1
    assert page.read_text() == "an older page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "page.html"]


def test_cli_view_bad_graph_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("this is not turtle <")
    result = _view(bad, "-o", tmp_path / "page.html")
    assert result.exit_code == 2
    assert result.output.startswith(f"kgbuilder: {bad}: not a valid turtle graph")
    assert result.output.count("\n") == 1 and not (tmp_path / "page.html").exists()


def test_cli_view_refuses_to_overwrite_its_input(graph_file):
    result = _view(graph_file, "-o", graph_file)
    assert result.exit_code == 2 and "is the input graph" in result.output


def test_cli_view_open_hands_the_page_to_the_browser(graph_file, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    result = _view(graph_file, "-o", tmp_path / "page.html", "--open")
    assert result.exit_code == 0, result.output
    assert opened == [(tmp_path / "page.html").resolve().as_uri()]
