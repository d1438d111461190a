"""The lexicon: word lists as data files, loaded once, closed to misspelt names."""
from __future__ import annotations

from importlib import resources

import pytest

from extractors.lexicon import Lexicon, LexiconError, load_lexicon


def test_lexicon_every_shipped_file_has_a_header_saying_what_it_is_for():
    folder = resources.files("extractors").joinpath("data", "lexicon")
    files = [f for f in folder.iterdir() if f.name.endswith((".txt", ".tsv"))]
    assert files
    for f in files:
        header = f.read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("# ") and ("e.g." in header or "example" in header.lower()), f.name


def test_lexicon_is_loaded_once():
    assert load_lexicon() is load_lexicon()


def test_lexicon_entries_are_lower_case_and_unique_per_file():
    lex = load_lexicon()
    for name, words in lex.lists.items():
        assert all(w == w.lower() for w in words), name


def test_lexicon_a_misspelt_list_name_fails_loudly():
    with pytest.raises(LexiconError, match="no word list 'speech_verb'"):
        load_lexicon().words("speech_verb")


def test_lexicon_tables_map_a_key_to_its_values():
    lex = Lexicon.from_texts({"kinds.tsv": "# kind nouns and their classes, e.g. militia\n"
                                           "militia\tArmedGroup\nministry\tGovernmentBody\n"})
    assert dict(lex.table("kinds")) == {"militia": ("ArmedGroup",), "ministry": ("GovernmentBody",)}


@pytest.mark.parametrize("text", ["town\ncity\n", "# short\ntown\n"])
def test_lexicon_a_file_without_a_header_is_refused(text):
    with pytest.raises(LexiconError, match="header"):
        Lexicon.from_texts({"places.txt": text})
