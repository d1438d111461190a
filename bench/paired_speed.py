"""Two checkouts' builds timed turn about, for a machine other work shares.

``bench/speed.py`` times one checkout; run twice, one after the other, its figures move
with the other work on the machine more than with a change. Here each checkout (this one
and ``--other``, each with its own ``.venv``) runs a server process that loads the model
once and times, on the same corpus as ``bench/speed.py``, the run it is asked for: ``raw``
(the one-process ``nlp.pipe``), ``raw-2proc`` (``nlp.pipe(n_process=2)``), ``build-1job`` or
``build-2jobs`` (``kgbuilder build -j N`` in-process). The runs alternate between the two
checkouts, the first one swapped each round, so both meet the same load; the medians are
printed with each build's rate against its own checkout's raw parses (``-j 1`` against
``raw``, ``-j 2`` against ``raw-2proc``), and this checkout's time against the other's for
each run. Each run's CPU seconds (the server's and its children's: workers, forked
validation and formats, spaCy's processes) are printed too: on a shared machine they move
less than the wall time.

Usage:
    python bench/paired_speed.py --other ../main-snapshot [--words 40000] [--rounds 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = ("raw", "raw-2proc", "build-1job", "build-2jobs")
#: the raw parse each run is held against
BASE = {"raw": "raw", "raw-2proc": "raw-2proc", "build-1job": "raw", "build-2jobs": "raw-2proc"}


def serve(root: Path, words: int, shared: Path) -> None:
    """In the checkout ``root``'s own venv: load the model once, then time each run named on
    stdin (with that checkout's code and its ``bench/speed.py``)."""
    import json
    import resource

    import spacy

    sys.path.insert(0, str(root / "bench"))
    sys.path.insert(0, str(root))
    from extractors import load_nlp
    from extractors.text.model import DEFAULT_MODEL
    from speed import corpus, run_build, run_raw

    texts = corpus(shared, words)
    raw_nlp = spacy.load(DEFAULT_MODEL)
    load_nlp()
    work = Path(tempfile.mkdtemp(prefix="kgb-paired-"))
    corpus_file = work / "corpus.jsonl"
    corpus_file.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n"
                                   for i, t in enumerate(texts)), encoding="utf-8")
    runs = {"raw": lambda: run_raw(raw_nlp, texts),
            "raw-2proc": lambda: run_raw(raw_nlp, texts, n_process=2),
            "build-1job": lambda: run_build(corpus_file, 1),
            "build-2jobs": lambda: run_build(corpus_file, 2)}
    run_raw(raw_nlp, texts[:5])
    print(f"ready {sum(len(t.split()) for t in texts)}", flush=True)
    def cpu() -> float:  # this process's and its finished children's
        return sum(t for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                   for t in resource.getrusage(who)[:2])
    for line in sys.stdin:
        t0, c0 = time.perf_counter(), cpu()
        runs[line.strip()]()
        print(f"{time.perf_counter() - t0:.4f} {cpu() - c0:.4f}", flush=True)


def _server(checkout: Path, words: int, shared: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(checkout / ".venv" / "bin" / "python"), str(Path(__file__).resolve()), "--serve",
         str(checkout), "--words", str(words), "--shared", str(shared)],
        cwd=checkout, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--other", type=Path, help="the other checkout (with its .venv)")
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--serve", type=Path, metavar="CHECKOUT", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.words, args.shared.resolve())
        return 0
    if args.other is None or not (args.other / ".venv" / "bin" / "python").exists():
        print("paired_speed: --other must name a checkout with its own .venv", file=sys.stderr)
        return 2
    names = {"this": ROOT, "other": args.other.resolve()}
    servers = {name: _server(path, args.words, args.shared.resolve()) for name, path in names.items()}
    words = {name: int(proc.stdout.readline().split()[1]) for name, proc in servers.items()}
    times: dict = {(name, run): [] for name in names for run in RUNS}
    cpus: dict = {(name, run): [] for name in names for run in RUNS}
    load_before = os.getloadavg()[0]
    for i in range(args.rounds):
        for run in RUNS:
            for name in (("this", "other") if i % 2 == 0 else ("other", "this")):
                servers[name].stdin.write(run + "\n")
                servers[name].stdin.flush()
                wall, cpu = map(float, servers[name].stdout.readline().split())
                times[(name, run)].append(wall)
                cpus[(name, run)].append(cpu)
    for proc in servers.values():
        proc.stdin.close()
        proc.wait()
    med = {key: statistics.median(v) for key, v in times.items()}
    cpu = {key: statistics.median(v) for key, v in cpus.items()}
    print(f"{words['this']} words; {args.rounds} rounds, runs alternating, median seconds; load "
          f"average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after ({os.cpu_count()} cores)")
    print(f"{'run':12} {'this':>8} {'other':>8} {'this/other':>10}  {'rate vs its raw: this':>21} "
          f"{'other':>6}  {'CPU: this':>9} {'other':>6}")
    for run in RUNS:
        this, other = med[("this", run)], med[("other", run)]
        print(f"{run:12} {this:8.2f} {other:8.2f} {this / other:10.3f}  "
              f"{med[('this', BASE[run])] / this:21.3f} {med[('other', BASE[run])] / other:6.3f}  "
              f"{cpu[('this', run)]:9.2f} {cpu[('other', run)]:6.2f}")
    print("rate vs its raw: build-1job against raw (one process), build-2jobs against raw-2proc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
