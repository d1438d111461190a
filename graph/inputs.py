"""Reading the user's inputs: files, directories, JSONL and stdin.

Every problem with an input becomes an :class:`InputProblem` naming the input and the
reason; reading goes on with the next input, or the next line of a JSONL file.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from extractors.records import TextInput

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl"}


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read, or was read with a warning."""

    source: str
    reason: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def _decode(data: bytes, source: str) -> tuple[str | None, InputProblem | None]:
    if b"\x00" in data[:8192]:
        return None, InputProblem(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        return text, InputProblem(source, f"not valid UTF-8 (byte {err.start}); "
                                          "decoded with replacement characters", fatal=False)


def _doc_id(path: Path) -> str:
    return path.stem


def _read_jsonl(text: str, source: str) -> Iterator[TextInput | InputProblem]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputProblem(where, f"malformed JSON ({err.msg})")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(where, "expected a JSON object with \"id\" and \"text\"")
            continue
        doc_id, body = obj.get("id"), obj.get("text")
        if doc_id is None or not isinstance(body, str):
            yield InputProblem(where, "missing \"id\" or \"text\"")
            continue
        if not body.strip():
            yield InputProblem(where, "empty text")
            continue
        meta = {k: obj[k] if isinstance(obj.get(k), str) else None for k in ("title", "url", "date")}
        if meta["date"] is not None and not _is_iso_date(meta["date"]):
            yield InputProblem(where, f"\"date\" {meta['date']!r} is not ISO 8601 (YYYY-MM-DD); "
                                      "kept as text, and times such as \"on Friday\" are not "
                                      "resolved", fatal=False)
        yield TextInput(doc_id=str(doc_id), text=body, **meta)


def _is_iso_date(text: str) -> bool:
    """Whether a document date starts with an ISO 8601 calendar date.

    >>> _is_iso_date("2020-03-05T10:00Z"), _is_iso_date("5 March 2020")
    (True, False)
    """
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _read_file(path: Path, source: str) -> Iterator[TextInput | InputProblem]:
    try:
        data = path.read_bytes()
    except OSError as err:
        yield InputProblem(source, f"cannot read ({err.strerror})")
        return
    text, problem = _decode(data, source)
    if problem is not None:
        yield problem
    if text is None:
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(text, source)
        return
    if not text.strip():
        yield InputProblem(source, "empty file")
        return
    yield TextInput(doc_id=_doc_id(path), text=text)


def read_inputs(specs: Iterable[str], *, stdin=None) -> Iterator[TextInput | InputProblem]:
    """Yield a :class:`TextInput` per document, or an :class:`InputProblem`.

    Args:
        specs: file paths, directories (searched for .txt, .md and .jsonl files), or
            ``-`` for standard input.
        stdin: the stream read for ``-`` (``sys.stdin`` by default).
    """
    for spec in specs:
        if spec == "-":
            stream = stdin if stdin is not None else sys.stdin
            raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode()
            text, problem = _decode(raw, "<stdin>")
            if problem is not None:
                yield problem
            if text is not None and text.strip():
                yield TextInput(doc_id="stdin", text=text)
            elif text is not None:
                yield InputProblem("<stdin>", "empty input")
            continue
        path = Path(spec)
        if not path.exists():
            yield InputProblem(spec, "no such file or directory")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not files:
                yield InputProblem(spec, "directory has no .txt, .md or .jsonl files")
            for p in files:
                yield from _read_file(p, str(p))
        else:
            yield from _read_file(path, spec)
