"""Cross-document entity merging at corpus scale, in one run.

Resolves the entities of generated document records (``bench/entity_records.py``: about
twelve entities a document, popular ones in thousands of documents, new names as the
corpus grows) at each size, and prints the time per 1,000 documents; the quadratic
reference (every pair of a block compared, as before the index) is timed beside it at
the sizes up to ``--reference-upto``, and its decisions compared.

Usage:
    python bench/merge.py [--docs 1000,5000,10000] [--reference-upto 1000]
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.entity_records import entity_records  # noqa: E402
from graph.aliases import resolve_entities  # noqa: E402
from tests.graph.reference_aliases import reference_resolve  # noqa: E402


def timed(fn) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="1000,5000,10000")
    parser.add_argument("--reference-upto", type=int, default=1000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'documents':>9} {'entities':>9} {'nodes':>6} {'resolve s':>10} {'s/1000 docs':>12}"
          f" {'reference s':>12} {'same':>5}")
    for n in (int(x) for x in args.docs.split(",")):
        records = entity_records(n)
        entities = sum(len(r.entities) for r in records)
        t, res = timed(lambda: resolve_entities(records))
        ref_t, same = "", ""
        if n <= args.reference_upto:
            rt, ref = timed(lambda: reference_resolve(records))
            ref_t, same = f"{rt:.2f}", str(ref == res)
        print(f"{n:>9} {entities:>9} {len(res.nodes):>6} {t:>10.2f} {1000 * t / n:>12.3f}"
              f" {ref_t:>12} {same:>5}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
