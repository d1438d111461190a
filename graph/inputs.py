"""Reading the user's inputs: files, directories, glob patterns, JSONL and stdin.

Every problem with an input becomes an :class:`InputProblem` naming the input and the
reason; reading goes on with the next input, or the next line of a JSONL file.

What is read: ``.txt`` and ``.md`` files as plain text (a Markdown front matter gives the
title, date and URL, :mod:`graph.frontmatter`); ``.html`` and ``.htm`` pages
through :mod:`graph.webpages` (the article, its title, date and URL); ``.jsonl`` and
``.jsonl.gz`` files line by line as they are read (:func:`graph.jsonl.read_jsonl_stream`),
never whole; directories, searched recursively for all of these; glob patterns (``*``,
``?``, ``[...]`` and ``**`` for any depth), expanded here so that a quoted pattern works
as well as one the shell expanded; ``-`` for standard input (JSONL streamed, or one text
or HTML document).

A document's id is, for a file named on the command line, its name without the suffix;
for a file found in a directory or by a pattern, its path relative to the directory (or
to the pattern's folder part), without the suffix (``2020/report``); for JSONL, its
``"id"``; for standard input, ``stdin``. Two documents with one id are never merged: the
second is refused with a one-line error naming the first.
"""
from __future__ import annotations

import glob
import gzip
import io
import itertools
import os
import re
import stat
import sys
import time
import zlib
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path

from extractors.records import TextInput
from graph.datelines import dateline_date
from graph.decode import SNIFF, decode, is_html, streamable
from graph.frontmatter import read_markdown
from graph.jsonl import is_iso_date, looks_like_jsonl, read_jsonl, read_jsonl_stream
from graph.problems import InputProblem, os_reason
from graph.webpages import read_page

__all__ = ["InputFormat", "InputProblem", "read_inputs", "read_located"]

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".jsonl.gz"}
#: what a directory is searched for
WANTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
#: suffixes of documents that are not plain text, and what they are
NOT_TEXT = {".pdf": "a PDF document", ".doc": "a Word document", ".docx": "a Word document",
            ".odt": "an OpenDocument text", ".rtf": "an RTF document", ".epub": "an EPUB book"}
#: how long a named pipe is given to get a writer
PIPE_WAIT = 1.0

_GLOB = re.compile(r"[*?[]")


class InputFormat(str, Enum):
    """How standard input and named files are read; ``auto``: by suffix, or by content for stdin."""

    AUTO = "auto"
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"


def read_inputs(specs: Iterable[str], *, stdin=None, input_format: InputFormat = InputFormat.AUTO,
                date: str | None = None) -> Iterator[TextInput | InputProblem]:
    """Yield a :class:`TextInput` per document, or an :class:`InputProblem`.

    Args:
        specs: file paths, directories (searched for .txt, .md, .html, .htm, .jsonl and
            .jsonl.gz files), glob patterns, or ``-`` for standard input.
        stdin: the stream read for ``-`` (``sys.stdin`` by default).
        input_format: how ``-`` and files named in ``specs`` are read.
        date: the date (ISO 8601) of text documents whose top gives none.
    """
    for item in read_located(specs, stdin=stdin, input_format=input_format, date=date):
        yield item if isinstance(item, InputProblem) else item[1]


#: a document and where it was read (``file`` or ``file:line``)
Located = tuple[str, TextInput]


def read_located(specs: Iterable[str], *, stdin=None,
                 input_format: InputFormat = InputFormat.AUTO, date: str | None = None
                 ) -> Iterator[Located | InputProblem]:
    """:func:`read_inputs`, each document with where it was read (``file`` or ``file:line``)."""
    seen: dict[str, str] = {}   # document id -> where it was read
    for item in _documents(specs, stdin, InputFormat(input_format), date):
        if isinstance(item, InputProblem):
            yield item
            continue
        where, doc = item
        first = seen.get(doc.doc_id)
        if first is None:
            seen[doc.doc_id] = where
            yield item
        elif first == where:   # one file named twice, or matched by two patterns
            yield InputProblem(where, "given more than once; read once", fatal=False)
        else:
            yield InputProblem(where, f"document id {doc.doc_id!r} is already used by "
                                      f"{first}; ids must be unique, so this one is skipped")


