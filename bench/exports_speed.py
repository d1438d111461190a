"""CPU of the build's exports, this checkout's against another's, side by side in one process.

The bench corpus's records (``bench/speed.py``'s corpus) are made once (or read from
``--records``, a pickle this script writes when the file is missing), their graph built
once by this checkout's ``build_graph`` and frozen out of the garbage collector's reach,
as a build does (``graph/heap.py``). Then the network view (``graph_view``), the layout,
the HTML page (``to_html``) and the Turtle (``to_turtle``) of this checkout and of
``--other`` (its ``exports`` package, imported under another name) run turn about;
each figure is the least CPU time (``time.process_time``) of ``--rounds``, and ``same``
says whether the two results are equal (the text of the page and of the Turtle). The
other ``exports`` imports everything else (``ontology``) from this checkout.

Usage:
    python bench/exports_speed.py --other ../wt-base [--words 40000] [--rounds 5]
        [--records records.pkl]
"""
from __future__ import annotations

import argparse
import gc
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _records(path: Path | None, words: int) -> list:
    if path is not None and path.exists():
        return pickle.loads(path.read_bytes())
    from speed import corpus

    from extractors import TextInput, load_nlp
    from extractors.parallel import extract_parallel
    from ontology import load_cues

    texts = corpus(ROOT.parent / "shared", words)
    records = list(extract_parallel([TextInput(f"d{i}", t) for i, t in enumerate(texts)],
                                    nlp=load_nlp(), cues=load_cues(), jobs=2))
    if path is not None:
        path.write_bytes(pickle.dumps(records))
    return records


def _other_exports(checkout: Path, into: Path) -> str:
    """``checkout``'s ``exports`` package copied as ``exports_other`` into ``into``."""
    target = into / "exports_other"
    shutil.copytree(checkout / "exports", target)
    for py in target.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        py.write_text(re.sub(r"\b(from|import) exports\.", r"\1 exports_other.", text), encoding="utf-8")
    sys.path.insert(0, str(into))
    return "exports_other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--other", type=Path, required=True, help="another checkout (its exports/)")
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--records", type=Path, help="pickled records: read, or written when missing")
    args = ap.parse_args()

    from graph.build import build_graph

    records = _records(args.records, args.words)
    with tempfile.TemporaryDirectory() as tmp:
        other = _other_exports(args.other.resolve(), Path(tmp))
        sides = {name: {part: import_module(f"{package}.{part}") for part in ("view", "layout", "html", "turtle")}
                 for name, package in (("other", other), ("this", "exports"))}
        g = build_graph(records)
        gc.collect()
        gc.freeze()
        view = sides["this"]["view"].graph_view(g)
        nodes, edges = [n.iri for n in view.nodes], [(e.source, e.target) for e in view.edges]
        print(f"{len(records)} documents, {len(g)} triples; load average {os.getloadavg()[0]:.1f}")
        print(f"{'part':12} {'other':>7} {'this':>7} {'other/this':>10}  same")
        parts = {"graph_view": lambda m: repr(m["view"].graph_view(g)),
                 "layout": lambda m: m["layout"].layout(nodes, edges),
                 "to_html": lambda m: m["html"].to_html(g),
                 "to_turtle": lambda m: m["turtle"].to_turtle(g)}
        for name, run in parts.items():
            pair: list = [None, None]
            outs = [None, None]
            for _ in range(args.rounds):  # turn about, so that both meet the same load
                for k, side in enumerate(("other", "this")):
                    start = time.process_time()
                    outs[k] = run(sides[side])
                    took = time.process_time() - start
                    pair[k] = took if pair[k] is None else min(pair[k], took)
            print(f"{name:12} {pair[0]:7.3f} {pair[1]:7.3f} {pair[0] / pair[1]:10.2f}  {outs[0] == outs[1]}")
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
