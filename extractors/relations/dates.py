"""When a fact happened, where the text says it: date expressions resolved to ISO 8601.

spaCy finds the DATE (and TIME) entities of a sentence; :func:`resolve_date` turns one
into an ISO 8601 value of the precision the text gives, against the document's date:
``2020-03-26`` (a day), ``2020-W12`` (a week), ``2020-03`` (a month), ``2020`` (a
year). An expression it cannot place ("for decades", "in recent months") gives ``None``,
and so does a relative one ("on Friday") when the document has no date.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from extractors.records import Fact, Factuality
from extractors.relations.words import table

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_UNITS = {"day": 1, "week": 7}


def _calendar(kind: str) -> dict[str, int]:
    """Month names ("month"), weekday names ("weekday") or number words ("number") -> number."""
    return {word: int(number) for word, (k, number) in table("calendar_words").items()
            if k == kind}


_PATTERNS: dict[int, list[re.Pattern]] = {}


def _absolute() -> list[re.Pattern]:
    """Calendar dates, most specific first; each match is anchored on the whole expression
    after a leading "on", "in", "the", "early"/"late" and the like were dropped."""
    months = _calendar("month")
    key = hash(tuple(sorted(months.items())))
    if key not in _PATTERNS:
        m = r"(?P<month>" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
        _PATTERNS[key] = [
            re.compile(rf"{_YEAR}-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)"),           # 2020-03-26
            re.compile(rf"{m}\s+{_DAY},?\s+{_YEAR}"),                             # March 26, 2020
            re.compile(rf"{_DAY}\s+(?:of\s+)?{m},?\s+{_YEAR}"),                   # 26 March 2020
            re.compile(rf"{m}\s+{_DAY}"),                                        # March 26
            re.compile(rf"{_DAY}\s+(?:of\s+)?{m}"),                              # 26 March
            re.compile(rf"{m},?\s+{_YEAR}"),                                     # March 2020
            re.compile(rf"{m}"),                                                 # March
            re.compile(rf"{_YEAR}"),                                             # 2020
        ]
    return _PATTERNS[key]

_LEADING = re.compile(r"^(?:(?:on|in|of|during|since|by|from|at|the|early|late|mid|"
                      r"earlier|later|this\s+past|past)\b[\s-]*)+")
_TRAILING = re.compile(r"(?:\s+(?:morning|afternoon|evening|night|this\s+year))+$")


def parse_iso_date(text: str | None) -> date | None:
    """The date at the start of an ISO 8601 date or date-time, or None.

    >>> parse_iso_date("2020-03-05T10:00:00Z")
    datetime.date(2020, 3, 5)
    >>> parse_iso_date("March 5") is None
    True
    """
    m = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", text or "")
    if not m:
        return None
    try:
        return date(*map(int, m.groups()))
    except ValueError:
        return None


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _nearest(month: int, day: int, anchor: date) -> date | None:
    """The date with this month and day nearest to ``anchor`` (the year is left implicit).

    Ties go to the earlier date: news mostly looks back.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: (abs((d - anchor).days), d), default=None)


def _relative(text: str, anchor: date, future: bool) -> str | None:
    if text in ("today", "tonight"):
        return anchor.isoformat()
    if text in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat()
    if text == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    m = re.fullmatch(r"(?:(?P<rel>last|next|this|previous|coming)\s+)?(?P<wd>[a-z]+?)s?", text)
    weekdays = _calendar("weekday")
    if m and m["wd"] in weekdays:
        back = (anchor.weekday() - weekdays[m["wd"]]) % 7
        if m["rel"] in ("next", "coming"):
            return (anchor + timedelta(days=(7 - back) % 7 or 7)).isoformat()
        if future and m["rel"] is None:
            return (anchor + timedelta(days=(7 - back) % 7)).isoformat()
        if m["rel"] in ("last", "previous") and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat()
    m = re.fullmatch(r"(?P<rel>last|this|next|previous)\s+(?P<unit>week|month|year)", text)
    if m:
        step = {"last": -1, "previous": -1, "this": 0, "next": 1}[m["rel"]]
        if m["unit"] == "week":
            return _week(anchor + timedelta(weeks=step))
        if m["unit"] == "month":
            months = anchor.year * 12 + anchor.month - 1 + step
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return f"{anchor.year + step:04d}"
    m = re.fullmatch(r"(?P<n>\d+|[a-z]+)\s+(?P<unit>day|week)s?\s+ago", text)
    numbers = _calendar("number")
    if m and (m["n"].isdigit() or m["n"] in numbers):
        n = int(m["n"]) if m["n"].isdigit() else numbers[m["n"]]
        d = anchor - timedelta(days=n * _UNITS[m["unit"]])
        return d.isoformat() if m["unit"] == "day" else _week(d)
    return None


