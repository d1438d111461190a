"""Speed of a build next to the raw spaCy parse, measured side by side in one run.

The corpus is the bundled examples, the seed articles and the CoNLL04 test sentences of
``../shared`` (the project's shared data, not in this repository), repeated to about
``--words`` words; without ``../shared`` it stops with one line saying so, unless
``--examples-only`` asks for the examples alone. Each round times, on the same texts
and in turn:

* ``raw``: ``list(nlp.pipe(texts))`` with the plain pipeline (``spacy.load``) in one
  process: the parse every build pays for;
* ``raw-2proc``: the same with ``n_process=2``: the library's limit on this machine;
* ``extract``: kgbuilder's extractors in one process (the parse plus every rule);
* ``build-1job``: ``kgbuilder build CORPUS -o DIR -j 1`` run in-process (the model is
  already loaded): extraction, entity merging, RDF with provenance, SHACL validation,
  Turtle and HTML written;
* ``build``: the same with the default jobs (worker processes reading documents).

Rounds alternate to share the machine's noise; the median of each is reported, with
the ratios of word rates (1.0 = as fast as the raw one-process parse), and the load
average before and after (on a shared machine, other work slows ``raw-2proc`` and the
builds most).

Usage:
    python bench/speed.py [--words 60000] [--rounds 3] [--shared DIR | --examples-only]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import TextInput, extract, load_nlp  # noqa: E402
from extractors.text.model import DEFAULT_MODEL  # noqa: E402
from extractors.parallel import default_jobs  # noqa: E402
from graph.cli import main as cli  # noqa: E402
from ontology import load_cues  # noqa: E402


def shared_corpus(shared: Path) -> list[Path]:
    """The two parts of the corpus that ``shared`` (``../shared``) holds."""
    return [shared / "seeds", shared / "eval" / "conll04" / "conll04_test.jsonl"]


def corpus(shared: Path | None, words: int) -> list[str]:
    """Texts of about ``words`` words, from the examples and (unless None) the shared data."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for line in (ROOT / "examples").glob("*.jsonl"):
        texts += [json.loads(x)["text"] for x in line.read_text().splitlines() if x.strip()]
    if shared is not None:
        seeds, conll = shared_corpus(shared)
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
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


def write_corpus(texts: list[str], path: Path) -> Path:
    """The texts as a JSON Lines corpus (ids ``d0``, ``d1`` ...) that ``kgbuilder build`` reads."""
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def run_raw(nlp, texts, n_process=1):
    return list(nlp.pipe(texts, batch_size=16, n_process=n_process))


def run_extract(nlp, texts):
    inputs = [TextInput(f"d{i}", t) for i, t in enumerate(texts)]
    return list(extract(inputs, nlp=nlp, cues=load_cues()))


def run_build(corpus_file: Path, jobs: int | str, *extra: str) -> None:
    """``kgbuilder build CORPUS -o TMP -j JOBS [EXTRA...]`` in this process."""
    with tempfile.TemporaryDirectory() as tmp:
        cli(["build", str(corpus_file), "-o", tmp, "--quiet", "-j", str(jobs), *extra],
            standalone_mode=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the project's shared data folder [default: ../shared]")
    ap.add_argument("--examples-only", action="store_true",
                    help="time the bundled examples alone (figures not comparable with RESULTS.md)")
    args = ap.parse_args()
    missing = [] if args.examples_only else [p for p in shared_corpus(args.shared) if not p.exists()]
    if missing:
        print(f"speed: needs {', '.join(map(str, missing))}: the project's shared data (seed "
              f"articles, CoNLL04) is not in this repository; put it beside the checkout as "
              f"../shared, or pass --shared DIR, or --examples-only to time the examples alone",
              file=sys.stderr)
        return 2
    texts = corpus(None if args.examples_only else args.shared, args.words)
    n_words = sum(len(t.split()) for t in texts)
    raw_nlp = spacy.load(DEFAULT_MODEL)
    ours = load_nlp()
    jobs = default_jobs()
    work = Path(tempfile.mkdtemp(prefix="kgb-speed-"))
    corpus_file = write_corpus(texts, work / "corpus.jsonl")
    runs = {
        "raw": lambda: run_raw(raw_nlp, texts),
        "raw-2proc": lambda: run_raw(raw_nlp, texts, n_process=2),
        "extract": lambda: run_extract(ours, texts),
        "build-1job": lambda: run_build(corpus_file, 1),
        f"build-{jobs}jobs": lambda: run_build(corpus_file, jobs),
    }
    run_raw(raw_nlp, texts[:5])  # warm up both pipelines
    run_extract(ours, texts[:5])
    times: dict[str, list[float]] = {name: [] for name in runs}
    load_before = os.getloadavg()[0]
    for _ in range(args.rounds):
        for name, fn in runs.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    rate = {k: n_words / v for k, v in med.items()}
    print(f"corpus: {len(texts)} texts, {n_words} words; {args.rounds} rounds, median times; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
          f"({os.cpu_count()} cores)")
    print(f"{'run':12} {'seconds':>8} {'words/s':>9} {'vs raw':>7} {'vs limit':>8}")
    for k in runs:
        print(f"{k:12} {med[k]:8.2f} {rate[k]:9.0f} {rate[k] / rate['raw']:7.3f} "
              f"{rate[k] / rate['raw-2proc']:8.3f}")
    b1, bj = rate["build-1job"], rate[f"build-{jobs}jobs"]
    print(f"build/raw rate ratio: {bj / rate['raw']:.3f} with {jobs} jobs, "
          f"{b1 / rate['raw']:.3f} with 1 job (target >= 0.85)")
    print(f"extraction rules alone: extract/raw = {rate['extract'] / rate['raw']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
