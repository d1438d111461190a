"""The HTML view: self-contained, coloured by class, evidence on hover."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from exports.html import render_html
from exports.view import CLASS_COLOURS, graph_view
from graph.build import build_graph
from tests.graph.test_build import _record


class _Resources(HTMLParser):
    """Collects every URL the page would load."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"src", "href", "data"} and value:
                self.urls.append(value)


def _html():
    return render_html(graph_view(build_graph([_record()])))


def test_html_loads_nothing_from_the_network():
    html = _html()
    parser = _Resources()
    parser.feed(html)
    assert [u for u in parser.urls if re.match(r"(?i)(https?:)?//", u)] == []
    assert not re.search(r"(?i)@import\s+url\(\s*['\"]?(https?:)?//", html)


def test_html_inlines_vis_network():
    assert "vis.Network" in _html() or "new vis.Network" in _html()


def test_html_nodes_are_coloured_by_class():
    html = _html()
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    colours = {n["label"]: n["color"] for n in nodes}
    assert colours == {"Hamas": CLASS_COLOURS["ArmedGroup"], "Sderot": CLASS_COLOURS["City"]}


def test_html_edges_are_labelled_and_hover_shows_the_sentence():
    html = _html()
    edges = json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html, re.S).group(1))
    assert [(e["label"], e["title"]) for e in edges] == [("attacked", "Hamas attacked Sderot.")]
