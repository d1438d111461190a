"""Modifiers that state relations: sentence -> supported / leaderOf facts."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # "X-backed Y" with Y named in apposition
    ("The raid targeted Hezbollah, an Iran-backed militia, near the border.",
     ("Iran", "supported", "Hezbollah")),
    # "A and other X-backed Ys" says A is one of them
    ("Hamas and other Iran-backed groups met in Beirut.", ("Iran", "supported", "Hamas")),
    # the modifier on a name
    ("The Ethiopian-backed Somali National Army retook the town.",
     ("Ethiopian|Ethiopia", "supported", "Somali National Army")),
    # other participles of patronage from the ontology
    ("The Russian-trained Wagner Group left the base.",
     ("Russian|Russia", "supported", "Wagner Group|Wagner")),
    # the reduced relative: "a militia backed by X"
    ("The Houthis, a militia backed by Iran, fired missiles at ships.",
     ("Iran", "supported", "Houthis")),
])
def test_modifiers_backing(stated, sentence, expected):
    assert stated(sentence, expected)


def test_modifiers_pro_gives_support_from_the_modified_name(stated):
    assert stated("Russia praised the pro-Russian Wagner Group on Monday.",
                  ("Wagner Group|Wagner", "supported", "pro-Russian|Russian|Russia"))


def test_modifiers_led_gives_leadership(stated):
    assert stated("The French-led Operation Barkhane ended in 2022.",
                  ("French|France", "leaderOf", "Operation Barkhane"))


def test_modifiers_hyphen_before_a_title_is_not_about_the_person(triples):
    found = triples("Spokesman for the Saudi-led coalition Col. Turki al-Maliki spoke on Friday.")
    assert not {t for t in found if t[1] == "leaderOf" and t[2] == "Turki al-Maliki"}


@pytest.mark.parametrize("sentence", [
    "Iran-backed militias fired rockets on Sunday.",
    # a capitalised common noun opening the sentence is not a name
    "Groups linked to Iran fired rockets.",
])
def test_modifiers_unnamed_client_gives_no_fact(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] == "supported"}
