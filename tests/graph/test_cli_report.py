"""The end of kgbuilder build, with the real model: the summary on stderr and --report FILE."""
from __future__ import annotations

import json
import signal
import subprocess
import sys

from click.testing import CliRunner

from graph.cli import main
from graph.exits import Exit
from tests.conftest import ROOT

ARTICLE = "Hezbollah fired rockets at Haifa on Monday. Israel struck Beirut in response.\n"


def _build(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)])


def _report(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_cli_report_lists_each_failure_beside_good_inputs_that_are_built(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"id": "j", "text": "Iran backed Hamas."})
                                          + "\n{broken\n")
    report = tmp_path / "report.jsonl"
    result = _build(tmp_path / "good.txt", tmp_path / "paper.pdf", tmp_path / "lines.jsonl",
                    "-o", tmp_path / "out", "--report", report)
    assert result.exit_code == Exit.INPUTS
    assert "Haifa" in (tmp_path / "out" / "graph.ttl").read_text()
    assert [(r["input"], r["status"]) for r in _report(report)] == [
        (str(tmp_path / "paper.pdf"), "failed"), (f"{tmp_path / 'lines.jsonl'}:2", "failed")]
    assert _report(report)[1]["reason"].startswith("malformed JSON")
    assert "documents  2 read, 2 failed" in result.stderr.splitlines()


def test_cli_report_of_a_build_without_failures_is_empty_and_replaces_an_old_one(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    report = tmp_path / "report.jsonl"
    report.write_text('{"input": "old", "status": "failed", "reason": "old"}\n')
    result = _build(tmp_path / "good.txt", "-o", tmp_path / "out", "--report", report, "--quiet")
    assert result.exit_code == Exit.OK, result.output
    assert report.read_text() == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "out", "report.jsonl"]


def test_cli_report_is_written_when_no_input_could_be_read(tmp_path):
    report = tmp_path / "report.jsonl"
    result = _build(tmp_path / "missing.txt", "-o", tmp_path / "out", "--report", report)
    assert result.exit_code == Exit.INPUTS
    assert _report(report) == [{"input": str(tmp_path / "missing.txt"), "status": "failed",
                                "reason": "no such file or directory"}]


def test_cli_report_lists_documents_the_store_already_holds_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text("Iran backed Hamas.\n")
    store, report = tmp_path / "kg", tmp_path / "report.jsonl"
    assert _build(tmp_path / "a.txt", "--store", store).exit_code == Exit.OK
    result = _build(tmp_path / "a.txt", tmp_path / "b.txt", "--store", store, "--report", report)
    assert result.exit_code == Exit.OK, result.output
    assert _report(report) == [{"input": str(tmp_path / "a.txt"), "status": "skipped",
                                "reason": "unchanged since it was added to the store"}]
    lines = result.stderr.splitlines()
    assert "documents  2 read, 1 skipped (unchanged in the store), 0 failed" in lines
    assert any(line.startswith("facts ") and "in the store: " in line for line in lines)


def test_cli_report_of_an_interrupted_build_lists_what_it_had_met(tmp_path):
    """A real Ctrl-C (SIGINT) while the documents are read: exit 130, and the report holds
    the failure met before it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(60):
        (corpus / f"d{n}.txt").write_text(ARTICLE * 20)
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.7\n")
    report = tmp_path / "report.jsonl"
    build = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(tmp_path / "paper.pdf"),
                              str(corpus), "-o", str(tmp_path / "out"), "--report", str(report),
                              "-j", "1"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    first = build.stderr.readline()       # the PDF's line: the inputs are being read
    build.send_signal(signal.SIGINT)
    rest = build.stderr.read()
    assert build.wait() == Exit.INTERRUPTED
    assert "paper.pdf: a PDF document" in first and "Aborted!" in rest
    assert [(r["input"], r["status"]) for r in _report(report)] == [
        (str(tmp_path / "paper.pdf"), "failed")]


def test_cli_report_that_cannot_be_written_is_one_line_and_exit_status_4(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "a-file").write_text("")
    report = tmp_path / "a-file" / "report.jsonl"
    result = _build(tmp_path / "good.txt", "-o", tmp_path / "out", "--report", report, "--quiet")
    assert result.exit_code == Exit.WRITE
    assert [l for l in result.stderr.splitlines() if str(report) in l] == [
        f"kgbuilder: {report}: cannot write the report (file exists)"]
    assert "Haifa" in (tmp_path / "out" / "graph.ttl").read_text()
    assert "Traceback" not in result.output