def resolve_date(text: str, anchor: date | None, *, future: bool = False) -> str | None:
    """Resolve a date expression against the document's date, to ISO 8601.

    The result has the precision of the text: a day, an ISO week, a month or a year. A
    day or month without a year is the one nearest to the document's date; a bare
    weekday is the latest one on or before it, or with ``future`` (a planned fact) the
    next one on or after it.

    >>> resolve_date("on March 26", date(2020, 3, 30))
    '2020-03-26'
    >>> resolve_date("December 30", date(2020, 1, 5))
    '2019-12-30'
    >>> resolve_date("Friday", date(2020, 3, 16))   # a Monday
    '2020-03-13'
    >>> resolve_date("Friday", date(2020, 3, 16), future=True)
    '2020-03-20'
    >>> resolve_date("last week", date(2020, 3, 16))
    '2020-W11'
    >>> resolve_date("in March 2019", None)
    '2019-03'
    >>> resolve_date("Friday", None) is None
    True
    """
    text = " ".join(text.lower().replace("’", "'").split()).strip(" .,;'\"")
    text = _TRAILING.sub("", _LEADING.sub("", text)).strip()
    for pattern in _absolute():
        m = pattern.fullmatch(text)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["nmonth"]) if groups.get("nmonth") else \
            _calendar("month").get(groups.get("month"))
        year = int(groups["year"]) if groups.get("year") else None
        day = int(groups["day"]) if groups.get("day") else None
        try:
            if day is not None and year is not None:
                return date(year, month, day).isoformat()
            if day is not None:
                if anchor is None:
                    return None
                d = _nearest(month, day, anchor)
                return d.isoformat() if d else None
        except ValueError:
            return None
        if month is not None and year is not None:
            return f"{year:04d}-{month:02d}"
        if month is not None:
            if anchor is None:
                return None
            nearest = _nearest(month, 1, anchor.replace(day=1))
            return f"{nearest.year:04d}-{month:02d}"
        return f"{year:04d}"
    return _relative(text, anchor, future) if anchor is not None else None


def _distance(start: int, end: int, lo: int, hi: int) -> int:
    return max(lo - end, start - hi, 0)


def attach_times(doc, facts: list[Fact], doc_date: str | None) -> list[Fact]:
    """Give each fact the time its sentence states, if any.

    Reads the DATE and TIME entities inside each fact's sentence; the one nearest to
    the span between the fact's two mentions that resolves wins; a planned fact reads a
    bare weekday forward. A fact whose sentence names no resolvable time keeps
    ``time=None``.

    Args:
        doc: the spaCy ``Doc`` the facts were read from.
        facts: the facts, as :func:`extractors.relations.reading.relation_facts` returns them.
        doc_date: the document's date (ISO 8601), for relative expressions.
    """
    anchor = parse_iso_date(doc_date)
    spans = [(ent.start_char, ent.end_char, ent.text) for ent in doc.ents
             if ent.label_ in ("DATE", "TIME")]
    if not spans:
        return facts
    cache: dict[tuple[str, bool], str | None] = {}
    out = []
    for fact in facts:
        lo = min(fact.subject.start, fact.object.start)
        hi = max(fact.subject.end, fact.object.end)
        candidates = sorted(
            (_distance(start, end, lo, hi), start, text) for start, end, text in spans
            if fact.sentence.start <= start and end <= fact.sentence.end)
        future = fact.factuality is Factuality.PLANNED  # "will visit on Friday"
        for _, _, text in candidates:
            key = (text, future)
            if key not in cache:
                cache[key] = resolve_date(text, anchor, future=future)
            if cache[key] is not None:
                fact = replace(fact, time=cache[key], time_text=text)
                break
        out.append(fact)
    return out
