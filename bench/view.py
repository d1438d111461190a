"""Speed of the HTML view on generated graphs of 1,000, 5,000 and 20,000 entities.

Each graph is built by ``graph.build.build_graph`` from generated document records
(three entities and two facts a document, entities reused by preferential attachment so
that one large component forms beside many small ones; every relation family and voice,
dates over two years), written as Turtle, then:

* ``parse``: ``read_graph`` of the Turtle file, as ``kgbuilder view`` does;
* ``view``: ``write_view`` (the network read from the graph, the layout, the page
  rendered and written), split into ``layout`` and the rest;
* in headless Chromium (Debian's, network cut off): ``drawn`` is the time from opening
  the file until the first frame is drawn (positions are precomputed and physics is off,
  so it is also stable: the positions are checked unchanged one second later); ``click``,
  ``search`` and ``filter`` the time from a node click to its panel, from Enter in the
  search box to the focused node, and from unticking a family to the redrawn network,
  each until two animation frames have passed.

Usage:
    python bench/view.py [--sizes 1000,5000,20000] [--budget]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from exports.html import render_html, select_view  # noqa: E402
from exports.layout import layout  # noqa: E402
from exports.turtle import write_turtle  # noqa: E402
from extractors.records import DocumentRecord, Entity, Fact, Factuality, Mention, Sentence  # noqa: E402
from graph.build import build_graph  # noqa: E402
from graph.load import read_graph  # noqa: E402
from ontology import load_relations  # noqa: E402
from tests.exports.browser import launch, open_view, wait_until  # noqa: E402

CLASSES = ("Person", "Organization", "ArmedGroup", "GovernmentBody", "Country", "City", "Region", "Facility")
VOICES = ((Factuality.ASSERTED, 0.85), (Factuality.NEGATED, 0.05), (Factuality.PLANNED, 0.05),
          (Factuality.HYPOTHETICAL, 0.05))
SYLLABLES = ("ka", "ri", "mo", "ten", "sul", "dar", "vi", "lo", "nek", "zu", "ba", "fir", "gho", "pe")


def _name(i: int) -> str:
    """A distinct made-up name per number, in two words (no two are variants of each other)."""
    word = "".join(SYLLABLES[int(d)] for d in f"{i:05d}")
    return f"{word.capitalize()} {i}"


def corpus(n_entities: int, seed: int = 7) -> list[DocumentRecord]:
    """Documents naming ``n_entities`` entities in all, three a document, two facts each."""
    rng = random.Random(seed)
    relations = [r.name for r in load_relations()]
    ends: list[int] = []  # one entry per fact end: picking from it prefers busy entities
    records, next_entity, doc = [], 0, 0
    while next_entity < n_entities:
        picked: list[int] = []
        while len(picked) < 3:
            if ends and rng.random() < 0.45:
                i = rng.choice(ends)
            else:
                i, next_entity = next_entity, next_entity + 1
            if i not in picked:
                picked.append(i)
        text, facts, ents = "", [], []
        for i in picked:
            ents.append(Entity(f"e{i}", _name(i), CLASSES[i % len(CLASSES)]))
        for a, b in ((picked[0], picked[1]), (picked[rng.randrange(2)], picked[2])):
            rel = rng.choice(relations)
            start = len(text)
            sentence = f"{_name(a)} {rel} {_name(b)}."
            text += sentence + " "
            subj = Mention(_name(a), start, start + len(_name(a)), f"e{a}")
            o_start = start + len(_name(a)) + len(rel) + 2
            obj = Mention(_name(b), o_start, o_start + len(_name(b)), f"e{b}")
            voice = rng.choices([v for v, _ in VOICES], [w for _, w in VOICES])[0]
            facts.append(Fact(subj, rel, obj, Sentence(sentence, start, start + len(sentence)),
                              "generated", False, voice))
            ends += [a, b]
        day = 1 + doc % 700
        records.append(DocumentRecord(
            doc_id=f"g{doc}", text=text, entities=tuple(ents), facts=tuple(facts),
            title=f"Generated story {doc}", url=f"https://example.org/story/{doc}",
            date=f"{2023 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}"))
        doc += 1
    return records


FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"


def _timed(page, action, until: str) -> float:
    start = time.perf_counter()
    action()
    wait_until(page, until, timeout=120_000)
    page.evaluate(FRAMES)
    return time.perf_counter() - start


def in_browser(browser, path: Path) -> dict[str, float]:
    """Times in Chromium: first drawing, click, search and filter."""
    start = time.perf_counter()
    page = open_view(browser, path, timeout=300_000)
    page.evaluate(FRAMES)
    drawn = time.perf_counter() - start
    before = page.evaluate("kgb.network.getPositions()")
    page.wait_for_timeout(1000)
    stable = page.evaluate("kgb.network.getPositions()") == before
    hub = page.evaluate("""(() => { const ids = kgb.shown().nodes;
        return kgb.data.nodes.filter(n => ids.includes(n.id)).sort((a, b) => b.size - a.size)[0]; })()""")
    page.evaluate(f"kgb.network.moveTo({{position: {{x: {hub['x']}, y: {hub['y']}}}, scale: 1}})")
    page.evaluate(FRAMES)
    box = page.locator("#kgb-network canvas").bounding_box()
    at = page.evaluate(f"kgb.network.canvasToDOM({{x: {hub['x']}, y: {hub['y']}}})")
    centre = (box["x"] + at["x"], box["y"] + at["y"])
    # the node drawn on top there: the hub or a neighbour over it
    top = page.evaluate(f"kgb.network.getNodeAt({{x: {at['x']}, y: {at['y']}}})")
    label = page.evaluate(f"kgb.data.nodes.find(n => n.id === {top!r}).label")
    click = _timed(page, lambda: page.mouse.click(*centre),
                   f"document.querySelector('#kgb-panel h2')?.textContent === {label!r}")
    target = page.evaluate("kgb.data.nodes[Math.floor(kgb.data.nodes.length / 2)]")
    page.fill("#kgb-search", target["label"])
    search = _timed(page, lambda: page.press("#kgb-search", "Enter"),
                    f"kgb.network.getSelectedNodes()[0] === {target['id']!r}")
    count = page.evaluate("kgb.shown().edges.length")
    filt = _timed(page, lambda: page.uncheck('#kgb-families input[data-value="violence"]'),
                  f"kgb.shown().edges.length !== {count}")
    errors = list(page.errors) + [f"request {u}" for u in page.remote_requests]
    page.close()
    return {"drawn": drawn, "stable": stable, "click": click, "search": search, "filter": filt,
            "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--budget", action="store_true",
                        help="also the largest graph through the default node budget")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = [(n, 0) for n in sizes] + ([(sizes[-1], None)] if args.budget else [])
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("entities  drawn  facts  build  parse  layout  view   MB  open(s) stable click  search filter")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = launch(pw)
        graphs: dict[int, tuple] = {}  # entities -> (graph, build and parse seconds)
        for n, budget in runs:
            if n not in graphs:
                t = time.perf_counter()
                path = write_turtle(build_graph(corpus(n)), Path(tmp) / f"g{n}.ttl")
                build = time.perf_counter() - t
                t = time.perf_counter()
                graphs[n] = (read_graph(path), build, time.perf_counter() - t)
            g, build, parse = graphs[n]
            t = time.perf_counter()
            view = select_view(g, max_nodes=0) if budget == 0 else select_view(g)
            t_layout = time.perf_counter()
            positions = layout([x.iri for x in view.nodes], [(e.source, e.target) for e in view.edges])
            t_layout = time.perf_counter() - t_layout
            page = Path(tmp) / f"g{n}-{budget}.html"
            page.write_text(render_html(view, title=f"{n} generated entities", positions=positions),
                            encoding="utf-8")
            write = time.perf_counter() - t
            b = in_browser(browser, page)
            print(f"{n:8d} {len(view.nodes):6d} {len(view.edges):6d} {build:6.1f} {parse:6.1f} "
                  f"{t_layout:6.1f} {write:6.1f} {page.stat().st_size / 1e6:5.1f} {b['drawn']:7.2f} "
                  f"{'yes' if b['stable'] else 'NO':>6s} {b['click']:5.2f} {b['search']:7.2f} "
                  f"{b['filter']:6.2f}" + (f"  errors: {b['errors'][:3]}" if b["errors"] else ""),
                  flush=True)
        browser.close()
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
