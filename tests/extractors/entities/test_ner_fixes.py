"""Repairs of the model's entity spans: brackets split, cut names joined, titles dropped.

The rule functions are tested on Docs built by hand, so they do not depend on what the
model happens to tag; one test checks the component runs in the loaded pipeline.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractors.entities.ner_fixes import dateline_town, merge_adjacent, split_brackets, untitle_people
from extractors.lexicon import load_lexicon


def _doc(words: list[str], spaces: list[bool] | None = None, pos: list[str] | None = None) -> Doc:
    doc = Doc(Vocab(), words=words, spaces=spaces)
    for tok, p in zip(doc, pos or ["PROPN"] * len(words)):
        tok.pos_ = p
    return doc


def _texts(ents: list[Span]) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in ents]


def test_ner_fixes_bracketed_acronym_is_split_off():
    doc = _doc(["Jaysh", "al-Adl", "(", "JA", ")", "struck"],
               [True, True, False, False, True, False])
    ents = split_brackets(doc, [Span(doc, 0, 4, label="ORG")])
    assert _texts(ents) == [("Jaysh al-Adl", "ORG"), ("JA", "ORG")]


@pytest.mark.parametrize("first,second,joined", [
    (("Kataeb", "NORP"), ("Sayyid", "ORG"), [("Kataeb Sayyid", "ORG")]),
    # a country before an institution stays a country of its own
    (("Iraqi", "NORP"), ("Parliament", "ORG"), [("Iraqi", "NORP"), ("Parliament", "ORG")]),
    # a person next to an organisation is two things
    (("Lloyd", "PERSON"), ("Pentagon", "ORG"), [("Lloyd", "PERSON"), ("Pentagon", "ORG")]),
])
def test_ner_fixes_adjacent_name_parts_join(first, second, joined):
    doc = _doc([first[0], second[0], "said"])
    ents = merge_adjacent(doc, [Span(doc, 0, 1, label=first[1]), Span(doc, 1, 2, label=second[1])])
    assert _texts(ents) == joined


def test_ner_fixes_titled_person_taken_for_an_organisation():
    doc = _doc(["Defense", "Lloyd", "Austin", "spoke"])
    ents = untitle_people(doc, [Span(doc, 0, 3, label="ORG")], lexicon=load_lexicon())
    assert _texts(ents) == [("Lloyd Austin", "PERSON")]


def test_ner_fixes_titled_institution_stays():
    doc = _doc(["Defense", "Intelligence", "Agency", "said"])
    ents = untitle_people(doc, [Span(doc, 0, 3, label="ORG")], lexicon=load_lexicon())
    assert _texts(ents) == [("Defense Intelligence Agency", "ORG")]


def test_ner_fixes_component_runs_in_the_pipeline(nlp):
    assert "kgb_entity_fixes" in nlp.pipe_names
    doc = nlp("Officials blamed Jaysh al-Adl (JA) for the blast.")
    assert "JA" in {e.text for e in doc.ents}


def test_ner_fixes_untagged_bracketed_acronym_gets_the_names_label():
    doc = _doc(["Jaysh", "al-Adl", "(", "JA", ")", "struck"],
               [True, True, False, False, True, False])
    ents = split_brackets(doc, [Span(doc, 0, 2, label="ORG")])
    assert _texts(ents) == [("Jaysh al-Adl", "ORG"), ("JA", "ORG")]


@pytest.mark.parametrize("words,ents,expected", [
    # "TOWN, Region (Agency)": the town is a place
    (["NAIROBI", ",", "Kenya", "(", "AP", ")", "-", "Rain", "fell", "."],
     [(2, 3, "GPE"), (4, 5, "ORG")], ("NAIROBI", "GPE")),
    # "TWO WORDS (Agency)"
    (["SAN", "JOSE", "(", "Reuters", ")", "-", "Rain", "fell", "."],
     [(3, 4, "ORG")], ("SAN JOSE", "GPE")),
    # a shouted word before a comma and no place is no dateline
    (["STOP", ",", "said", "the", "officer", "."], [], None),
])
def test_ner_fixes_dateline_town_is_a_place(words, ents, expected):
    doc = _doc(words)
    spans = dateline_town(doc, [Span(doc, a, b, label=lab) for a, b, lab in ents])
    found = [(e.text, e.label_) for e in spans if e.start == 0]
    assert found == ([expected] if expected else [])
