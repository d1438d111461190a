"""Reading inputs: every bad input is named with a reason; the rest is read."""
from __future__ import annotations

import io

import pytest

from graph.inputs import InputProblem, read_inputs


def _split(items):
    docs = [i for i in items if not isinstance(i, InputProblem)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return docs, problems


def test_inputs_text_file_is_one_document(tmp_path):
    (tmp_path / "a.txt").write_text("Iran backed Hamas.")
    docs, problems = _split(list(read_inputs([str(tmp_path / "a.txt")])))
    assert [(d.doc_id, d.text) for d in docs] == [("a", "Iran backed Hamas.")]
    assert problems == []


def test_inputs_directory_reads_text_and_jsonl_files(tmp_path):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.md").write_text("Two.")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Three.", "date": "2020-01-03"}\n')
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    docs, _ = _split(list(read_inputs([str(tmp_path)])))
    assert sorted(d.doc_id for d in docs) == ["a", "b", "c1"]
    assert next(d for d in docs if d.doc_id == "c1").date == "2020-01-03"


@pytest.mark.parametrize("setup,reason", [
    (lambda p: None, "no such file or directory"),
    (lambda p: p.mkdir(), "directory has no .txt, .md or .jsonl files"),
    (lambda p: p.write_bytes(b"\x00\x01\x02binary"), "binary file, not text"),
    (lambda p: p.write_text("   \n"), "empty file"),
])
def test_inputs_bad_input_is_named_with_its_reason(tmp_path, setup, reason):
    path = tmp_path / "in.txt"
    setup(path)
    _, problems = _split(list(read_inputs([str(path)])))
    assert [(p.source, p.reason, p.fatal) for p in problems] == [(str(path), reason, True)]


def test_inputs_malformed_jsonl_line_is_named_by_number_and_others_read(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "1", "text": "One."}\n{"id": 2, "text": \n{"id": "3", "text": "Three."}\n')
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [d.doc_id for d in docs] == ["1", "3"]
    assert [p.source for p in problems] == [f"{path}:2"]
    assert problems[0].reason.startswith("malformed JSON")


def test_inputs_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    docs, problems = _split(list(read_inputs([str(path)])))
    assert docs[0].text == "Caf\ufffd owners protested."
    assert [(p.fatal, "not valid UTF-8" in p.reason) for p in problems] == [(False, True)]


def test_inputs_dash_reads_stdin():
    stream = io.TextIOWrapper(io.BytesIO(b"Iran backed Hamas."))
    docs, _ = _split(list(read_inputs(["-"], stdin=stream)))
    assert [(d.doc_id, d.text) for d in docs] == [("stdin", "Iran backed Hamas.")]


def test_inputs_jsonl_date_not_iso_is_a_warning_and_the_document_is_read(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "1", "text": "One.", "date": "5 March 2020"}\n'
                    '{"id": "2", "text": "Two.", "date": "2020-03-05"}\n')
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [(d.doc_id, d.date) for d in docs] == [("1", "5 March 2020"), ("2", "2020-03-05")]
    [problem] = problems
    assert (problem.source, problem.fatal) == (f"{path}:1", False)
    assert problem.reason.startswith("\"date\" '5 March 2020' is not ISO 8601")
