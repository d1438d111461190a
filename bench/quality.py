"""Quality on the shared benchmarks, measured on what `kgbuilder build` writes.

Builds with the CLI and scores with the shared scorers, then prints three tables:

* one row per benchmark: the seed gold (`../shared/eval/gold`) and the news set
  (`../shared/eval/news`, one graph per document) with `score.py` (labelled P/R/F1,
  duplicate nodes); CoNLL04 dev and test (`../shared/eval/conll04`) with
  `score_conll04.py` (string level);
* per relation on the news set (gold, predicted, correct, P, R);
* per rule (the `kgb:rule` of each asserted statement): how often it fires and how often
  its fact is in the gold, on seeds + news + CoNLL04 dev (never test: test is for reporting).

With all three benchmarks, the news set is scored a second time without the facts that
only rules firing in one development document gave (issue 9: such rules do not count
toward the targets).

Usage:
    python bench/quality.py [--shared ../shared] [--only seeds|news|conll04] [--verbose]
                            [--keep DIR] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace

ROOT = Path(__file__).resolve().parents[1]
KGB = Namespace("https://w3id.org/kgbuilder/ontology#")
#: CoNLL04 relation types -> the scorer's classes, and our predicates -> the same classes
CONLL_GOLD = {"Kill": "kill", "Work_For": "work", "OrgBased_In": "located",
              "Located_In": "located", "Live_In": "live"}
CONLL_PRED = {"killed": "kill", "memberOf": "work", "leaderOf": "work", "locatedIn": "located"}


def kgbuilder() -> list[str]:
    exe = Path(sys.executable).with_name("kgbuilder")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "graph.cli"]


def build(inputs: list[Path], out: Path) -> Path:
    """Build ``inputs`` into ``out`` with the CLI; return the Turtle file it wrote."""
    subprocess.run([*kgbuilder(), "build", *map(str, inputs), "-o", str(out), "--quiet"],
                   check=False, cwd=ROOT, stdout=subprocess.DEVNULL)
    return out / "graph.ttl"


def build_each(docs: list[Path], work: Path, graphs: Path) -> None:
    """One build per document, two at a time; ``graphs/<doc>.ttl`` as the scorer wants."""
    graphs.mkdir(parents=True, exist_ok=True)

    def one(doc: Path) -> None:
        ttl = build([doc], work / f"{doc.stem}.d")
        if ttl.exists():
            shutil.copy(ttl, graphs / f"{doc.stem}.ttl")

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, docs))


def run_scorer(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, *args, "--json"], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


class Scorer:
    """The shared scorer's functions (imported from ``shared/eval/score.py``)."""

    def __init__(self, shared: Path):
        sys.path.insert(0, str(shared / "eval"))
        import score  # noqa: PLC0415  the shared scorer, a script beside the gold
        self.m = score

    def names(self, ds) -> dict:
        names: dict = defaultdict(set)
        for s, p, o in ds.triples((None, None, None)):
            if str(p) in self.m.NAME_PREDICATES and isinstance(o, Literal):
                names[s].add(str(o))
        return names

    def statements(self, path: Path):
        """(rule, relation, subject node, object node) of each asserted inventory statement."""
        ds = self.m.load_graph(path)
        out = []
        for st in ds.subjects(RDF.type, KGB.Statement):
            if str(ds.value(st, KGB.factuality)) != "asserted":
                continue
            rel = self.m.local_name(str(ds.value(st, RDF.predicate)))
            if rel not in self.m.RELATIONS:
                continue
            out.append((str(ds.value(st, KGB.rule)), rel, ds.value(st, RDF.subject),
                        ds.value(st, RDF.object)))
        return ds, out

    def gold_rule_hits(self, gold_dir: Path, graphs: Path, tally: dict) -> None:
        """Add each statement of each document graph to ``tally[rule]`` as fired/correct."""
        for ent_file in sorted(gold_dir.glob("*.entities.tsv")):
            doc = ent_file.name[: -len(".entities.tsv")]
            path = graphs / f"{doc}.ttl"
            if not path.exists():
                continue
            alias_index, gold = self.m.load_gold(gold_dir, doc)
            ds, stmts = self.statements(path)
            names = self.names(ds)

            def ids(node):
                return {i for n in names.get(node, ()) for i in
                        alias_index.get(self.m.normalise(n), ())}

            for rule, rel, s, o in stmts:
                ok = any(self.m.key(a, rel, b) in gold for a in ids(s) for b in ids(o))
                tally[rule].update(fired=1, correct=int(ok), **{f"docs:{doc}": 1})

    def conll_rule_hits(self, gold_jsonl: Path, graph: Path, tally: dict) -> None:
        gold = set()
        for line in gold_jsonl.read_text(encoding="utf-8").splitlines():
            sent = json.loads(line)
            ents = sent["entities"]
            for r in sent["relations"]:
                gold.add((self.m.normalise(ents[r["head"]]["text"]), CONLL_GOLD[r["type"]],
                          self.m.normalise(ents[r["tail"]]["text"])))
        if not graph.exists():
            return
        ds, stmts = self.statements(graph)
        names = {k: {self.m.normalise(n) for n in v} for k, v in self.names(ds).items()}
        for rule, rel, s, o in stmts:
            cls = CONLL_PRED.get(rel)
            if cls is None:
                continue   # CoNLL04 annotates only these relations: others are not judged
            ok = any((a, cls, b) in gold for a in names.get(s, ()) for b in names.get(o, ()))
            tally[rule].update(fired=1, correct=int(ok), **{"docs:conll04-dev": 1})


