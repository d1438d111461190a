"""Time expressions resolved against the document's date, and attached to facts."""
from __future__ import annotations

from datetime import date

import pytest

from extractors import TextInput, extract
from extractors.relations.dates import parse_iso_date, resolve_date

MONDAY = date(2020, 3, 16)  # a Monday in week 12 of 2020


@pytest.mark.parametrize("text,anchor,expected", [
    # calendar dates: the year from the text, else the one nearest to the document's date
    ("on March 26, 2019", MONDAY, "2019-03-26"),
    ("26 March 2019", None, "2019-03-26"),
    ("2019-03-26", None, "2019-03-26"),
    ("on March 12", MONDAY, "2020-03-12"),
    ("on March 26", MONDAY, "2020-03-26"),
    ("on March 26", date(2020, 1, 2), "2020-03-26"),
    ("on December 28", date(2020, 1, 2), "2019-12-28"),
    ("Dec. 30", MONDAY, "2019-12-30"),
    ("the 3rd of March", MONDAY, "2020-03-03"),
    ("February 30", MONDAY, None),
    # weekdays: the latest one on or before the document's date; "last" means before it
    ("on Friday", MONDAY, "2020-03-13"),
    ("Monday", MONDAY, "2020-03-16"),
    ("last Monday", MONDAY, "2020-03-09"),
    ("Wednesday night", MONDAY, "2020-03-11"),
    ("next Tuesday", MONDAY, "2020-03-17"),
    ("yesterday", MONDAY, "2020-03-15"),
    ("three days ago", MONDAY, "2020-03-13"),
    # coarser precision: ISO week, month, year
    ("last week", MONDAY, "2020-W11"),
    ("this week", MONDAY, "2020-W12"),
    ("two weeks ago", MONDAY, "2020-W10"),
    ("last month", MONDAY, "2020-02"),
    ("last month", date(2020, 1, 10), "2019-12"),
    ("in January", MONDAY, "2020-01"),
    ("in November", MONDAY, "2019-11"),
    ("in April", MONDAY, "2020-04"),
    ("March 2019", None, "2019-03"),
    ("in 2019", None, "2019"),
    ("last year", MONDAY, "2019"),
    # nothing to place: no date
    ("for decades", MONDAY, None),
    ("recent months", MONDAY, None),
    ("on Friday", None, None),
    ("last week", None, None),
])
def test_dates_resolve_expression_against_document_date(text, anchor, expected):
    assert resolve_date(text, anchor) == expected


@pytest.mark.parametrize("text,expected", [
    ("2020-03-05", date(2020, 3, 5)), ("2020-03-05T08:00:00+03:00", date(2020, 3, 5)),
    ("5 March 2020", None), ("2020-13-01", None), (None, None),
])
def test_dates_document_date_is_iso_8601(text, expected):
    assert parse_iso_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Friday", "2020-03-20"), ("Monday", "2020-03-16"), ("last Friday", "2020-03-13"),
    ("March 12", "2020-03-12"),
])
def test_dates_planned_fact_reads_a_bare_weekday_forward(text, expected):
    assert resolve_date(text, MONDAY, future=True) == expected


def _facts(nlp, cues, text, date_=None):
    rec = next(extract([TextInput("t", text, date=date_)], nlp=nlp, cues=cues))
    names = {e.key: e.name for e in rec.entities}
    return {(names[f.subject.entity], f.relation, names[f.object.entity]): f for f in rec.facts}


def test_dates_fact_gets_the_time_of_its_sentence(nlp, cues):
    facts = _facts(nlp, cues, "Hezbollah fired rockets at Haifa on Friday.", "2021-06-14")
    [fact] = [f for k, f in facts.items() if k[1] == "attacked"]
    assert (fact.time, fact.time_text) == ("2021-06-11", "Friday")


def test_dates_fact_without_time_in_its_sentence_has_none(nlp, cues):
    facts = _facts(nlp, cues, "Iran sent weapons to Syria last week. Hezbollah fired rockets at Haifa.",
                   "2021-06-14")
    attacked = [f for k, f in facts.items() if k[1] == "attacked"]
    assert attacked and all(f.time is None for f in attacked)


def test_dates_relative_time_without_document_date_is_left_out(nlp, cues):
    facts = _facts(nlp, cues, "Hezbollah fired rockets at Haifa on Friday.")
    assert facts and all(f.time is None for f in facts.values())


def test_dates_month_and_year_keep_their_precision(nlp, cues):
    facts = _facts(nlp, cues, "Washington sanctioned Hezbollah in May 2019.")
    assert {f.time for f in facts.values()} == {"2019-05"}
