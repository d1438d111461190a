"""The HTML view: self-contained, safe, and in a real browser what the graph holds."""
from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractors.records import Factuality
from exports.html import render_html, write_html
from exports.page_data import node_id
from exports.view import graph_view
from graph.build import build_graph
from tests.exports.browser import CHROMIUM, launch, open_view, wait_until
from tests.graph.factories import record

DOCS = Path(__file__).resolve().parents[2] / "docs"


class _Tags(HTMLParser):
    """Collects every URL the page would load, and every tag."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in {"src", "href", "data"} and value:
                self.urls.append(value)


def _corpus():
    """Four dated documents: two attacks, a support the text denies, a reported visit."""
    return [
        record("d1", date="2024-01-10", title="Rockets on a border town", url="https://example.org/one"),
        record("d2", agent="Hezbollah", target="Metula", verb="shelled", date="2024-03-05",
               time="2024-03-04", time_text="on Monday", title="Shelling in the north"),
        record("d3", agent="Iran", agent_cls="Country", verb="funded", relation="supported",
               target="Hamas", target_cls="ArmedGroup", factuality=Factuality.NEGATED,
               date="2024-06-01"),
        record("d4", agent="Amos Hochstein", agent_cls="Person", verb="visited",
               relation="visited", target="Beirut", reporter="Nabih Berri", date="2024-08-20"),
    ]


def _data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="kgb-data">(.*?)</script>',
                                html, re.S).group(1))


def test_html_loads_nothing_from_the_network():
    html = render_html(graph_view(build_graph(_corpus())))
    parser = _Tags()
    parser.feed(html)
    assert parser.urls == []
    assert "default-src 'none'" in re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                                              html).group(1)


def test_html_data_cannot_close_its_script_element():
    html = render_html(graph_view(build_graph([record(agent="</script><script>alert(1)</script>")])))
    parser = _Tags()
    parser.feed(html)
    assert parser.tags.count("script") == 3
    assert "</script><script>alert(1)</script>" in {n["label"] for n in _data(html)["nodes"]}


def test_html_node_ids_are_hashes_not_names():
    data = _data(render_html(graph_view(build_graph(_corpus()))))
    assert all(re.fullmatch(r"n[0-9a-f]{16}", n["id"]) for n in data["nodes"])
    assert {n["id"] for n in data["nodes"]} == {node_id(n["iri"]) for n in data["nodes"]}


def test_html_date_range_covers_event_and_document_dates():
    data = _data(render_html(graph_view(build_graph(_corpus()))))
    first, last = data["range"]
    assert (first, last) == (19732, 19955)  # 2024-01-10 and 2024-08-20, in days since 1970


# --- in a real browser: Debian's chromium, driven by Playwright, with the network cut off

@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium (make sysdeps)")
    with sync_api.sync_playwright() as pw:
        browser = launch(pw)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def corpus_page(browser, tmp_path_factory):
    path = write_html(graph_view(build_graph(_corpus())), tmp_path_factory.mktemp("html") / "graph.html",
                      title="Four test stories")
    page = open_view(browser, path)
    yield page
    page.close()


@pytest.fixture()
def page(corpus_page):
    """The corpus page with its filters, date window and panel back as they were."""
    corpus_page.reload()
    wait_until(corpus_page, "window.kgb !== undefined && window.kgb.ready")
    return corpus_page


def _id(label: str, cls: str, kind: str) -> str:
    slug = label.lower().replace(" ", "-")
    return node_id(f"https://w3id.org/kgbuilder/resource/{kind}/{slug}")


def _shown(page) -> tuple[set[str], set[str]]:
    shown = page.evaluate("kgb.shown()")
    data = page.evaluate("kgb.data")
    label = {n["id"]: n["label"] for n in data["nodes"]}
    edges = {e["id"]: f'{label[e["from"]]} {e["relation"]} {label[e["to"]]}' for e in data["edges"]}
    return {label[n] for n in shown["nodes"]}, {edges[e] for e in shown["edges"]}


def _drawn(page) -> tuple[int, int]:
    """Nodes and edges vis-network really draws (its own index, not our bookkeeping)."""
    return tuple(page.evaluate("""[kgb.network.body.nodes, kgb.network.body.edges].map(
        items => Object.values(items).filter(x => !x.options.hidden).length)"""))


def test_html_draws_every_entity_and_the_asserted_facts(page):
    assert page.remote_requests == [] and page.errors == []
    nodes, edges = _shown(page)
    assert nodes == {"Hamas", "Sderot", "Hezbollah", "Metula", "Iran", "Amos Hochstein", "Beirut",
                     "Nabih Berri"}
    assert edges == {"Hamas attacked Sderot", "Hezbollah attacked Metula"}
    assert _drawn(page) == (8, 2)


def test_html_title_bar_names_graph_documents_and_dates(page):
    assert page.inner_text("#kgb-title") == "Four test stories"
    assert page.inner_text("#kgb-stats").startswith("4 documents · 2024-01-10 to 2024-08-20")


def _toggle(page, group: str, value: str):
    page.check(f'#kgb-{group} input[data-value="{value}"]') if not page.is_checked(
        f'#kgb-{group} input[data-value="{value}"]') else page.uncheck(f'#kgb-{group} input[data-value="{value}"]')
    page.wait_for_timeout(100)


def test_html_factuality_filter_shows_denied_and_reported_facts(page):
    _toggle(page, "factualities", "negated")
    _toggle(page, "factualities", "reported")
    assert _shown(page)[1] == {"Hamas attacked Sderot", "Hezbollah attacked Metula",
                               "Iran supported Hamas", "Amos Hochstein visited Beirut"}
    assert _drawn(page)[1] == 4
    dashes = page.evaluate("kgb.network.body.data.edges.get().filter(e => !e.hidden).map(e => [e.dashes !== false])")
    assert [True] in dashes and [False] in dashes


def test_html_family_filter_hides_its_edges_and_their_lonely_nodes(page):
    _toggle(page, "families", "violence")
    nodes, edges = _shown(page)
    assert edges == set() and nodes == set()
    _toggle(page, "factualities", "negated")
    assert _shown(page) == ({"Iran", "Hamas"}, {"Iran supported Hamas"})


def test_html_class_filter_hides_its_entities(page):
    _toggle(page, "classes", "City")
    nodes, edges = _shown(page)
    assert "Sderot" not in nodes and "Metula" not in nodes and "Beirut" not in nodes
    assert edges == set() and _drawn(page)[1] == 0


def test_html_relation_filter_keeps_only_chosen_relations(page):
    _toggle(page, "factualities", "reported")
    _toggle(page, "relations", "attacked")
    assert _shown(page) == ({"Amos Hochstein", "Beirut"}, {"Amos Hochstein visited Beirut"})


def test_html_date_slider_shows_what_happened_in_the_window(page):
    # from 2024-03-01: Hamas (document of 2024-01-10) goes, the shelling of 2024-03-04 stays
    page.evaluate("""(() => { const s = document.getElementById('kgb-from');
        s.value = 19783; s.dispatchEvent(new Event('input')); })()""")
    page.wait_for_timeout(100)
    assert _shown(page) == ({"Hezbollah", "Metula"}, {"Hezbollah attacked Metula"})
    assert page.inner_text("#kgb-from-label") == "2024-03-01"


def test_html_search_focuses_an_entity_by_any_name(page):
    page.fill("#kgb-search", "metula")
    page.press("#kgb-search", "Enter")
    metula = _id("Metula", "City", "place")
    assert page.evaluate("kgb.network.getSelectedNodes()")[0] == metula
    assert page.inner_text("#kgb-panel h2") == "Metula"
    centre = page.evaluate("kgb.network.getViewPosition()")
    pos = page.evaluate(f"kgb.network.getPositions([{json.dumps(metula)}])")[metula]
    assert abs(centre["x"] - pos["x"]) < 1 and abs(centre["y"] - pos["y"]) < 1


def _click_edge(page, edge_id: str):
    pos = page.evaluate(f"""(() => {{
        const e = kgb.network.body.edges[{json.dumps(edge_id)}];
        const p = kgb.network.canvasToDOM({{x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2}});
        const r = document.querySelector('#kgb-network canvas').getBoundingClientRect();
        return {{x: r.left + p.x, y: r.top + p.y}};
    }})()""")
    page.mouse.click(pos["x"], pos["y"])


def test_html_edge_click_shows_sentence_mentions_and_document(page):
    edge = next(e for e in page.evaluate("kgb.data.edges") if e["relation"] == "attacked"
                and e["from"] == _id("Hamas", "ArmedGroup", "org"))
    _click_edge(page, edge["id"])
    panel = page.locator("#kgb-panel")
    assert panel.locator("h2").inner_text() == "Hamas attacked Sderot"
    assert panel.locator("blockquote").inner_text() == "Hamas attacked Sderot."
    assert panel.locator("mark").all_inner_texts() == ["Hamas", "Sderot"]
    link = panel.locator(".kgb-meta a")
    assert link.inner_text() == "Rockets on a border town"
    assert link.get_attribute("href") == "https://example.org/one"
    assert "2024-01-10" in panel.inner_text() and "the article's own voice" in panel.inner_text()


def test_html_node_click_lists_names_class_and_facts(page):
    page.evaluate(f"kgb.focusNode({json.dumps(_id('Hamas', 'ArmedGroup', 'org'))})")
    text = page.inner_text("#kgb-panel")
    assert "ArmedGroup · 2 mentions · 2 facts" in text
    assert "Hamas attacked Sderot" in text.replace("\n", " ").replace("  ", " ")


def test_html_layout_is_the_same_on_two_loads(browser, tmp_path):
    path = write_html(graph_view(build_graph(_corpus())), tmp_path / "graph.html")
    positions = []
    for _ in range(2):
        page = open_view(browser, path)
        positions.append(page.evaluate("kgb.network.getPositions()"))
        page.close()
    assert positions[0] == positions[1] and len(positions[0]) == 8


def test_html_positions_stay_put_when_filters_change(page):
    before = page.evaluate("kgb.network.getPositions()")
    _toggle(page, "classes", "Person")
    _toggle(page, "classes", "Person")
    assert page.evaluate("kgb.network.getPositions()") == before


# --- injection: markup and script in every text the data carries

PAYLOAD = '<img src=x onerror="window.__pwned=1"> href <script>window.__pwned=2</script>'


def _hostile():
    return [
        record("x1", agent=PAYLOAD, target='Kataib Hezbollah-href', date="2024-02-02",
               title='</title><script>window.__pwned=3</script>', url='javascript:window.__pwned=4'),
        record("x2", agent='<b onmouseover="window.__pwned=5">Bold</b>', target="Sderot",
               url='https://example.org/"><img src=x onerror="window.__pwned=6">',
               title='<a href="javascript:window.__pwned=7">click</a>', reporter='<svg onload="window.__pwned=8">'),
    ]


@pytest.mark.parametrize("csp", ["enforced", "ignored"])
def test_html_injected_markup_runs_nothing_and_adds_no_element(browser, tmp_path, csp):
    """Safe twice over: with the CSP ignored, the page still writes data only as text."""
    path = write_html(graph_view(build_graph(_hostile())), tmp_path / "graph.html",
                      title='<script>window.__pwned=9</script>')
    page = open_view(browser, path, bypass_csp=csp == "ignored")
    baseline = page.evaluate("document.querySelectorAll('*').length")
    page.check('#kgb-factualities input[data-value="reported"]')
    data = page.evaluate("kgb.data")
    for node in data["nodes"]:
        page.evaluate(f"kgb.focusNode({json.dumps(node['id'])})")
        page.hover("#kgb-network", position={"x": 5, "y": 5})
    for edge in data["edges"]:
        page.evaluate(f"kgb.showEdge({json.dumps(edge['id'])})")
        panel = page.inner_text("#kgb-panel")
        assert "<" in panel  # the markup is there, as text
    page.fill("#kgb-search", "img src")
    assert page.locator("#kgb-matches li").count() == 1
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, b, svg image').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    hrefs = page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
    assert all(h.startswith("https://example.org/") for h in hrefs)
    assert page.title() == "<script>window.__pwned=9</script>"
    assert page.errors == [] and page.remote_requests == []
    assert page.evaluate("document.querySelectorAll('*').length") >= baseline
    page.close()


def test_html_screenshots(browser, tmp_path):
    """Saves what a user sees: the network with every voice ticked, and an edge's evidence.

    With ``KGB_SCREENSHOTS=docs`` the pictures go to that folder (the README shows them).
    """
    out = Path(os.environ.get("KGB_SCREENSHOTS", tmp_path))
    path = write_html(graph_view(build_graph(_corpus())), tmp_path / "graph.html", title="Four test stories")
    page = open_view(browser, path, width=1280, height=720)
    for voice in ("reported", "negated"):
        page.check(f'#kgb-factualities input[data-value="{voice}"]')
    page.wait_for_timeout(200)
    page.screenshot(path=str(out / "view.png"))
    edge = next(e for e in page.evaluate("kgb.data.edges") if e["relation"] == "visited")
    _click_edge(page, edge["id"])
    page.locator("#kgb-panel blockquote").wait_for()
    page.screenshot(path=str(out / "view-evidence.png"))
    assert page.locator("#kgb-panel mark").all_inner_texts() == ["Amos Hochstein", "Beirut"]
    assert (out / "view.png").stat().st_size > 10_000
    assert (out / "view-evidence.png").stat().st_size > 10_000
    page.close()
