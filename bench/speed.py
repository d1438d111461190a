"""Speed of a build next to the raw spaCy parse, measured side by side in one run.

The corpus is the bundled examples plus, when ``../shared`` is beside the checkout, the
seed articles and the CoNLL04 test sentences, repeated to about ``--words`` words. Each
round times, on the same texts and in turn:

* ``raw``: ``list(nlp.pipe(texts))`` with the plain pipeline (``spacy.load``), the
  library limit: no build can be faster than parsing its input;
* ``extract``: kgbuilder's extractors (the parse plus every rule);
* ``build``: the whole ``kgbuilder build`` work in-process: extract, RDF graph, Turtle
  and HTML written to a temporary directory.

Rounds alternate to share the machine's noise; the median of each is reported, with
the ratios of rates (1.0 = as fast as the raw parse).

Usage:
    python bench/speed.py [--words 60000] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exports import graph_view, write_html, write_turtle  # noqa: E402
from extractors import TextInput, extract, load_nlp  # noqa: E402
from extractors.model import DEFAULT_MODEL  # noqa: E402
from graph.build import build_graph  # noqa: E402
from ontology import load_cues  # noqa: E402


def corpus(shared: Path, words: int) -> list[str]:
    """Texts of about ``words`` words, from the examples and the shared data."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for line in (ROOT / "examples").glob("*.jsonl"):
        texts += [json.loads(x)["text"] for x in line.read_text().splitlines() if x.strip()]
    if (shared / "seeds").exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    conll = shared / "eval" / "conll04" / "conll04_test.jsonl"
    if conll.exists():
        sents = [json.loads(x)["text"] for x in conll.read_text().splitlines() if x.strip()]
        texts += [" ".join(sents[i:i + 10]) for i in range(0, len(sents), 10)]
    out, n = [], 0
    while n < words:
        for t in texts:
            out.append(t)
            n += len(t.split())
            if n >= words:
                break
    return out


def run_raw(nlp, texts):
    return list(nlp.pipe(texts, batch_size=16))


def run_extract(nlp, texts):
    inputs = [TextInput(f"d{i}", t) for i, t in enumerate(texts)]
    return list(extract(inputs, nlp=nlp, cues=load_cues()))


def run_build(nlp, texts):
    records = run_extract(nlp, texts)
    g = build_graph(records)
    with tempfile.TemporaryDirectory() as tmp:
        write_turtle(g, Path(tmp) / "graph.ttl")
        write_html(graph_view(g), Path(tmp) / "graph.html")
    return g


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    texts = corpus(args.shared, args.words)
    n_words = sum(len(t.split()) for t in texts)
    raw_nlp = spacy.load(DEFAULT_MODEL)
    ours = load_nlp()
    run_raw(raw_nlp, texts[:5])  # warm up both pipelines
    run_build(ours, texts[:5])
    times: dict[str, list[float]] = {"raw": [], "extract": [], "build": []}
    for _ in range(args.rounds):
        for name, fn, nlp in (("raw", run_raw, raw_nlp), ("extract", run_extract, ours),
                              ("build", run_build, ours)):
            t0 = time.perf_counter()
            fn(nlp, texts)
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    rate = {k: n_words / v for k, v in med.items()}
    print(f"corpus: {len(texts)} texts, {n_words} words; {args.rounds} rounds, median times")
    print(f"{'run':10} {'seconds':>8} {'words/s':>9} {'vs raw':>7}")
    for k in ("raw", "extract", "build"):
        print(f"{k:10} {med[k]:8.2f} {rate[k]:9.0f} {rate[k] / rate['raw']:7.3f}")
    print(f"build/raw rate ratio: {rate['build'] / rate['raw']:.3f} (target >= 0.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
