"""Repairs of the model's entity spans: brackets split, cut names joined, titles dropped.

The rule functions are tested on Docs built by hand, so they do not depend on what the
model happens to tag; one test checks the component runs in the loaded pipeline.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractors.entities.ner_fixes import (dateline_town, extend_adjectives, first_names, merge_adjacent,
                                           person_tails, possessive_bodies, split_brackets,
                                           untitle_people)
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
    # a person cut in two is one person
    (("Maria", "PERSON"), ("Lindgren", "PERSON"), [("Maria Lindgren", "PERSON")]),
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


@pytest.mark.parametrize("words,ent,expected", [
    # the model cut the first name before a middle initial
    (["of", "State", "Maria", "K.", "Lindgren", "arrived"], (3, 5), [("Maria K. Lindgren", "PERSON")]),
    # a title before the initial stays out ("Secretary J. Smith")
    (["the", "Secretary", "J.", "Smith", "arrived"], (2, 4), [("J. Smith", "PERSON")]),
    # no initial: nothing to give back
    (["in", "Kabul", "Ahmad", "Shah", "arrived"], (2, 4), [("Ahmad Shah", "PERSON")]),
])
def test_ner_fixes_first_name_before_a_middle_initial(words, ent, expected):
    doc = _doc(words)
    assert _texts(first_names(doc, [Span(doc, *ent, label="PERSON")])) == expected


@pytest.mark.parametrize("words,heads,expected", [
    # "Islamic" (NORP) modifies the untagged "State": one name
    (["the", "Islamic", "State", "attacked"], [2, 2, 3, 3], [("Islamic State", "ORG")]),
    # a demonym stays the country's ("Iranian Army" is Iran and its army)
    (["the", "Iranian", "Army", "attacked"], [2, 2, 3, 3], [("Iranian", "NORP")]),
])
def test_ner_fixes_adjective_extends_to_its_noun(words, heads, expected):
    doc = Doc(Vocab(), words=words, heads=heads, deps=["det", "amod", "nsubj", "ROOT"])
    for tok in doc:
        tok.pos_ = "PROPN" if tok.text[0].isupper() else "DET"
    assert _texts(extend_adjectives(doc, [Span(doc, 1, 2, label="NORP")])) == expected


@pytest.mark.parametrize("words,pos,expected", [
    # the model stopped before the last names
    (["Yusuf", "Ali", "Hamid", "Osman", "spoke"], ["PROPN"] * 4 + ["VERB"], [("Yusuf Ali Hamid Osman", "PERSON")]),
    # an institution word after a name is no part of it
    (["Yusuf", "Ali", "Administration", "said"], ["PROPN"] * 3 + ["VERB"], [("Yusuf Ali", "PERSON")]),
    # a common noun is not a name
    (["Yusuf", "Ali", "troops", "left"], ["PROPN", "PROPN", "NOUN", "VERB"], [("Yusuf Ali", "PERSON")]),
])
def test_ner_fixes_person_keeps_its_last_names(words, pos, expected):
    doc = _doc(words, pos=pos)
    ents = person_tails(doc, [Span(doc, 0, 2, label="PERSON")], lexicon=load_lexicon())
    assert _texts(ents) == expected


@pytest.mark.parametrize("words,spans", [
    # two bodies joined by a possessive are two names
    (["the", "Treasury", "Department", "'s", "Financial", "Crimes", "Enforcement", "Network"],
     [("Treasury Department", "ORG"), ("Financial Crimes Enforcement Network", "ORG")]),
    # a possessive after "People" is inside one name
    (["the", "Korean", "People", "'s", "Army"], [("the Korean People 's Army", "ORG")]),
    (["the", "People", "'s", "Protection", "Units"], [("the People 's Protection Units", "ORG")]),
])
def test_ner_fixes_possessive_joins_two_bodies_or_is_inside_one(words, spans):
    doc = Doc(spacy.blank("en").vocab, words=words)   # a vocabulary that knows lower case
    for tok in doc:
        tok.pos_ = "DET" if tok.i == 0 else "PROPN"
    ents = possessive_bodies(doc, [Span(doc, 0, len(words), label="ORG")], lexicon=load_lexicon())
    assert _texts(ents) == spans
