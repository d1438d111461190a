"""Reading inputs: every bad input is named with a reason; the rest is read."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from graph.inputs import InputProblem, read_inputs
from tests.conftest import ROOT


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
    (lambda p: p.mkdir(), "directory has no .txt, .md, .html, .htm, .jsonl or .jsonl.gz files"),
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


def test_inputs_same_name_in_two_subdirectories_gives_two_documents(tmp_path):
    """Regression: 2020/report.txt and 2021/report.txt were both id "report", one document."""
    for year in ("2020", "2021"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "report.txt").write_text(f"Iran backed Hamas in {year}.")
    docs, problems = _split(list(read_inputs([str(tmp_path)])))
    assert [(d.doc_id, d.text[-5:]) for d in docs] == [("2020/report", "2020."), ("2021/report", "2021.")]
    assert problems == []


@pytest.mark.parametrize("names,lines", [
    (("news.txt", "news.md"), None),
    (("a.jsonl",), ['{"id": "x", "text": "One."}', '{"id": "y", "text": "Two."}',
                    '{"id": "x", "text": "Three."}']),
])
def test_inputs_documents_with_one_id_are_refused_not_merged(tmp_path, names, lines):
    """Regression: news.txt and news.md, or two JSONL lines with one id, became one document."""
    paths = [tmp_path / n for n in names]
    for path in paths:
        path.write_text("\n".join(lines) + "\n" if lines else f"Iran backed Hamas ({path.name}).")
    docs, problems = _split(list(read_inputs(map(str, paths))))
    assert len({d.doc_id for d in docs}) == len(docs)
    [problem] = problems
    first, second = (f"{paths[0]}:1", f"{paths[0]}:3") if lines else (str(paths[0]), str(paths[1]))
    assert (problem.source, problem.fatal) == (second, True)
    assert f"is already used by {first}" in problem.reason


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_inputs_jsonl_keeps_raw_line_separators_inside_strings(tmp_path, separator):
    """Regression: the reader split lines on U+2028/U+2029/U+0085 and lost the document."""
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "1", "text": "One.' + separator + 'Still one."}\n{oops\n'
                    '{"id": "3", "text": "Three."}\n', encoding="utf-8")
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [(d.doc_id, d.text) for d in docs] == [("1", f"One.{separator}Still one."), ("3", "Three.")]
    assert [p.source for p in problems] == [f"{path}:2"]


@pytest.mark.parametrize("encoding,note", [
    ("utf-16", "UTF-16 text with a byte-order mark"),
    ("utf-16-le", "UTF-16 text without a byte-order mark"),
    ("utf-16-be", "UTF-16 text without a byte-order mark"),
    ("utf-8-sig", "UTF-8 text with a byte-order mark"),
])
def test_inputs_utf16_and_utf8_with_bom_are_text(tmp_path, encoding, note):
    path = tmp_path / "a.txt"
    path.write_bytes("Iran backed Hamas in Gaza, said Zarif.".encode(encoding))
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [d.text for d in docs] == ["Iran backed Hamas in Gaza, said Zarif."]
    assert [(p.fatal, p.reason.startswith(note)) for p in problems] == [(False, True)]


def test_inputs_a_stray_nul_byte_in_text_is_not_binary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Iran backed Hamas." + b"\x00" + b" Israel struck Gaza. " * 20)
    docs, problems = _split(list(read_inputs([str(path)])))
    assert docs[0].text.startswith("Iran backed Hamas.  Israel")
    assert [(p.fatal, p.reason) for p in problems] == [(False, "1 NUL bytes in the text; each read as a space")]


def _fifo(path):
    os.mkfifo(path)


def _loop(path):
    path.symlink_to(path.name)


@pytest.mark.parametrize("name,setup,reason", [
    ("loop.txt", _loop, "too many levels of symbolic links"),
    ("pipe.txt", _fifo, "a named pipe with no writer (waited 1 s)"),
    ("paper.pdf", lambda p: p.write_bytes(os.urandom(4096)), "a PDF document, not plain text"),
    ("paper.txt", lambda p: p.write_bytes(b"%PDF-1.4\n" + os.urandom(4096)), "a PDF document, not plain text"),
    ("noise.txt", lambda p: p.write_bytes(bytes(range(128, 256)) * 40), "binary file, not text"),
])
def test_inputs_special_inputs_are_named_with_the_true_reason(tmp_path, name, setup, reason):
    path = tmp_path / name
    setup(path)
    started = time.monotonic()
    _, problems = _split(list(read_inputs([str(path)])))
    assert time.monotonic() - started < 5
    assert [(p.source, p.fatal) for p in problems] == [(str(path), True)]
    assert problems[0].reason.startswith(reason)


def test_inputs_named_pipe_with_a_writer_is_read(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    writer = subprocess.Popen(["sh", "-c", f"sleep 0.3; printf 'Iran backed Hamas.' > '{path}'"])
    docs, problems = _split(list(read_inputs([str(path)])))
    writer.wait()
    assert [(d.doc_id, d.text) for d in docs] == [("pipe", "Iran backed Hamas.")]
    assert problems == []


def test_inputs_unreadable_subdirectory_is_named(tmp_path):
    """As root, permissions do not stop reading; the reader runs without the capabilities
    that bypass them (capsh), as an ordinary user would."""
    if not shutil.which("capsh"):
        pytest.skip("capsh is not installed")
    (tmp_path / "ok.txt").write_text("Iran backed Hamas.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Israel struck Gaza.")
    locked.chmod(0)
    script = ("import sys; from graph.inputs import read_inputs\n"
              "for item in read_inputs([sys.argv[1]]): print(repr(item))")
    try:
        done = subprocess.run(["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--",
                               "-c", f'exec "$0" -c "$1" "$2"', sys.executable, script, str(tmp_path)],
                              cwd=ROOT, capture_output=True, text=True)
    finally:
        locked.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert f"InputProblem(source='{locked}', reason='cannot read directory (permission denied)'" in done.stdout
    assert "doc_id='ok'" in done.stdout


@pytest.mark.parametrize("line,field,shown", [
    ('{"id": "1", "text": "One.", "date": 20200101}', "date", "a number (20200101)"),
    ('{"id": "1", "text": "One.", "title": 5}', "title", "a number (5)"),
    ('{"id": "1", "text": "One.", "url": ["a"]}', "url", 'a list (["a"])'),
])
def test_inputs_jsonl_field_of_the_wrong_type_is_a_warning(tmp_path, line, field, shown):
    path = tmp_path / "d.jsonl"
    path.write_text(line + "\n")
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [(d.doc_id, getattr(d, field)) for d in docs] == [("1", None)]
    assert [(p.source, p.reason, p.fatal) for p in problems] == [
        (f"{path}:1", f'"{field}" must be a string, not {shown}; ignored', False)]


def test_inputs_names_are_printed_on_one_line_without_raw_escapes(tmp_path):
    path = tmp_path / "evil\nname\x1b[2J.txt"
    path.write_bytes(b"")
    [problem] = list(read_inputs([str(path)]))
    line = str(problem)
    assert "\n" not in line and "\x1b" not in line
    assert line.endswith("evil\\nname\\x1b[2J.txt: empty file")


@pytest.mark.parametrize("text,date_option,expected", [
    ("BAGHDAD, March 5, 2020 (Reuters) - Rockets hit the base.", None, "2020-03-05"),
    ("2020-03-05\n\nRockets hit the base.", "2021-01-01", "2020-03-05"),
    ("Rockets Hit Base\n\nBEIRUT, 2 March 2020 \u2014 Rockets hit the base.", None, "2020-03-02"),
    ("Rockets hit the base on 7 March 2020.", "2021-01-01", "2021-01-01"),
    ("Rockets hit the base on 7 March 2020.", None, None),
])
def test_inputs_text_file_takes_its_date_from_the_dateline_or_the_option(tmp_path, text, date_option,
                                                                          expected):
    path = tmp_path / "a.txt"
    path.write_text(text)
    docs, _ = _split(list(read_inputs([str(path)], date=date_option)))
    assert [d.date for d in docs] == [expected]


@pytest.mark.parametrize("fmt", ["auto", "jsonl"])
def test_inputs_jsonl_on_stdin_is_read_as_jsonl(fmt):
    stream = io.TextIOWrapper(io.BytesIO(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'))
    docs, problems = _split(list(read_inputs(["-"], stdin=stream, input_format=fmt)))
    assert [(d.doc_id, d.text) for d in docs] == [("a", "One."), ("b", "Two.")]
    assert problems == []


def test_inputs_stdin_as_text_when_asked_even_if_it_looks_like_jsonl():
    raw = b'{"id": "a", "text": "One."}\n'
    stream = io.TextIOWrapper(io.BytesIO(raw))
    docs, _ = _split(list(read_inputs(["-"], stdin=stream, input_format="text")))
    assert [(d.doc_id, d.text) for d in docs] == [("stdin", raw.decode())]


def test_inputs_jsonl_lone_surrogate_escape_is_replaced_with_a_warning(tmp_path):
    """Regression: "\\ud83d" alone (half an emoji, cut by a scraper) reached spaCy, which
    cannot encode it: a traceback and the build lost."""
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "1", "text": "Rockets hit Haifa \\ud83d today. \\ud83d\\ude00"}\n')
    docs, problems = _split(list(read_inputs([str(path)])))
    assert [d.text for d in docs] == ["Rockets hit Haifa \ufffd today. \U0001f600"]
    assert [(p.source, p.fatal) for p in problems] == [(f"{path}:1", False)]


def _jsonl(*ids):
    # a digest in each text, so that a gzip of many lines is not tiny
    return "".join(json.dumps({"id": i, "text": f"Story {i}: {hashlib.sha256(i.encode()).hexdigest()}."})
                   + "\n" for i in ids).encode()


def test_inputs_glob_pattern_is_expanded_by_us_with_ids_relative_to_its_folder(tmp_path):
    for rel in ("2020/a.txt", "2020/deep/b.txt", "2021/c.txt", "2021/d.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"Story {rel}.")
    docs, problems = _split(list(read_inputs([f"{tmp_path}/**/*.txt"])))
    assert [d.doc_id for d in docs] == ["2020/a", "2020/deep/b", "2021/c"]
    assert problems == []


def test_inputs_glob_pattern_matching_nothing_is_one_problem_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text("Iran backed Hamas.")
    pattern = f"{tmp_path}/*.jsonl"
    docs, problems = _split(list(read_inputs([pattern, str(tmp_path / "a.txt")])))
    assert [d.doc_id for d in docs] == ["a"]
    assert [(p.source, p.reason) for p in problems] == [(pattern, "no file matches this pattern")]


def test_inputs_directory_is_searched_for_html_and_gzipped_jsonl(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.htm").write_text(
        "<html><head><title>Port</title></head><body><p>Iran backed Hamas.</p></body></html>")
    (tmp_path / "news.jsonl.gz").write_bytes(gzip.compress(_jsonl("g1", "g2")))
    docs, problems = _split(list(read_inputs([str(tmp_path)])))
    assert [(d.doc_id, d.title) for d in docs] == [("g1", None), ("g2", None), ("sub/page", "Port")]
    assert problems == []


@pytest.mark.parametrize("damage,reason", [
    (lambda data: data[:-30], "the compressed data ends too soon: the file is cut short"),
    (lambda data: data[:-8] + bytes(8), "corrupt gzip data: CRC check failed"),
    (lambda data: data[:len(data) // 2] + b"\xff" * 64 + data[len(data) // 2 + 64:],
     "corrupt gzip data: "),
])
def test_inputs_damaged_gzip_keeps_the_documents_before_the_damage(tmp_path, damage, reason):
    path = tmp_path / "news.jsonl.gz"
    whole = gzip.compress(_jsonl(*(f"d{n}" for n in range(2000))))
    path.write_bytes(damage(whole))
    docs, problems = _split(list(read_inputs([str(path)])))
    assert len(docs) > 100 and [d.doc_id for d in docs] == [f"d{n}" for n in range(len(docs))]
    # lines the damage garbled (malformed JSON, each named by its line), then the damage
    assert [(p.source, p.fatal) for p in problems[-1:]] == [(str(path), True)]
    assert all(p.source.startswith(f"{path}:") for p in problems[:-1])
    assert problems[-1].reason.startswith("damaged data after line ")
    assert reason in problems[-1].reason


def test_inputs_gz_that_is_not_gzip_is_named(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(_jsonl("a"))
    _, problems = _split(list(read_inputs([str(path)])))
    assert [str(p) for p in problems] == [f"{path}: cannot read (not gzip data)"]


def test_inputs_jsonl_on_a_pipe_is_read_line_by_line_before_its_end():
    """Each document is yielded as its line arrives: the stream is never read whole."""
    read_end, write_end = os.pipe()
    with os.fdopen(read_end, "rb") as stream, os.fdopen(write_end, "wb") as writer:
        writer.write(_jsonl("first"))
        writer.flush()
        items = read_inputs(["-"], stdin=io.TextIOWrapper(stream))
        assert next(items).doc_id == "first"     # the writer is still open
        writer.write(_jsonl("second"))
        writer.close()
        assert [d.doc_id for d in items] == ["second"]


def test_inputs_html_on_stdin_is_read_as_a_page():
    page = b"<!DOCTYPE html><html><head><title>Port</title></head><body><nav>Home</nav>" \
           b"<article><p>Iran backed Hamas.</p></article></body></html>"
    docs, problems = _split(list(read_inputs(["-"], stdin=io.TextIOWrapper(io.BytesIO(page)))))
    assert [(d.doc_id, d.text, d.title) for d in docs] == [("stdin", "Iran backed Hamas.", "Port")]
    assert problems == []


def test_inputs_utf16_jsonl_is_still_read_whole(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(_jsonl("a", "b").decode().encode("utf-16"))
    docs, _ = _split(list(read_inputs([str(path)])))
    assert [d.doc_id for d in docs] == ["a", "b"]


def test_inputs_jsonl_on_stdin_after_blank_lines_names_lines_by_their_number():
    raw = b'\n\n{"id": "a", "text": "One."}\n{broken\n'
    docs, problems = _split(list(read_inputs(["-"], stdin=io.TextIOWrapper(io.BytesIO(raw)))))
    assert [d.doc_id for d in docs] == ["a"]
    assert [p.source for p in problems] == ["<stdin>:4"]


def test_inputs_html_format_reads_a_page_whatever_its_suffix(tmp_path):
    path = tmp_path / "story.asp"
    path.write_text("<body><nav>Home | News</nav><article><p>Iran backed Hamas.</p></article></body>")
    docs, problems = _split(list(read_inputs([str(path)], input_format="html")))
    assert [(d.doc_id, d.text) for d in docs] == [("story", "Iran backed Hamas.")]
    assert problems == []


def test_inputs_file_given_twice_is_read_once_with_a_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Iran backed Hamas.")
    docs, problems = _split(list(read_inputs([str(path), f"{tmp_path}/*.txt"])))
    assert [d.doc_id for d in docs] == ["a"]
    assert [(p.source, p.reason, p.fatal) for p in problems] == [
        (str(path), "given more than once; read once", False)]
