"""Typography normalised for the parser: same length, names kept whole, offsets true."""
from __future__ import annotations

import pytest

from extractors.text.normalise import normalise_for_parser


@pytest.mark.parametrize("text,plain", [
    ("Tower\u00a022", "Tower 22"),
    ("Burma\u2019s army", "Burma's army"),
    ("\u201cWe will respond,\u201d he said", '"We will respond," he said'),
    ("al\u2011Shabab", "al-Shabab"),
    ("North Ossetia\u2013Alania", "North Ossetia-Alania"),
    ("Jama\u02bcat", "Jama'at"),
    # the em dash separates clauses and stays
    ("Los Choneros\u2014a gang", "Los Choneros\u2014a gang"),
])
def test_normalise_is_plain_and_same_length(text, plain):
    assert normalise_for_parser(text) == plain
    assert len(normalise_for_parser(text)) == len(text)


@pytest.mark.parametrize("text,expected", [
    # a no-break space inside a numbered site
    ("Militants attacked Tower\u00a022 in Jordan on Sunday.",
     {("Tower 22", "Facility"), ("Jordan", "Country")}),
    # a curly possessive before a region and its kind
    ("Fighting displaced thousands in Ethiopia\u2019s Ebole district.",
     {("Ethiopia", "Country"), ("Ebole", "Region")}),
    # a thin space before a curly possessive
    ("Gunmen struck in Somalia\u2019s Gedo\u2009region on Monday.",
     {("Somalia", "Country"), ("Gedo", "City")}),
])
def test_normalised_names_stay_whole(read, text, expected):
    assert {(e.name, e.cls) for e in read(text).entities} == expected


def test_offsets_point_into_the_original_text(read):
    text = "In Burma\u2019s southeast Karen\u00a0State, the militia runs compounds near Myawaddy."
    record = read(text)
    assert record.text == text
    facts = [f for f in record.facts if f.relation == "locatedIn"]
    assert facts
    for f in facts:
        for m in (f.subject, f.object):
            assert normalise_for_parser(text[m.start:m.end]) == m.text
