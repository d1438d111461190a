"""Quality on the shared benchmarks, measured on what `kgbuilder build` writes.

Runs the shared scorers and prints one table:

* the seed gold (`../shared/eval/gold`) with `score.py` (labelled P/R/F1, duplicates);
* CoNLL04 dev and test (`../shared/eval/conll04`) with `score_conll04.py` (string level).

Usage:
    python bench/quality.py [--shared ../shared] [--verbose] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kgbuilder() -> list[str]:
    exe = Path(sys.executable).with_name("kgbuilder")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graph.cli"]


def build(inputs: list[Path], out: Path) -> None:
    subprocess.run([*kgbuilder(), "build", *map(str, inputs), "-o", str(out), "--quiet"],
                   check=False, cwd=ROOT)


def score_seeds(shared: Path, work: Path, verbose: bool) -> dict:
    graphs = work / "seeds"
    graphs.mkdir()
    for seed in sorted((shared / "seeds").glob("*.txt")):
        build([seed], work / seed.stem)
        shutil.copy(work / seed.stem / "graph.ttl", graphs / f"{seed.stem}.ttl")
    scorer = shared / "eval" / "score.py"
    if verbose:
        subprocess.run([sys.executable, str(scorer), str(shared / "eval" / "gold"), str(graphs),
                        "--verbose"], check=False)
    out = subprocess.run([sys.executable, str(scorer), str(shared / "eval" / "gold"), str(graphs),
                          "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def score_conll(shared: Path, work: Path, split: str, verbose: bool) -> dict:
    gold = shared / "eval" / "conll04" / f"conll04_{split}.jsonl"
    build([gold], work / f"conll04_{split}")
    scorer = shared / "eval" / "score_conll04.py"
    graph = work / f"conll04_{split}" / "graph.ttl"
    if verbose:
        subprocess.run([sys.executable, str(scorer), str(gold), str(graph), "--verbose"], check=False)
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(graph), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", action="store_true", help="list missed and wrong triples")
    ap.add_argument("--keep", type=Path, help="keep the built graphs in this directory")
    ap.add_argument("--only", choices=["seeds", "conll04"], help="run one benchmark only")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kgb-quality-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    if args.only in (None, "seeds"):
        s = score_seeds(args.shared, work, args.verbose)
        rows.append(("seeds (score.py, labelled)", s["precision"], s["recall"], s["f1"],
                     f"{s['correct']}/{s['gold']} gold, {s['predicted']} predicted, "
                     f"{s['duplicates']} duplicate nodes"))
    if args.only in (None, "conll04"):
        for split in ("dev", "test"):
            c = score_conll(args.shared, work, split, args.verbose)
            a, w = c["all"], c["without_live_in"]
            rows.append((f"CoNLL04 {split} (string level)", a["precision"], a["recall"], a["f1"],
                         f"without Live_In F1={w['f1']:.3f}; " + ", ".join(
                             f"{k} {v['f1']:.2f}" for k, v in c["per_class"].items())))
    print(f"{'benchmark':34} {'P':>6} {'R':>6} {'F1':>6}  notes")
    for name, p, r, f, note in rows:
        print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f}  {note}")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
