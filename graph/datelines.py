"""The date a plain-text article gives itself: an ISO date or a dateline at its top.

News agencies open a story with a dateline ("BAGHDAD, March 5, 2020 (Reuters) - ...");
saved articles often start with a line that is only the date ("2020-03-05",
"Thursday 5 March 2020"). Only the top of the text is read, its first three lines (a
headline, a byline, the dateline): what comes before a dateline's dash, or a short line
that is a date with at most two other words. A date further down is an event's, not
the article's.
"""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_FORMS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<num>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
)
# the dash that ends a dateline: " - ", " -- ", en or em dash
_DATELINE_END = re.compile(r"\s(?:--?|[\u2013\u2014])\s|[\u2013\u2014]")
#: a line up to this long may be a date line of its own, or a dateline before its dash
SHORT_LINE = 60
#: how many lines at the top are read: a headline, a byline, the dateline
TOP_LINES = 3


def dateline_date(text: str) -> str | None:
    """The ISO date at the top of ``text``, if its first line or dateline gives one.

    >>> dateline_date("BAGHDAD, March 5, 2020 (Reuters) - Rockets hit the base on 7 March 2020.")
    '2020-03-05'
    >>> dateline_date("Thursday 5 Mar. 2020\\n\\nRockets hit the base.")
    '2020-03-05'
    >>> dateline_date("Rockets Hit Base\\n\\nBAGHDAD, 5 March 2020 — Rockets hit the base.")
    '2020-03-05'
    >>> dateline_date("Rockets hit the base on March 7, 2020, officials said.") is None
    True
    """
    lines = [line.strip() for line in text[:2000].split("\n") if line.strip()][:TOP_LINES]
    for line in lines:
        end = _DATELINE_END.search(line[:120])
        if end is not None and end.start() <= SHORT_LINE:
            found = _first_date(line[:end.start()])
            if found:
                return found
        if len(line) <= SHORT_LINE:
            found = _first_date(line, whole_line=True)
            if found:
                return found
    return None


def _first_date(text: str, *, whole_line: bool = False) -> str | None:
    """The first date of ``text``; with ``whole_line``, only when little else is around it
    (a weekday, "Published:"), as a line holding the date alone does."""
    for form in _FORMS:
        for match in form.finditer(text):
            rest = (text[:match.start()] + text[match.end():]).split()
            if whole_line and len(rest) > 2:
                continue
            found = _iso(match)
            if found:
                return found
    return None


def _iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    month = int(groups["num"]) if groups.get("num") else _MONTHS.get(groups["month"].lower())
    if month is None:
        return None
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None