def one_doc_rules(tally: dict) -> set[str]:
    """The rules that fire in one development document only."""
    return {r for r, t in tally.items() if sum(1 for k in t if k.startswith("docs:")) < 2}


def without_rules(graphs: Path, out: Path, rules: set[str]) -> Path:
    """Copies of the document graphs without the facts that only ``rules`` gave: a fact's
    triple goes when every statement of it names one of them."""
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(graphs.glob("*.ttl")):
        g = Graph().parse(path, format="turtle")
        support: dict = defaultdict(set)
        for st in g.subjects(RDF.type, KGB.Statement):
            triple = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
            support[triple].add(str(g.value(st, KGB.rule)))
        for triple, by in support.items():
            if by and by <= rules:
                g.remove(triple)
        g.serialize(out / path.name, format="turtle")
    return out


def benchmark_rows(results: dict) -> list[tuple]:
    rows = []
    for name in ("seeds", "news", "news_multi_doc_rules"):
        if name in results:
            s = results[name]
            label = "news, rules of >=2 docs" if name == "news_multi_doc_rules" \
                else f"{name} (score.py, labelled)"
            rows.append((label, s["precision"], s["recall"], s["f1"],
                         f"{s['correct']}/{s['gold']} gold, {s['predicted']} predicted, "
                         f"{s['duplicates']} duplicate nodes"))
    for split in ("dev", "test"):
        c = results.get(f"conll04_{split}")
        if c:
            a, w = c["all"], c["without_live_in"]
            rows.append((f"CoNLL04 {split} (string level)", a["precision"], a["recall"], a["f1"],
                         f"without Live_In F1={w['f1']:.3f}; " + ", ".join(
                             f"{k} {v['f1']:.2f}" for k, v in c["per_class"].items())))
    return rows


def print_report(results: dict, tally: dict) -> None:
    print(f"{'benchmark':34} {'P':>6} {'R':>6} {'F1':>6}  notes")
    for name, p, r, f, note in benchmark_rows(results):
        print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f}  {note}")
    if "news" in results:
        print(f"\n{'news: relation':20} {'gold':>5} {'pred':>5} {'ok':>5} {'P':>6} {'R':>6}")
        for rel, m in sorted(results["news"]["per_relation"].items()):
            print(f"{rel:20} {m['gold']:5} {m['predicted']:5} {m['correct']:5} "
                  f"{m['precision']:6.3f} {m['recall']:6.3f}")
    if tally:
        print(f"\n{'rule (seeds + news + CoNLL04 dev)':40} {'fires':>5} {'ok':>5} {'P':>6} "
              f"{'docs':>5}  flag")
        for rule, t in sorted(tally.items(), key=lambda kv: (-kv[1]["fired"], kv[0])):
            p = t["correct"] / t["fired"] if t["fired"] else 0.0
            docs = sum(1 for k in t if k.startswith("docs:"))
            flag = "P<0.5" if p < 0.5 and t["fired"] >= 2 else ""
            if docs < 2:
                flag = (flag + " one-doc").strip()
            print(f"{rule:40} {t['fired']:5} {t['correct']:5} {p:6.3f} {docs:5}  {flag}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--verbose", action="store_true", help="list missed and wrong triples")
    ap.add_argument("--keep", type=Path, help="keep the built graphs in this directory")
    ap.add_argument("--only", choices=["seeds", "news", "conll04"], help="one benchmark only")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = ap.parse_args()
    evals = args.shared / "eval"
    if not (evals / "score.py").exists():
        print(f"quality: needs the shared evaluation data at {args.shared} (eval/score.py, "
              f"eval/gold, eval/news, eval/conll04, seeds); clone it beside this checkout or "
              f"pass --shared PATH", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kgb-quality-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    scorer = Scorer(args.shared)
    results: dict = {}
    tally: dict = defaultdict(Counter)
    gold_sets = {"seeds": (sorted((args.shared / "seeds").glob("*.txt")), evals / "gold"),
                 "news": (sorted((evals / "news").glob("n*.jsonl")), evals / "news")}
    for name, (docs, gold_dir) in gold_sets.items():
        if args.only not in (None, name):
            continue
        graphs = work / f"{name}-graphs"
        build_each(docs, work / name, graphs)
        scorer_args = [str(evals / "score.py"), str(gold_dir), str(graphs)]
        if args.verbose:
            subprocess.run([sys.executable, *scorer_args, "--verbose"], check=False)
        results[name] = run_scorer(scorer_args)
        scorer.gold_rule_hits(gold_dir, graphs, tally)
    if args.only in (None, "conll04"):
        for split in ("dev", "test"):
            gold = evals / "conll04" / f"conll04_{split}.jsonl"
            graph = build([gold], work / f"conll04_{split}")
            c_args = [str(evals / "score_conll04.py"), str(gold), str(graph)]
            if args.verbose:
                subprocess.run([sys.executable, *c_args, "--verbose"], check=False)
            results[f"conll04_{split}"] = run_scorer(c_args)
            if split == "dev":
                scorer.conll_rule_hits(gold, graph, tally)
    if args.only is None:
        graphs = without_rules(work / "news-graphs", work / "news-multi-doc-graphs",
                               one_doc_rules(tally))
        results["news_multi_doc_rules"] = run_scorer(
            [str(evals / "score.py"), str(evals / "news"), str(graphs)])
    print_report(results, tally)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "rules": {
            r: {"fired": t["fired"], "correct": t["correct"],
                "documents": sum(1 for k in t if k.startswith("docs:"))}
            for r, t in tally.items()}}, indent=2, default=list), encoding="utf-8")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
