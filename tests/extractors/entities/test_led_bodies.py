"""Bodies named by who leads them (issue 9 §4): sentence -> the whole set of entities
(name, class) it yields, real model."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # one organisation whose name keeps its leader, whatever the case of the noun
    ("The U.S.-led coalition said it would leave the base. The United States confirmed it.",
     {("U.S.-led coalition", "Organization"), ("United States", "Country")}),
    ("The US-led Coalition said it would leave the base.", {("US-led Coalition", "Organization")}),
    ("The Saudi-led coalition struck Houthi positions in Sanaa.",
     {("Saudi-led coalition", "Organization"), ("Houthi", "Organization"), ("Sanaa", "City")}),
])
def test_led_bodies_are_named_by_their_leader(read, sentence, expected):
    assert {(e.name, e.cls) for e in read(sentence).entities} == expected


@pytest.mark.parametrize("sentence,expected", [
    # a group backed by a state is not named so; nor a noun outside led_body_nouns
    ("The Iran-backed group fired rockets.", {("Iran", "Country")}),
    ("The Kenya-led talks ended on Friday.", {("Kenya", "Country")}),
])
def test_led_bodies_leave_other_descriptions(read, sentence, expected):
    assert {(e.name, e.cls) for e in read(sentence).entities} == expected
