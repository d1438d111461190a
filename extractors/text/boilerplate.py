"""Page boilerplate: the parts of a news page that are not the article.

Web pages carry station idents, view counters, donation pleas, sponsor lines and
photo captions repeated twice. These yield no facts. The functions here find them
by their shape, and blank them out with spaces so that character offsets into the
document stay true.
"""
from __future__ import annotations

import re

# lines that are page furniture wherever they appear
_FURNITURE = re.compile(
    r"""^\s*(?:
        \d[\d,.]*\s*views?\s*\d*\s*comments?      # "197 views0 comments"
      | (?:top|bottom)\s+of\s+page
      | support\s+comes\s+from
      | advertisement | sponsored(?:\s+content)?
      | copyright\b.* | ©.* | all\s+rights\s+reserved.*
      | (?:share|tweet|email|print)(?:\s+(?:this|on\s+\w+))?
      | (?:sign\s+up|subscribe)\b.*
      | related(?:\s+(?:articles?|stories|content))?
      | read\s+more\b.* | click\s+here\b.*
      | .*\bwriter'?s\s+picture.*
      | member\s+station
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# paragraphs that ask the reader for money or attention
_PLEA = re.compile(
    r"\b(?:paywall|pledge|donat(?:e|ion)|newsletter|subscribe|subscription|support\s+(?:our|independent)\s+journalism)\b",
    re.IGNORECASE,
)
# a radio or TV ident: call letters and a frequency ("News 88.9 KNPR")
_IDENT = re.compile(r"^\s*[\w ]{0,30}\b\d{2,3}\.\d\b[\w ]{0,30}$")


def _paragraphs(text: str):
    """Yield (start, end) of each non-empty line of ``text``."""
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            yield m.start(), m.end()


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Return the character spans of ``text`` that are page boilerplate.

    >>> boilerplate_spans("Support comes from\\nIran backed the group.")
    [(0, 18)]
    """
    spans = []
    seen: set[str] = set()
    for start, end in _paragraphs(text):
        line = text[start:end]
        key = " ".join(line.split()).casefold()
        if (_FURNITURE.match(line) or _IDENT.match(line)
                or (_PLEA.search(line) and len(key.split()) > 8)
                or (key in seen and len(key.split()) > 3)):
            spans.append((start, end))
        seen.add(key)
    return spans


def blank_boilerplate(text: str) -> str:
    """Return ``text`` with its boilerplate replaced by spaces, offsets unchanged.

    >>> blank_boilerplate("197 views0 comments\\nIran backed KH.")
    '                   \\nIran backed KH.'
    """
    chars = list(text)
    for start, end in boilerplate_spans(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)
