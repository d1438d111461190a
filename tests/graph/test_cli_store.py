"""The store from the command line: build --store, stats, remove, export --store."""
from __future__ import annotations

from click.testing import CliRunner
from rdflib.compare import isomorphic

from graph.cli import main
from graph.load import read_graph, read_store
from tests.conftest import ROOT


def _run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def test_cli_store_build_twice_reads_nothing_the_second_time(tmp_path):
    first = _run("build", ROOT / "examples" / "01_taji_rockets.txt", "--store", tmp_path / "kg")
    assert first.exit_code == 0, first.output
    again = _run("build", ROOT / "examples" / "01_taji_rockets.txt", "--store", tmp_path / "kg")
    assert "0 added, 0 replaced, 1 unchanged" in again.output


def test_cli_store_default_store_equals_the_file_build(tmp_path):
    env = {"KGB_STORE": str(tmp_path / "kg")}
    inputs = [ROOT / "examples" / n for n in ("01_taji_rockets.txt", "02_muhandis.txt")]
    for path in inputs:  # one document per build
        assert _run("build", path, env=env).exit_code == 0
    assert _run("build", *inputs, "-o", tmp_path / "out", "--quiet").exit_code == 0
    assert isomorphic(read_store(tmp_path / "kg"), read_graph(tmp_path / "out" / "graph.ttl"))
    exported = _run("export", "-f", "nt", "-o", tmp_path / "dump", env=env)
    assert exported.exit_code == 0, exported.output
    assert isomorphic(read_graph(tmp_path / "dump" / "graph.nt"), read_store(tmp_path / "kg"))


def test_cli_store_stats_and_remove(tmp_path):
    kg = tmp_path / "kg"
    assert _run("build", ROOT / "examples", "--store", kg, "--quiet").exit_code == 0
    stats = _run("stats", "--store", kg)
    n = len([p for p in (ROOT / "examples").iterdir() if p.suffix == ".txt"]) + sum(
        len(p.read_text().splitlines()) for p in (ROOT / "examples").glob("*.jsonl"))
    assert stats.exit_code == 0 and f"documents  {n}\n" in stats.output and "attacked" in stats.output
    removed = _run("remove", "--store", kg, "01_taji_rockets", "nope")
    assert removed.exit_code == 0 and "no document 'nope'" in removed.output
    assert f"documents  {n - 1}\n" in _run("stats", "--store", kg).output


def test_cli_store_missing_store_is_one_line(tmp_path):
    result = _run("stats", "--store", tmp_path / "none")
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "no kgbuilder store" in result.output
