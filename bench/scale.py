"""The build at corpus scale, on the generated news corpus (bench/newsgen.py), in one run.

Two parts, each measured side by side in this one run:

* **rates** on the first ``--speed-docs`` documents, in turn and ``--rounds`` times
  (the runs of ``bench/speed.py``): the raw ``nlp.pipe`` on one and on two processes,
  ``kgbuilder build -j 1`` and ``-j 2`` in this process (model already loaded), and
  ``kgbuilder build --cluster`` on a Dask ``LocalCluster`` of two worker processes of
  one thread (workers warmed up first); words per second, ratios to the raw parse, and
  the cluster's documents per hour per worker core;
* **scale** for each size of ``--docs``: ``kgbuilder build`` of the first N documents in a
  child process (``-j 2``, into ``-o DIR``, or into a new store with ``--store``): the
  wall time and CPU seconds (of the whole process tree) per 1,000 documents (model load
  included) and the peak RSS of the largest process of its tree (``getrusage(RUSAGE_CHILDREN)`` of a wrapper process).
  With ``--store``, also the time per 1,000 documents at 1,000, 5,000 and 10,000
  documents *within* the largest build (when each batch's snapshot appeared): builds of
  each size apart ran minutes apart, and on a shared machine the same 1,000-document
  build has taken 90 and 121 s.

The machine's load average is printed at the start and the end: on a shared machine
only the ratios of one run compare. ``--record`` appends the output to bench/RESULTS.md.

Usage:
    python bench/scale.py --docs 1000,5000,10000 --speed-docs 500 --rounds 2
    python bench/scale.py --docs 1000 --speed-docs 100 --rounds 1       # a quick look
    python bench/scale.py --docs 1000,10000 --store --skip-rates        # store memory only
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from newsgen import generate  # noqa: E402
from speed import run_build, run_raw  # noqa: E402

from extractors.text.model import DEFAULT_MODEL  # noqa: E402
from graph.store_build import BATCH_DOCS  # noqa: E402

KGBUILDER = Path(sys.executable).parent / "kgbuilder"
# runs the build as its child and prints the largest RSS among the processes it waited for
# and the CPU seconds of the whole tree (on a shared machine CPU per document is the steadier figure)
RSS_WRAPPER = ("import resource, subprocess, sys; rc = subprocess.call(sys.argv[1:]); "
               "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print(u.ru_maxrss, rc, u.ru_utime + u.ru_stime)")


def write_jsonl(docs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def words(docs: list[dict]) -> int:
    return sum(len(d["text"].split()) for d in docs)


def build_in_process(corpus: Path, *args: str) -> None:
    """``kgbuilder build`` in this process; a graph with SHACL violations (3) counts as built."""
    try:
        run_build(corpus, *args)
    except SystemExit as done:
        if done.code not in (None, 0, 3):
            raise


def rates(docs: list[dict], work: Path, rounds: int) -> list[str]:
    """The side-by-side word rates of the raw parse, the local builds and the cluster build."""
    from distributed import Client, LocalCluster

    from extractors import load_nlp

    texts = [d["text"] for d in docs]
    corpus = write_jsonl(docs, work / "speed.jsonl")
    raw_nlp = spacy.load(DEFAULT_MODEL)
    load_nlp()
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        address = cluster.scheduler_address
        runs = {
            "raw 1 process": lambda: run_raw(raw_nlp, texts),
            "raw 2 processes": lambda: run_raw(raw_nlp, texts, n_process=2),
            "build -j 1": lambda: build_in_process(corpus, "1"),
            "build -j 2": lambda: build_in_process(corpus, "2"),
            "build --cluster (2 workers)": lambda: build_in_process(corpus, "2", "--cluster", address),
        }
        warm = write_jsonl(docs[:4], work / "warm.jsonl")
        run_raw(raw_nlp, texts[:4])
        build_in_process(warm, "2", "--cluster", address)  # each worker loads the model
        times: dict[str, list[float]] = {name: [] for name in runs}
        worker_cpu = 0.0  # CPU seconds the workers spent on the cluster builds
        for _ in range(rounds):
            for name, fn in runs.items():
                cpu = sum(client.run(time.process_time).values())
                start = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - start)
                if "--cluster" in name:
                    worker_cpu += sum(client.run(time.process_time).values()) - cpu
    n_words = words(docs)
    med = {k: statistics.median(v) for k, v in times.items()}
    rate = {k: n_words / v for k, v in med.items()}
    raw1, raw2 = rate["raw 1 process"], rate["raw 2 processes"]
    lines = [f"rates: {len(docs)} documents, {n_words} words; {rounds} round(s), median times",
             f"{'run':28} {'seconds':>8} {'words/s':>8} {'vs raw 1':>8} {'vs raw 2':>8}"]
    lines += [f"{k:28} {med[k]:8.1f} {rate[k]:8.0f} {rate[k] / raw1:8.3f} {rate[k] / raw2:8.3f}"
              for k in runs]
    cluster = "build --cluster (2 workers)"
    lines += [f"build -j 1 / raw 1 process = {rate['build -j 1'] / raw1:.3f}; "
              f"build -j 2 / raw 2 processes = {rate['build -j 2'] / raw2:.3f} (target >= 0.85)",
              f"cluster / build -j 2 = {rate[cluster] / rate['build -j 2']:.3f}; the cluster reads "
              f"{len(docs) / med[cluster] * 3600 / 2:.0f} documents per hour per worker core "
              f"(wall time), {len(docs) * rounds / worker_cpu * 3600:.0f} per hour of a worker's "
              f"CPU time"]
    return lines


def scale(docs: list[dict], sizes: list[int], work: Path, *, store: bool, jobs: int) -> list[str]:
    """Builds of the first N documents in child processes: time per 1,000 and peak RSS."""
    lines = [f"scale: kgbuilder build -j {jobs} {'--store' if store else '-o'} in a child process "
             f"(model load included)",
             f"{'documents':>9} {'words':>9} {'seconds':>8} {'s/1000 docs':>11} {'words/s':>8} "
             f"{'CPU s/1000':>10} {'peak RSS':>9} {'exit':>4}"]
    first = first_cpu = None
    for n in sizes:
        corpus = write_jsonl(docs[:n], work / f"corpus-{n}.jsonl")
        target = ["--store", str(work / f"store-{n}")] if store else ["-o", str(work / f"out-{n}")]
        start = time.perf_counter()
        watch = Milestones(Path(target[1]), start) if store else None
        done = subprocess.run([sys.executable, "-c", RSS_WRAPPER, str(KGBUILDER), "build",
                               str(corpus), *target, "-q", "-j", str(jobs)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        stored = watch.stop() if watch else {}
        rss_kib, rc, cpu = done.stdout.split()
        per_1000, cpu_1000 = seconds / n * 1000, float(cpu) / n * 1000
        first, first_cpu = first or per_1000, first_cpu or cpu_1000
        lines.append(f"{n:9d} {words(docs[:n]):9d} {seconds:8.0f} {per_1000:11.1f} "
                     f"{words(docs[:n]) / seconds:8.0f} {cpu_1000:10.1f} "
                     f"{int(rss_kib) / 1024:6.0f} MiB {rc:>4}"
                     + (f"   ({per_1000 / first - 1:+.0%} time, {cpu_1000 / first_cpu - 1:+.0%} "
                        f"CPU per document vs {sizes[0]})" if n != sizes[0] else ""))
        print(lines[-1], flush=True)
        if n == sizes[-1] and stored:
            lines.append(in_run(stored, n))
            print(lines[-1], flush=True)
    return lines


class Milestones:
    """When each batch of a store build was stored: the store's current snapshot is
    numbered by its checkpoints, one a batch of ``BATCH_DOCS`` documents."""

    def __init__(self, store: Path, start: float):
        self.store, self.start, self.seen = store, start, {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(0.25):
            try:
                number = int((self.store / "current").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            self.seen.setdefault(number * BATCH_DOCS, time.perf_counter() - self.start)

    def stop(self) -> dict[int, float]:
        """Documents stored -> seconds from the start of the build."""
        self._done.set()
        self._thread.join()
        return self.seen


def in_run(stored: dict[int, float], n: int) -> str:
    """Time per 1,000 documents at 1,000, 5,000 and N documents within one build: the
    same machine and moment for every figure, unlike builds of each size apart."""
    marks = [m for m in (1000, 5000, 10000, 50000) if m < n] + [n]
    at = {m: min(t for d, t in stored.items() if d >= m) for m in marks
          if any(d >= m for d in stored)}
    if min(marks) not in at:
        return "within the largest build: too few batches seen"
    base = at[marks[0]] / marks[0] * 1000
    return ("within the largest build, s per 1,000 documents so far at " + ", ".join(
        f"{m}: {t / m * 1000:.1f}" + (f" ({t / m * 1000 / base - 1:+.0%})" if m != marks[0] else "")
        for m, t in at.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("Usage:")[1])
    ap.add_argument("--docs", default="1000,5000,10000",
                    help="corpus sizes to build, comma-separated [1000,5000,10000]")
    ap.add_argument("--speed-docs", type=int, default=500,
                    help="documents for the side-by-side rates [500]")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of the rates [2]")
    ap.add_argument("--jobs", type=int, default=2, help="-j of the scale builds [2]")
    ap.add_argument("--store", action="store_true", help="scale builds into a new store, not -o")
    ap.add_argument("--skip-rates", action="store_true", help="only the scale builds")
    ap.add_argument("--seed", type=int, default=1, help="the corpus's seed [1]")
    ap.add_argument("--record", action="store_true", help="append the output to bench/RESULTS.md")
    args = ap.parse_args()
    try:
        sizes = sorted({int(x) for x in args.docs.split(",") if x.strip()})
    except ValueError:
        ap.error(f"--docs: {args.docs!r} is not a list of numbers such as 1000,5000")
    if not sizes or sizes[0] < 1:
        ap.error("--docs: give at least one size of 1 or more")
    docs = list(generate(max(sizes + [args.speed_docs]), seed=args.seed))
    command = "python bench/scale.py " + " ".join(sys.argv[1:])
    out = [f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, `{command}`, "
           f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.1f}"]
    print(out[0], flush=True)
    with tempfile.TemporaryDirectory(prefix="kgb-scale-") as tmp:
        work = Path(tmp)
        if not args.skip_rates:
            out += rates(docs[:args.speed_docs], work, args.rounds)
            print("\n".join(out[1:]), flush=True)
        out += scale(docs, sizes, work, store=args.store, jobs=args.jobs)
    out.append(f"load average at end {os.getloadavg()[0]:.1f}")
    print(out[-1])
    if args.record:
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as f:
            f.write("\n## Corpus scale: `bench/scale.py`\n\n```\n" + "\n".join(out) + "\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
