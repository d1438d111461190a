"""Acronyms a text defines with brackets, either way round."""
from __future__ import annotations

import pytest

from extractors.entities.acronyms import bracket_definitions


@pytest.mark.parametrize("text,pair", [
    ("The Syrian Democratic Forces (SDF) took the dam.", ("Syrian Democratic Forces", "SDF")),
    ("Fighters of the PKK (Kurdistan Workers' Party) withdrew.",
     ("Kurdistan Workers' Party", "PKK")),
    # a short name in brackets: the long name's first or last capitalised words
    ("The Treasury sanctioned the Golden Crescent Smuggling Network (Golden Crescent) on Tuesday.",
     ("Golden Crescent Smuggling Network", "Golden Crescent")),
    ("Police arrested Omar Farid Haddad Salim (Haddad Salim) in Quito.",
     ("Omar Farid Haddad Salim", "Haddad Salim")),
])
def test_acronyms_bracket_definitions(nlp, text, pair):
    assert pair in set(bracket_definitions(nlp(text)))


def test_acronyms_bracketed_word_that_is_no_acronym_is_ignored(nlp):
    assert not list(bracket_definitions(nlp("Hamas (the movement) met in Doha.")))