def _documents(specs, stdin, fmt: InputFormat, date) -> Iterator[Located | InputProblem]:
    for spec in specs:
        if spec == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, fmt, date)
            continue
        try:
            info = os.stat(spec)
        except FileNotFoundError as err:
            if _GLOB.search(spec):
                yield from _read_pattern(spec, fmt, date)
            else:
                yield InputProblem(spec, os_reason(err))
            continue
        except OSError as err:
            yield InputProblem(spec, os_reason(err))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _read_directory(Path(spec), spec, date)
        else:
            yield from _read_file(Path(spec), spec, spec_id(Path(spec).name), fmt, date)


def _read_pattern(pattern: str, fmt: InputFormat, date) -> Iterator[Located | InputProblem]:
    """The files a glob pattern matches, each read as if named; directories it matches searched."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputProblem(pattern, "no file matches this pattern")
        return
    root = _pattern_root(pattern)
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _read_directory(path, match, date)
        else:
            rel = os.path.relpath(match, root) if root else match
            yield from _read_file(path, match, spec_id(Path(rel).as_posix()), fmt, date)


def _pattern_root(pattern: str) -> str:
    """The folders of a pattern before its first wildcard (ids are relative to it).

    >>> _pattern_root("corpus/2020/**/*.txt"), _pattern_root("*.md"), _pattern_root("/a/b?/c")
    ('corpus/2020', '', '/a')
    """
    parts = pattern.split("/")
    fixed = list(itertools.takewhile(lambda part: not _GLOB.search(part), parts[:-1]))
    return "/".join(fixed) or ("/" if pattern.startswith("/") and fixed else "")


def spec_id(name: str) -> str:
    """The document id of a file name: the name without its last suffix.

    >>> spec_id("report.txt"), spec_id("2020/report.md"), spec_id(".hidden")
    ('report', '2020/report', '.hidden')
    """
    path = Path(name)
    stem = path.stem if path.suffix else path.name
    return (path.parent / stem).as_posix() if str(path.parent) != "." else stem


def _read_directory(root: Path, spec: str, date) -> Iterator[Located | InputProblem]:
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
            if _suffix(path) not in WANTED:
                continue
            found += 1
            rel = path.relative_to(root).as_posix()
            yield from _read_file(path, str(path), spec_id(rel), InputFormat.AUTO, date)
    yield from problems
    if not found:
        yield InputProblem(spec, "directory has no .txt, .md, .html, .htm, .jsonl or .jsonl.gz files")


def _suffix(path: Path) -> str:
    """The suffix that says how a file is read, ``.jsonl.gz`` being one.

    >>> _suffix(Path("a/News.JSONL.gz")), _suffix(Path("b.html"))
    ('.jsonl.gz', '.html')
    """
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _read_file(path: Path, source: str, doc_id: str, fmt: InputFormat, date
               ) -> Iterator[Located | InputProblem]:
    suffix = _suffix(path)
    if fmt is InputFormat.AUTO and suffix in NOT_TEXT:
        yield InputProblem(source, f"{NOT_TEXT[suffix]}, not plain text; kgbuilder reads .txt, "
                                   ".md, .html, .jsonl and .jsonl.gz files (save or extract the "
                                   "text first)")
        return
    if fmt is InputFormat.AUTO:
        fmt = (InputFormat.JSONL if suffix in JSONL_SUFFIXES
               else InputFormat.HTML if suffix in HTML_SUFFIXES else InputFormat.AUTO)
    compressed = path.name.lower().endswith(".gz")
    if fmt is InputFormat.JSONL and _is_regular(path):
        yield from _stream_file(path, source, compressed)
        return
    data = _read_bytes(path, source)
    if isinstance(data, InputProblem):
        yield data
        return
    if compressed:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            yield InputProblem(source, f"cannot read as gzip ({_damage(err)})")
            return
    text, notes = decode(data, source)
    yield from notes
    yield from _documents_of(text, source, doc_id, fmt, date)


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False   # _read_bytes names the reason


def _stream_file(path: Path, source: str, compressed: bool) -> Iterator[Located | InputProblem]:
    """A JSONL file, plain or gzip, read line by line; damage ends it with a problem, and the
    documents before the damage are kept."""
    try:
        stream = gzip.open(path, "rb") if compressed else open(path, "rb")
    except OSError as err:
        yield InputProblem(source, f"cannot read ({os_reason(err)})")
        return
    with stream:
        yield from _stream_lines(stream, source)


def _stream_lines(stream, source: str, head: list[bytes] | None = None
                  ) -> Iterator[Located | InputProblem]:
    """JSONL from a binary stream, streamed when it is UTF-8 text, else decoded whole.

    ``head``: lines already taken from the stream (standard input's first ones).
    """
    lines_read = 0

    def counted(lines):
        nonlocal lines_read
        for raw in lines:
            lines_read += 1
            yield raw

    try:
        start = b"".join(head) if head is not None else stream.peek(SNIFF)[:SNIFF]
        if not streamable(start[:SNIFF]):
            text, notes = decode(b"".join(head or []) + stream.read(), source)
            yield from notes
            yield from _documents_of(text, source, "", InputFormat.JSONL, None)
            return
        lines = itertools.chain(head, stream) if head is not None else stream
        for where, item in read_jsonl_stream(counted(lines), source):
            yield item if isinstance(item, InputProblem) else (where, item)
    except (OSError, EOFError, zlib.error) as err:
        if lines_read == 0:
            yield InputProblem(source, f"cannot read ({_damage(err)})")
        else:
            yield InputProblem(source, f"damaged data after line {lines_read} ({_damage(err)}); "
                                       f"the documents before it are read")


def _damage(err: BaseException) -> str:
    """What is wrong with a stream that failed while being read, in a user's words."""
    if isinstance(err, EOFError):
        return "the compressed data ends too soon: the file is cut short"
    if isinstance(err, gzip.BadGzipFile) and str(err).startswith("Not a gzipped file"):
        return "not gzip data"
    if isinstance(err, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip data: {err}"
    return os_reason(err) if isinstance(err, OSError) else str(err)


def _read_stdin(stream, fmt: InputFormat, date) -> Iterator[Located | InputProblem]:
    """Standard input: JSONL streamed line by line, or one text or HTML document."""
    binary = stream.buffer if hasattr(stream, "buffer") else io.BytesIO(stream.read().encode())
    head: list[bytes] = []
    if fmt in (InputFormat.AUTO, InputFormat.JSONL):
        while line := binary.readline():   # up to the first line that is not blank
            head.append(line)
            if line.strip():
                break
        taken = b"".join(head)
        first = taken.decode("utf-8", errors="replace").lstrip("\ufeff")
        if streamable(taken[:SNIFF]) and (fmt is InputFormat.JSONL or looks_like_jsonl(first)):
            yield from _stream_lines(binary, "<stdin>", head=head)
            return
    text, notes = decode(b"".join(head) + binary.read(), "<stdin>")
    yield from notes
    yield from _documents_of(text, "<stdin>", "stdin", fmt, date)


def _documents_of(text: str | None, source: str, doc_id: str, fmt: InputFormat, date
                  ) -> Iterator[Located | InputProblem]:
    """The documents of one decoded input (None: it was not text, already said)."""
    if text is None:
        return
    if fmt is InputFormat.JSONL:
        for where, item in read_jsonl(text, source):
            yield item if isinstance(item, InputProblem) else (where, item)
        return
    if not text.strip():
        yield InputProblem(source, "empty input" if source == "<stdin>" else "empty file")
        return
    if fmt is InputFormat.HTML or is_html(text):
        page = read_page(text, source, doc_id, date)
        yield page if isinstance(page, InputProblem) else (source, page)
        return
    md = read_markdown(text)
    if not md.text.strip():
        yield InputProblem(source, "no text after the front matter")
        return
    own_date = md.date if md.date and is_iso_date(md.date) else None
    yield source, TextInput(doc_id=doc_id, text=md.text, title=md.title, url=md.url,
                            date=own_date or dateline_date(md.text) or date)


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
