"""JSON Lines inputs: one ``{"id", "text", optional "date", "title", "url"}`` object a line.

Lines are split on ``\\n`` only. JSON strings may hold U+2028, U+2029 and U+0085 raw, and
scraped news does; ``str.splitlines`` would cut such a document in two. A file is read
line by line (:func:`read_jsonl_stream`), so a corpus of any size never sits in memory.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from datetime import date

from extractors.records import TextInput
from graph.problems import InputProblem

#: optional fields and the JSON type each must have
META = ("title", "url", "date")


def read_jsonl(text: str, source: str) -> Iterator[tuple[str, TextInput | InputProblem]]:
    """Per non-blank line, where it is (``source:line``) and its document or problem.

    >>> [(where, d.doc_id) for where, d in read_jsonl('{"id": "a", "text": "x\\u2028y"}\\n{"id": 7, "text": "z"}', "f")]
    [('f:1', 'a'), ('f:2', '7')]
    """
    for n, line in enumerate(text.split("\n"), start=1):
        yield from _numbered(line, f"{source}:{n}")


def read_jsonl_stream(lines: Iterable[bytes], source: str
                      ) -> Iterator[tuple[str, TextInput | InputProblem]]:
    """:func:`read_jsonl` of UTF-8 lines as they are read (a binary file iterates on ``\\n``).

    A line that is not valid UTF-8 is read with replacement characters and a warning.

    >>> [(w, d.text) for w, d in read_jsonl_stream([b'\\xef\\xbb\\xbf{"id": 1, "text": "x"}\\n'], "f")]
    [('f:1', 'x')]
    """
    for n, raw in enumerate(lines, start=1):
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        where = f"{source}:{n}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw.decode("utf-8", errors="replace")
            yield where, InputProblem(where, f"not valid UTF-8 (byte {err.start} of the line); "
                                             "decoded with replacement characters", fatal=False)
        yield from _numbered(line, where)


def _numbered(line: str, where: str) -> Iterator[tuple[str, TextInput | InputProblem]]:
    if line.strip():
        for item in _read_line(line, where):
            yield where, item


def _read_line(line: str, where: str) -> Iterator[TextInput | InputProblem]:
    """The document of one line, after any warnings about it; or why there is none."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        yield InputProblem(where, f"malformed JSON ({err.msg})")
        return
    if not isinstance(obj, dict):
        yield InputProblem(where, "expected a JSON object with \"id\" and \"text\"")
        return
    fixed = ({k: _without_surrogates(v) if isinstance(v, str) else v for k, v in obj.items()}
             if "\\ud" in line.lower() else obj)
    if fixed != obj:
        obj = fixed
        yield InputProblem(where, "a \\u escape stands for half a character (a lone surrogate); "
                                  "replaced by U+FFFD", fatal=False)
    doc_id, body = obj.get("id"), obj.get("text")
    if doc_id is None or body is None:
        yield InputProblem(where, "missing \"id\" or \"text\"")
        return
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or not str(doc_id).strip():
        yield InputProblem(where, f"\"id\" must be a non-empty string or a whole number, "
                                  f"not {_shown(doc_id)}")
        return
    if not isinstance(body, str):
        yield InputProblem(where, f"\"text\" must be a string, not {_shown(body)}")
        return
    if not body.strip():
        yield InputProblem(where, "empty text")
        return
    meta = {}
    for key in META:
        value = obj.get(key)
        if value is None or isinstance(value, str):
            meta[key] = value
        else:
            meta[key] = None
            yield InputProblem(where, f"\"{key}\" must be a string, not {_shown(value)}; "
                                      "ignored", fatal=False)
    if meta["date"] is not None and not is_iso_date(meta["date"]):
        yield InputProblem(where, f"\"date\" {meta['date']!r} is not ISO 8601 (YYYY-MM-DD); "
                                  "kept as text, and times such as \"on Friday\" are not "
                                  "resolved", fatal=False)
    yield TextInput(doc_id=str(doc_id), text=body, **meta)


def looks_like_jsonl(text: str) -> bool:
    """Whether the first non-blank line of ``text`` is a JSON object with a "text" field.

    >>> looks_like_jsonl('\\n{"id": 1, "text": "x"}\\n'), looks_like_jsonl("{Iran} said")
    (True, False)
    """
    first = next((line for line in text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(obj, dict) and "text" in obj


def is_iso_date(text: str) -> bool:
    """Whether a document date starts with an ISO 8601 calendar date.

    >>> is_iso_date("2020-03-05T10:00Z"), is_iso_date("5 March 2020")
    (True, False)
    """
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (from a ``\\ud83d`` escape) replaced by U+FFFD:
    spaCy, like any UTF-8 writer, cannot encode one.

    >>> _without_surrogates("a\\ud83db")
    'a\\ufffdb'
    """
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _shown(value) -> str:
    kind = {bool: "a boolean", int: "a number", float: "a number", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)
    shown = json.dumps(value, ensure_ascii=True)
    return f"{kind} ({shown[:40]}{'…' if len(shown) > 40 else ''})"
