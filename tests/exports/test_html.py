"""The HTML view: self-contained, coloured by class, evidence on hover."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from exports.html import render_html, write_html
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


# --- in a real browser: Debian's chromium, driven by Playwright, with the network cut off

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium (make sysdeps)")
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(graph_view(build_graph([_record()])), path)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.remote_requests = []
        # any request that leaves the file is recorded and refused
        page.route(re.compile(r"^(?!file:).*"),
                   lambda route: (page.remote_requests.append(route.request.url), route.abort()))
        page.goto(path.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body !== undefined")
        yield page
        browser.close()


def test_html_renders_in_a_browser_without_the_network(page):
    assert page.remote_requests == []
    assert page.evaluate("network.body.data.nodes.length") == 2
    assert page.locator("canvas").count() == 1


def test_html_edge_hover_shows_the_sentence_in_a_browser(page):
    # freeze the layout first: physics would move the edge away from the pointer
    page.evaluate("network.stopSimulation(); network.setOptions({physics: false})")
    page.wait_for_timeout(300)
    edge_id = page.evaluate("network.body.data.edges.getIds()[0]")
    pos = page.evaluate(f"""(() => {{
        const e = network.body.edges[{json.dumps(edge_id)}];
        const p = network.canvasToDOM({{x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2}});
        const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();
        return {{x: r.left + p.x, y: r.top + p.y}};
    }})()""")
    tooltip = page.locator("div.vis-tooltip")
    for dx in (0, 2, -2, 4):
        page.mouse.move(pos["x"] + dx + 10, pos["y"] + 10)
        page.mouse.move(pos["x"] + dx, pos["y"])
        try:
            tooltip.wait_for(state="visible", timeout=3000)
            break
        except Exception:  # the pointer missed the one-pixel line: try beside it
            continue
    assert tooltip.inner_text() == "Hamas attacked Sderot."
