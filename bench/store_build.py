"""A store build's write side at corpus scale: time per 1,000 documents and peak memory.

Generated records (``bench/entity_records.py``, with facts) stream into a new store
through the build loop of ``kgbuilder build --store`` (:func:`graph.store_build.build_into_store`:
batches of 200, each written, validated against the shapes and checkpointed), one size
per fresh process, so each peak RSS is that size's alone. The parse is not included (its
cost and memory per worker do not depend on the corpus's size: records leave the
workers and spaCy's strings are dropped per chunk); this measures what does: the
store's entity layer, shared layer and validation.

The CPU seconds (user and system) are printed beside the wall time: on a shared machine
the wall time per document swings with the others' load, the CPU time much less. The
CPU time of the main thread (the build's own Python work and what Oxigraph does for it
there) is printed apart from the whole process's, whose other threads are Oxigraph's
bulk load and RocksDB's background compactions; so are the bytes the process wrote to
disk (``/proc/self/io``), which compactions rewrite as the store grows.

Usage:
    python bench/store_build.py [--docs 1000,5000,10000] [--batch 200]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one(n: int, batch: int) -> None:
    """Build a store of ``n`` generated documents; print seconds and peak RSS (MiB)."""
    from bench.entity_records import iter_entity_records
    from extractors.records import TextInput
    from graph.store_build import build_into_store

    texts = [TextInput(r.doc_id, r.text) for r in iter_entity_records(n, facts=True)]
    with tempfile.TemporaryDirectory() as tmp:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu_start = usage.ru_utime + usage.ru_stime
        main_start, written_start = time.thread_time(), _written()
        start = time.perf_counter()
        done = build_into_store(texts, Path(tmp) / "kg", batch_docs=batch,
                                read=lambda todo: iter_entity_records(n, facts=True))
        seconds = time.perf_counter() - start
        main, written = time.thread_time() - main_start, _written() - written_start
    assert done.documents == n, done
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_start
    print(f"{seconds:.2f} {usage.ru_maxrss / 1024:.1f} {len(done.violations.lines())} {cpu:.2f} "
          f"{main:.2f} {written / 2 ** 20:.0f}")


def _written() -> int:
    """Bytes this process has written to disk so far (0 where ``/proc`` does not say)."""
    try:
        with open("/proc/self/io", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("write_bytes"))
    except (OSError, StopIteration):
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="1000,5000,10000")
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.batch)
        return
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; batches of {args.batch}")
    print(f"{'documents':>9} {'seconds':>8} {'s/1000 docs':>12} {'CPU s/1000':>11} "
          f"{'main s/1000':>11} {'MiB written/1000':>16} {'peak RSS MiB':>13} {'violations':>10}  {'load':>4}")
    first = None
    for n in (int(x) for x in args.docs.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--batch", str(args.batch)],
                             capture_output=True, text=True, check=True).stdout.split()
        seconds, peak, violations, cpu, main, written = (float(out[0]), float(out[1]), out[2],
                                                         float(out[3]), float(out[4]), float(out[5]))
        first = first or (seconds / n, peak, cpu / n, main / n)
        print(f"{n:>9} {seconds:>8.1f} {1000 * seconds / n:>12.2f} {1000 * cpu / n:>11.2f} "
              f"{1000 * main / n:>11.2f} {1000 * written / n:>16.0f} "
              f"{peak:>13.0f} {violations:>10}  {os.getloadavg()[0]:>4.1f}"
              f"   (x{seconds / n / first[0]:.2f} time, x{cpu / n / first[2]:.2f} CPU,"
              f" x{main / n / first[3]:.2f} main-thread CPU per document,"
              f" x{peak / first[1]:.2f} RSS of the first size)", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
