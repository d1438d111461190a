"""Markdown's own metadata: a front matter block, else a first-line heading, as the title.

Static-site generators and note tools (Jekyll, Hugo, Obsidian) put a YAML block fenced by
``---`` lines at the top of a Markdown file. Its ``title``, ``date`` and ``url`` (or
``link``, ``canonical_url``, ``permalink``) become the document's metadata, and the block
is taken out of the text, so that ``title:`` lines are not read as the article's first
sentences. Only top-level ``key: value`` lines are read (quoted or not); lists and nested
keys are passed over. A fenced block without one ``key:`` line is not front matter and
stays. Without a title there, a first line ``# Heading`` is the title (and stays in the
text: it is the article's headline).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_HEADING = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_KEYS = {"title": "title", "date": "date", "url": "url", "link": "url", "canonical_url": "url",
         "permalink": "url"}


@dataclass(frozen=True)
class Markdown:
    """A Markdown document's text without its front matter, and its metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def read_markdown(text: str) -> Markdown:
    """Split a Markdown text into its metadata and its text.

    >>> md = read_markdown('---\\ntitle: "Ferry route approved"\\ndate: 2024-05-14\\n---\\nThe board met.')
    >>> md.text, md.title, md.date
    ('The board met.', 'Ferry route approved', '2024-05-14')
    >>> read_markdown("# Ferry route approved\\n\\nThe board met.").title
    'Ferry route approved'
    """
    meta: dict[str, str] = {}
    found = _FENCE.match(text)
    fields = _fields(found.group(1)) if found is not None else []
    if fields:
        meta = {_KEYS[k.lower()]: v for k, v in fields if k.lower() in _KEYS and v}
        text = text[found.end():]
    if "title" not in meta:
        heading = _HEADING.match(text)
        if heading is not None:
            meta["title"] = heading.group(1)
    return Markdown(text, meta.get("title"), meta.get("date"), meta.get("url"))


def _fields(block: str) -> list[tuple[str, str]]:
    """The top-level ``key: value`` lines of a front matter block."""
    found = (_FIELD.match(line) for line in block.splitlines())
    return [(m.group(1), _unquoted(m.group(2))) for m in found if m is not None]


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
