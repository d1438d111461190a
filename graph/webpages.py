"""HTML pages: the article's text out of the page's furniture, and its title, date and URL.

trafilatura finds the article (navigation, footers, cookie notices and link lists are
left out) and reads the page's metadata: the title from ``og:title`` or ``<title>``, the
date from ``article:published_time`` and the other date meta tags (the date the page
was first published, never one guessed from its text), the URL from the canonical link
or ``og:url``. They become the document's ``dcterms:title``, ``dcterms:date`` and
``schema:url``. Precision is favoured and no second extractor is tried: a page whose
article cannot be found is a problem named with its file, not a document made of menus.
"""
from __future__ import annotations

import logging
import re

from extractors.records import TextInput
from graph.datelines import dateline_date
from graph.jsonl import is_iso_date
from graph.problems import InputProblem

#: what trafilatura reads of a page's dates: only its metadata, and the first publication
_DATES = {"extensive_search": False, "original_date": True}

_LINE_BREAKS = re.compile(r"\s*\n\s*")


def read_page(html: str, source: str, doc_id: str, date: str | None = None
              ) -> TextInput | InputProblem:
    """The article of an HTML page as a document, or why there is none.

    Paragraphs are separated by a blank line, as in a plain-text article. The page's
    date wins over ``date`` (the fallback for pages that give none).

    >>> doc = read_page('<html><head><title>Port news</title></head><body><nav><a href="/">'
    ...                 'Home</a></nav><article><p>Iran backed Hamas.</p></article></body></html>',
    ...                 "a.html", "a")
    >>> doc.text, doc.title
    ('Iran backed Hamas.', 'Port news')
    """
    found = _extract(html)
    text = _LINE_BREAKS.sub("\n\n", found.text).strip() if found is not None and found.text else ""
    if not text:
        return InputProblem(source, "an HTML page with no article text (only page furniture "
                                    "such as menus and footers was found)")
    page_date = found.date if found.date and is_iso_date(found.date) else None
    return TextInput(doc_id=doc_id, text=text, title=found.title or None, url=found.url or None,
                     date=page_date or dateline_date(text) or date)


def _extract(html: str):
    """trafilatura's document (text and metadata) of a page, or None."""
    import trafilatura  # here: it costs a quarter of a second to import, and most builds read no HTML

    # trafilatura logs pages it finds empty at level ERROR; read_page says so in one line
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True, fast=True,
                                       include_comments=False, deduplicate=False,
                                       date_extraction_params=_DATES)
