"""Bytes of an input to text: which encoding, and whether it is text at all.

UTF-8 is the default. A byte-order mark says UTF-8, UTF-16 or UTF-32; UTF-16 without a
mark is recognised by its pattern of zero bytes. A file is called binary only when it is
none of these: a stray NUL in otherwise good UTF-8 text is replaced and reported, not
taken for binary. PDF is recognised and refused by name, since its bytes are not what a
reader of the file sees; HTML is recognised (:func:`is_html`) so that its article text is
read out of the markup (:mod:`graph.webpages`).
"""
from __future__ import annotations

import codecs
import re

from graph.problems import InputProblem

#: how many leading bytes are looked at to tell text from binary
SNIFF = 8192

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"))

_HTML = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)

# control characters that plain text does not contain (tab, newlines, form feed excepted)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, source: str) -> tuple[str | None, list[InputProblem]]:
    """The text of ``data`` (None when it is not text) and what to say about it.

    >>> decode("Iran".encode("utf-16"), "a.txt")[0]
    'Iran'
    >>> decode(b"%PDF-1.7 ...", "a.txt")[1][0].reason
    'a PDF document, not plain text; extract its text first (for example with pdftotext)'
    """
    if data.startswith(b"%PDF-"):
        return None, [InputProblem(source, "a PDF document, not plain text; extract its text "
                                           "first (for example with pdftotext)")]
    return _text(data, source)


def is_html(text: str) -> bool:
    """Whether a decoded text is an HTML page (a doctype or ``<html>`` first).

    >>> is_html("<!-- saved -->\\n<!DOCTYPE html><html>..."), is_html("<b>Iran</b> said")
    (True, False)
    """
    return _HTML.match(text[:SNIFF]) is not None


def streamable(head: bytes) -> bool:
    """Whether a file starting with ``head`` can be read line by line as UTF-8: no PDF, no
    UTF-16 or UTF-32, not binary (those are read whole, through :func:`decode`).

    >>> streamable(b'{"id": 1}\\n'), streamable("{".encode("utf-16")), streamable(b"%PDF-1.7")
    (True, False, False)
    """
    if head.startswith(b"%PDF-") or b"\x00" in head:
        return False
    if any(head.startswith(bom) for bom, codec, _ in _BOMS if codec != "utf-8"):
        return False
    sample = head.decode("utf-8", errors="replace")
    return not _mostly_not_text(sample, sample.count("\ufffd"))


def _text(data: bytes, source: str) -> tuple[str | None, list[InputProblem]]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return text, [_warning(source, f"{name} text with a byte-order mark; decoded as {name}")]
    head = data[:SNIFF]
    if b"\x00" in head:
        codec = _utf16_without_bom(head)
        if codec is not None:
            text = data.decode(codec, errors="replace")
            return text, [_warning(source, f"UTF-16 text without a byte-order mark; decoded as {codec}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        if _mostly_not_text(text[:SNIFF], text[:SNIFF].count("\ufffd")):
            return None, [InputProblem(source, "binary file, not text")]
        return text, [_warning(source, f"not valid UTF-8 (byte {err.start}); "
                                       "decoded with replacement characters")]
    if "\x00" in text and _mostly_not_text(text[:SNIFF], 0):
        return None, [InputProblem(source, "binary file, not text")]
    if "\x00" in text:
        return text.replace("\x00", " "), [_warning(source, f"{text.count(chr(0))} NUL bytes in the "
                                                            "text; each read as a space")]
    return text, []


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when zero bytes fill one side of most byte pairs."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    for codec, side in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if side.count(0) >= 0.9 * pairs:
            try:
                head[:pairs * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _mostly_not_text(sample: str, bad: int) -> bool:
    """Whether a decoded sample is too full of control or replacement characters to be text."""
    if not sample:
        return False
    return (bad + len(_CONTROL.findall(sample))) / len(sample) > 0.05


def _warning(source: str, reason: str) -> InputProblem:
    return InputProblem(source, reason, fatal=False)
