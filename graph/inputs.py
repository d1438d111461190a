"""Reading the user's inputs: files, directories, JSONL and stdin.

Every problem with an input becomes an :class:`InputProblem` naming the input and the
reason; reading goes on with the next input, or the next line of a JSONL file.

A document's id is, for a file named on the command line, its name without the suffix;
for a file found in a directory, its path relative to the directory given, without the
suffix (``2020/report``); for JSONL, its ``"id"``; for standard input, ``stdin``. Two
documents with one id are never merged: the second is refused with a one-line error
naming the first.
"""
from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path

from extractors.records import TextInput
from graph.datelines import dateline_date
from graph.decode import decode
from graph.jsonl import looks_like_jsonl, read_jsonl
from graph.problems import InputProblem, os_reason

__all__ = ["InputFormat", "InputProblem", "read_inputs"]

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}
#: suffixes of documents that are not plain text, and what they are
NOT_TEXT = {".pdf": "a PDF document", ".html": "an HTML page", ".htm": "an HTML page",
            ".xhtml": "an HTML page", ".doc": "a Word document", ".docx": "a Word document",
            ".odt": "an OpenDocument text", ".rtf": "an RTF document", ".epub": "an EPUB book"}
#: how long a named pipe is given to get a writer
PIPE_WAIT = 1.0


class InputFormat(str, Enum):
    """How standard input and named files are read; ``auto``: by suffix, or by content for stdin."""

    AUTO = "auto"
    TEXT = "text"
    JSONL = "jsonl"


def read_inputs(specs: Iterable[str], *, stdin=None, input_format: InputFormat = InputFormat.AUTO,
                date: str | None = None) -> Iterator[TextInput | InputProblem]:
    """Yield a :class:`TextInput` per document, or an :class:`InputProblem`.

    Args:
        specs: file paths, directories (searched for .txt, .md and .jsonl files), or
            ``-`` for standard input.
        stdin: the stream read for ``-`` (``sys.stdin`` by default).
        input_format: how ``-`` and files named in ``specs`` are read.
        date: the date (ISO 8601) of plain-text documents whose top gives none.
    """
    seen: dict[str, str] = {}   # document id -> where it was read
    for item in _documents(specs, stdin, InputFormat(input_format), date):
        if isinstance(item, InputProblem):
            yield item
            continue
        where, doc = item
        first = seen.setdefault(doc.doc_id, where)
        if first != where:
            yield InputProblem(where, f"document id {doc.doc_id!r} is already used by "
                                      f"{first}; ids must be unique, so this one is skipped")
            continue
        yield doc


#: a document and where it was read (``file`` or ``file:line``)
_Found = tuple[str, TextInput]


def _documents(specs, stdin, fmt: InputFormat, date) -> Iterator[_Found | InputProblem]:
    for spec in specs:
        if spec == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, fmt, date)
            continue
        try:
            info = os.stat(spec)
        except OSError as err:
            yield InputProblem(spec, os_reason(err))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _read_directory(Path(spec), spec, date)
        else:
            yield from _read_file(Path(spec), spec, spec_id(Path(spec).name), fmt, date)


def spec_id(name: str) -> str:
    """The document id of a file name: the name without its last suffix.

    >>> spec_id("report.txt"), spec_id("2020/report.md"), spec_id(".hidden")
    ('report', '2020/report', '.hidden')
    """
    path = Path(name)
    stem = path.stem if path.suffix else path.name
    return (path.parent / stem).as_posix() if str(path.parent) != "." else stem


def _read_directory(root: Path, spec: str, date) -> Iterator[_Found | InputProblem]:
    wanted = TEXT_SUFFIXES | JSONL_SUFFIXES
    problems: list[InputProblem] = []

    def unreadable(err: OSError) -> None:
        problems.append(InputProblem(err.filename or spec, f"cannot read directory ({os_reason(err)})"))

    found = 0
    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs.sort()
        yield from problems
        problems.clear()
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower() not in wanted:
                continue
            found += 1
            rel = path.relative_to(root).as_posix()
            yield from _read_file(path, str(path), spec_id(rel), InputFormat.AUTO, date)
    yield from problems
    if not found:
        yield InputProblem(spec, "directory has no .txt, .md or .jsonl files")


def _read_file(path: Path, source: str, doc_id: str, fmt: InputFormat, date
               ) -> Iterator[_Found | InputProblem]:
    suffix = path.suffix.lower()
    if fmt is InputFormat.AUTO and suffix in NOT_TEXT:
        yield InputProblem(source, f"{NOT_TEXT[suffix]}, not plain text; kgbuilder reads .txt, "
                                   ".md and .jsonl files (save or extract the text first)")
        return
    data = _read_bytes(path, source)
    if isinstance(data, InputProblem):
        yield data
        return
    text, notes = decode(data, source)
    yield from notes
    jsonl = fmt is InputFormat.JSONL or (fmt is InputFormat.AUTO and suffix in JSONL_SUFFIXES)
    yield from _documents_of(text, source, doc_id, jsonl, date)


def _read_stdin(stream, fmt: InputFormat, date) -> Iterator[_Found | InputProblem]:
    raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
    text, notes = decode(raw, "<stdin>")
    yield from notes
    jsonl = fmt is InputFormat.JSONL or (fmt is InputFormat.AUTO and text is not None
                                         and looks_like_jsonl(text))
    yield from _documents_of(text, "<stdin>", "stdin", jsonl, date)


def _documents_of(text: str | None, source: str, doc_id: str, jsonl: bool, date
                  ) -> Iterator[_Found | InputProblem]:
    """The documents of one decoded input (None: it was not text, already said)."""
    if text is None:
        return
    if jsonl:
        for where, item in read_jsonl(text, source):
            yield item if isinstance(item, InputProblem) else (where, item)
        return
    if not text.strip():
        yield InputProblem(source, "empty input" if source == "<stdin>" else "empty file")
        return
    yield source, TextInput(doc_id=doc_id, text=text, date=dateline_date(text) or date)


def _read_bytes(path: Path, source: str) -> bytes | InputProblem:
    """The bytes of a regular file or a pipe; a problem for anything else or an error."""
    try:
        info = os.stat(path)
        if stat.S_ISFIFO(info.st_mode):
            return _read_pipe(path, source)
        if not stat.S_ISREG(info.st_mode):
            return InputProblem(source, f"not a regular file ({_kind(info.st_mode)})")
        return path.read_bytes()
    except OSError as err:
        return InputProblem(source, f"cannot read ({os_reason(err)})")


def _read_pipe(path: Path, source: str) -> bytes | InputProblem:
    """Read a named pipe, waiting at most :data:`PIPE_WAIT` seconds for a writer.

    Opened without blocking: an ordinary open waits for a writer forever. Until a writer
    has come, a read returns nothing; once one has, a read either returns data or would
    block, and the pipe is then read to its end.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        deadline = time.monotonic() + PIPE_WAIT
        while True:
            try:
                first = os.read(fd, 1 << 16)
            except BlockingIOError:
                first = None     # a writer is there, with nothing written yet
            if first == b"":
                if time.monotonic() > deadline:
                    return InputProblem(source, f"a named pipe with no writer (waited "
                                                f"{PIPE_WAIT:g} s)")
                time.sleep(0.02)
                continue
            os.set_blocking(fd, True)
            chunks = [first] if first else []
            while chunk := os.read(fd, 1 << 16):
                chunks.append(chunk)
            return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"
