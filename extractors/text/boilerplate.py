"""Page boilerplate: the parts of a news page that are not the article.

Web pages carry station idents, view counters, sponsor lines, link lists, appeals to the
reader and photo captions repeated twice. These yield no facts. They are recognised by
their shape, never by one word in a paragraph ("Iran renewed its pledge to back the
Houthis" is news):

* a **short line** (at most twelve words) that is furniture as a whole: a sponsor line, a
  counter, "Sign up for our newsletter" (the patterns are the lexicon's ``page_furniture``);
* a **station ident**: call letters and a frequency ("News 88.9 KNPR");
* a **repeated line** of more than three words (a caption printed twice);
* a **link list**: a line of three or more short items between ``|`` or ``•``;
* an **appeal to the reader** among the furniture: right after furniture (the copyright
  line that ends the article), a paragraph outside quotation marks that says "you" or
  "your" two or more times and at least once every twenty words (the lexicon's
  ``reader_pronouns``); inside the article the same shape is a speech ("no matter where
  you hide, ... will find you") and stays.

They are blanked with spaces, so character offsets into the document stay true.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import Lexicon, load_lexicon

_SHORT_LINE = 12       # words: furniture lines are short
_READER_WORDS = 2      # second-person words that make a paragraph an appeal ...
_READER_RATE = 20      # ... at least one every this many words
# a radio or TV ident: call letters and a frequency ("News 88.9 KNPR")
_IDENT = re.compile(r"^\s*[\w ]{0,30}\b\d{2,3}\.\d\b[\w ]{0,30}$")
# a line of short items between separators ("Home | World | Middle East")
_LINK_LIST = re.compile(r"^\s*(?:[^|•\n]{1,40}[|•]){2,}[^|•\n]{1,40}$")
_QUOTES = re.compile(r"[\"“”]")


@lru_cache(maxsize=4)
def _furniture(patterns: frozenset[str]) -> re.Pattern:
    alternation = "|".join(f"(?:{p})" for p in sorted(patterns))
    return re.compile(rf"^\s*(?:{alternation})\s*$", re.IGNORECASE)


def _paragraphs(text: str):
    """Yield (start, end) of each non-empty line of ``text``."""
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            yield m.start(), m.end()


def _addresses_reader(line: str, words: list[str], lexicon: Lexicon) -> bool:
    """Whether a paragraph speaks to the reader ("If you value our reporting, you can ...")."""
    if _QUOTES.search(line):
        return False  # a quotation: someone in the story speaks to someone
    second = sum(w.strip(".,;:!?—-()") in lexicon.words("reader_pronouns") for w in words)
    return second >= _READER_WORDS and second * _READER_RATE >= len(words)


def boilerplate_spans(text: str, *, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """Return the character spans of ``text`` that are page boilerplate.

    >>> boilerplate_spans("Support comes from\\nIran backed the group.")
    [(0, 18)]
    """
    lexicon = lexicon or load_lexicon()
    furniture = _furniture(lexicon.words("page_furniture"))
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    after_furniture = False
    for start, end in _paragraphs(text):
        line = text[start:end]
        key = " ".join(line.split()).casefold()
        words = key.split()
        is_furniture = bool(
            (len(words) <= _SHORT_LINE and furniture.match(line))
            or _IDENT.match(line) or _LINK_LIST.match(line)
            or (key in seen and len(words) > 3)
            or (after_furniture and _addresses_reader(line, words, lexicon)))
        if is_furniture:
            spans.append((start, end))
        after_furniture = is_furniture
        seen.add(key)
    return spans


def blank_boilerplate(text: str, *, lexicon: Lexicon | None = None) -> str:
    """Return ``text`` with its boilerplate replaced by spaces, offsets unchanged.

    >>> blank_boilerplate("197 views0 comments\\nIran backed KH.")
    '                   \\nIran backed KH.'
    """
    chars = list(text)
    for start, end in boilerplate_spans(text, lexicon=lexicon):
        chars[start:end] = " " * (end - start)
    return "".join(chars)
