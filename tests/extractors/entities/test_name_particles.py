"""Personal names joined by a lower-case particle (issue 9 §4): sentence -> the whole set of
entities (name, class) it yields, real model."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    ("Sami ould Naji met Idris ag Musa in Gao.",
     {("Sami ould Naji", "Person"), ("Idris ag Musa", "Person"), ("Gao", "City")}),
    ("Salem ould Breihmatt is a senior leader of the group.", {("Salem ould Breihmatt", "Person")}),
    ("The prince, Mohammed bin Salman, met the envoy.", {("Mohammed bin Salman", "Person")}),
])
def test_particle_names_are_one_person(read, sentence, expected):
    assert {(e.name, e.cls) for e in read(sentence).entities} == expected
