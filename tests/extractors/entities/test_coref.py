"""Pronouns and definite descriptions: resolved when the referent is clear, else left alone."""
from __future__ import annotations

import pytest

from extractors.entities.entities import index_entities
from extractors.lexicon import load_lexicon


@pytest.fixture(scope="module")
def resolve(nlp):
    """Read a text; return the entity name the n-th occurrence of a word refers to."""
    def _resolve(text: str, word: str, nth: int = 0) -> str | None:
        doc = nlp(text)
        index = index_entities(doc, lexicon=load_lexicon())
        toks = [t for t in doc if t.lower_ == word.lower()]
        m = index.mention_at(toks[nth])
        return None if m is None else index.entity(m).name
    return _resolve


@pytest.mark.parametrize("text,word,expected", [
    # he: the one person around
    ("Ayesha Karim landed in Doha on Monday. He met the emir the next day.", "He",
     "Ayesha Karim"),
    # it: the subject of the clause above ("X said it would ...")
    ("The Pentagon said it would send two more ships.", "it", "Pentagon"),
    # its: the subject of its own clause
    ("Egypt closed its border with Gaza.", "its", "Egypt"),
    # it: the subject of the sentence before
    ("Hamas fired rockets at Ashkelon overnight. It said the barrage was a warning.", "It",
     "Hamas"),
    # it: the one compatible subject earlier in a sentence whose speaker is a person
    ("Karim said that Hamas had moved its fighters and said it had lost none.", "it", "Hamas"),
    # they: a plural name
    ("The Houthis seized a ship in the Red Sea. They said the crew was safe.", "They", "Houthis"),
])
def test_coref_pronouns_resolve_to_the_clear_referent(resolve, text, word, expected):
    assert resolve(text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("Asaib Ahl al-Haq militia fighters shelled the town. The militia denied it later.",
     "militia", "Asaib Ahl al-Haq"),
    ("Jordan's Foreign Ministry summoned the envoy. The ministry said the remarks were false.",
     "ministry", "Foreign Ministry"),
    ("Hamas attacked a post near Rafah. The group said ten soldiers died.", "group", "Hamas"),
])
def test_coref_definite_descriptions_resolve(resolve, text, word, expected):
    nth = 1 if text.lower().count(word.lower()) > 1 else 0
    assert resolve(text, word, nth) == expected


@pytest.mark.parametrize("text,word", [
    # two people, neither the subject of the sentence before
    ("The call between Ayesha Karim and Lena Hartmann was short. He said little.", "He"),
    # the sentence before is about something unnamed
    ("A report by Reuters described the raid. It said four people died.", "It"),
    # an expletive "it"
    ("Sweden said it is hard to know who fired.", "it"),
    # a pronoun object is not its own clause's subject
    ("The Pentagon blamed it on the weather.", "it"),
    # a coordinate clause with its own subject does not reach the first clause's
    ("Hamas denied the raid, but a splinter faction claimed it.", "it"),
    # two groups fit "the group"
    ("Hamas and Islamic Jihad fired rockets. The group said the barrage continued.", "group"),
])
def test_coref_unclear_references_stay_unresolved(resolve, text, word):
    assert resolve(text, word) is None


def test_coref_mentions_say_how_they_refer(nlp):
    doc = nlp("Egypt closed its border.")
    m = index_entities(doc, lexicon=load_lexicon()).mention_at(doc[2])
    assert m is not None and m.via == "pronoun" and m.text == "its"


@pytest.mark.parametrize("text,expected", [
    ("Hamas fired rockets at Ashkelon overnight. It said the barrage was a warning, and its "
     "leaders warned Israel.", {("It", "Hamas"), ("its", "Hamas")}),
    ("Jordan's Foreign Ministry summoned the envoy. The ministry said the remarks were false.",
     {("The ministry", "Foreign Ministry")}),
    ("The Houthis seized a ship in the Red Sea. They said the crew was safe.",
     {("They", "Houthis")}),
    ("Defense Secretary Lloyd Austin arrived in Manila. Austin met the navy chief.", set()),
])
def test_coref_the_whole_set_of_references(nlp, text, expected):
    index = index_entities(nlp(text), lexicon=load_lexicon())
    found = {(m.text, index.entity(m).name) for m in index.references.by_token.values()}
    assert found == expected


def test_coref_references_are_computed_from_the_names_not_into_them(nlp):
    from types import MappingProxyType

    from extractors.entities.coref import resolve_references
    doc = nlp("Egypt closed its border. It said the crossing would reopen.")
    index = index_entities(doc, lexicon=load_lexicon())
    names = MappingProxyType(dict(index.names))   # read-only: resolving must not write here
    refs = resolve_references(doc, names, index.entities, lexicon=load_lexicon())
    assert {m.text for m in refs.by_token.values()} == {"its", "It"}
    assert not set(refs.by_token) & set(names)
