"""Whether a change leaves the built graphs as they were: a check to run before and after.

Builds each set with ``kgbuilder build -o`` and keeps its graph as sorted N-Triples
lines (the graphs have no blank nodes, so equal lines mean isomorphic graphs):

* ``examples``: the bundled examples, one graph;
* ``seeds``: the seed articles of ``../shared/seeds``, one graph;
* ``news``: the articles of ``../shared/eval/news``, one graph;
* ``conll04``: the CoNLL04 dev sentences, one graph.

``--save FILE`` writes the lines of every set to FILE (JSON); ``--check FILE`` builds
again and compares, printing the triples that differ; its exit status is 1 when a
graph changed. ``-j`` is passed to the build (compare ``-j 1`` with ``-j 2`` too).

Usage:
    python bench/same_graph.py --save before.json [-j 2] [--only seeds]
    python bench/same_graph.py --check before.json [-j 1]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sets(shared: Path) -> dict[str, list[Path]]:
    """The inputs of each set, by name."""
    return {
        "examples": [ROOT / "examples"],
        "seeds": [shared / "seeds"],
        "news": sorted((shared / "eval" / "news").glob("n*.jsonl")),
        "conll04": [shared / "eval" / "conll04" / "conll04_dev.jsonl"],
    }


def built_lines(inputs: list[Path], jobs: int) -> list[str]:
    """The graph ``kgbuilder build INPUTS -o DIR`` writes, as sorted N-Triples lines."""
    exe = Path(sys.executable).with_name("kgbuilder")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(exe), "build", *map(str, inputs), "-o", tmp, "--quiet",
                        "-j", str(jobs), "--format", "nt"], check=False, cwd=ROOT)
        nt = Path(tmp, "graph.nt")
        if not nt.exists():
            sys.exit(f"same_graph: the build of {', '.join(map(str, inputs))} wrote no graph")
        return sorted({line for line in nt.read_text(encoding="utf-8").splitlines() if line})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, metavar="FILE", help="write the graphs' lines to FILE")
    what.add_argument("--check", type=Path, metavar="FILE", help="compare with a saved FILE")
    ap.add_argument("--only", action="append", choices=["examples", "seeds", "news", "conll04"],
                    help="build only this set (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    chosen = {k: v for k, v in sets(args.shared).items() if not args.only or k in args.only}
    saved = json.loads(args.check.read_text()) if args.check else {}
    now, changed = {}, 0
    for name, inputs in chosen.items():
        now[name] = built_lines(inputs, args.jobs)
        if args.check:
            if name not in saved:
                print(f"{name}: not in {args.check}")
                changed += 1
                continue
            before, after = set(saved[name]), set(now[name])
            if before == after:
                print(f"{name}: same graph ({len(after)} triples)")
                continue
            changed += 1
            print(f"{name}: CHANGED, {len(before - after)} triples gone, {len(after - before)} new")
            for line in sorted(before - after)[:10]:
                print(f"  - {line}")
            for line in sorted(after - before)[:10]:
                print(f"  + {line}")
        else:
            print(f"{name}: {len(now[name])} triples")
    if args.save:
        args.save.write_text(json.dumps(now), encoding="utf-8")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
