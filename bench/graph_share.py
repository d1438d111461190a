"""What the graph side costs a ``-j 2`` build, against spaCy's own two processes, side by side.

Issue 14 asks a ``-j 2`` build to keep 0.85 of the rate of ``nlp.pipe(n_process=2)``. This
splits the build in two to show where the rest goes. Each round times, on the corpus of
``bench/speed.py`` and in turn:

* ``raw-2proc``: ``nlp.pipe(texts, batch_size=16, n_process=2)`` with the plain pipeline;
* ``records-2jobs``: kgbuilder's records alone, read on two forked workers
  (:func:`extractors.parallel.extract_parallel`, ``jobs=2``): the parse, the entities and
  the rules, no graph, no files. No work on the graph side can make a build faster than this;
* ``build-2jobs``: ``kgbuilder build -j 2`` in-process: the same records, then the RDF
  graph, Turtle, the HTML view and SHACL validation.

Medians of wall time, the rates against ``raw-2proc``, and CPU seconds (this process's and
its finished children's: the workers, spaCy's processes, the forked validation and view).

Usage:
    python bench/graph_share.py [--words 40000] [--rounds 3] [--shared DIR]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extractors import TextInput, load_nlp  # noqa: E402
from extractors.parallel import extract_parallel  # noqa: E402
from extractors.text.model import DEFAULT_MODEL  # noqa: E402
from ontology import load_cues  # noqa: E402
from speed import corpus, run_build, run_raw, shared_corpus, write_corpus  # noqa: E402


def cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended."""
    return sum(t for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for t in resource.getrusage(who)[:2])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the project's shared data folder [default: ../shared]")
    args = ap.parse_args()
    missing = [p for p in shared_corpus(args.shared) if not p.exists()]
    if missing:
        print(f"graph_share: needs {', '.join(map(str, missing))} (the project's shared data); "
              f"pass --shared DIR", file=sys.stderr)
        return 2
    texts = corpus(args.shared, args.words)
    n_words = sum(len(t.split()) for t in texts)
    raw_nlp, nlp, cues = spacy.load(DEFAULT_MODEL), load_nlp(), load_cues()
    inputs = [TextInput(f"d{i}", t) for i, t in enumerate(texts)]
    corpus_file = write_corpus(texts, Path(tempfile.mkdtemp(prefix="kgb-share-")) / "corpus.jsonl")
    runs = {
        "raw-2proc": lambda: run_raw(raw_nlp, texts, n_process=2),
        "records-2jobs": lambda: list(extract_parallel(inputs, nlp=nlp, cues=cues, jobs=2)),
        "build-2jobs": lambda: run_build(corpus_file, 2),
    }
    run_raw(raw_nlp, texts[:5])
    walls: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    load_before = os.getloadavg()[0]
    for _ in range(args.rounds):
        for name, fn in runs.items():
            t0, c0 = time.perf_counter(), cpu_seconds()
            fn()
            walls[name].append(time.perf_counter() - t0)
            cpus[name].append(cpu_seconds() - c0)
    wall = {k: statistics.median(v) for k, v in walls.items()}
    print(f"corpus: {len(texts)} texts, {n_words} words; {args.rounds} rounds, median times; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
          f"({os.cpu_count()} cores)")
    print(f"{'run':14} {'seconds':>8} {'vs raw-2proc':>12} {'CPU s':>7}")
    for k in runs:
        print(f"{k:14} {wall[k]:8.2f} {wall['raw-2proc'] / wall[k]:12.3f} "
              f"{statistics.median(cpus[k]):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
