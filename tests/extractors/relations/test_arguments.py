"""What an argument token stands for: names, modifiers, partitives, lists, places."""
from __future__ import annotations

import pytest


def test_arguments_including_lists_the_members_of_the_object(triples):
    facts = triples("Several groups were sanctioned by the EU, including Hamas and Hezbollah.")
    assert {("EU", "sanctioned", "Hamas"), ("EU", "sanctioned", "Hezbollah")} <= facts


def test_arguments_a_single_person_is_not_the_state(triples):
    assert not {t for t in triples("Hezbollah killed a Lebanese contractor near Tyre.")
                if t[1] == "killed"}


def test_arguments_stance_modifier_is_not_the_subject(triples):
    assert not {t for t in triples("Anti-US protesters denounced Ali Sistani.")
                if t[1] == "condemned"}


@pytest.mark.parametrize("sentence,expected", [
    # partitive object
    ("Israel withdrew from part of Lebanon in 2000.", ("Israel", "withdrewFrom", "Lebanon")),
    # a group's things stand for the group
    ("Israeli jets struck positions of Hezbollah.", ("Israel", "attacked", "Hezbollah")),
])
def test_arguments_argument_nouns_stand_for_their_group(triples, sentence, expected):
    assert expected in triples(sentence)


def test_arguments_place_named_by_its_kind(triples):
    assert ("Rapid Support Forces", "attacked", "Wad Madani") in triples(
        "The Rapid Support Forces stormed the town of Wad Madani last month.")


@pytest.mark.parametrize("sentence,expected", [
    ("Al-Shabaab attacked the Kenyan town of Mandera.",
     {("Al-Shabaab", "attacked", "Mandera"), ("Mandera", "locatedIn", "Kenya")}),
    ("Russian troops shelled the Ukrainian city of Kharkiv.",
     {("Russia", "attacked", "Kharkiv"), ("Kharkiv", "locatedIn", "Ukraine")}),
])
def test_arguments_place_named_by_its_kind_not_by_its_country(triples, sentence, expected):
    # the town is the target, not the country whose adjective modifies the kind noun
    assert triples(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Israeli jets struck depots belonging to Hezbollah.", ("Israel", "attacked", "Hezbollah")),
    ("Kataib Hezbollah shelled a base used by U.S. forces.",
     ("Kataib Hezbollah", "attacked", "United States")),
])
def test_arguments_target_owned_by_a_group_stands_for_it(triples, sentence, expected):
    assert expected in triples(sentence)


@pytest.mark.parametrize("sentence,expected", [
    # people or bodies of a nationality that are not its state
    ("The US sanctioned two Chinese companies.", set()),
    ("Ecuadorian criminal organizations backed by the CJNG are fighting for control.", set()),
    # a state's own instruments still stand for it
    ("Israeli jets struck Gaza.", {("Israel", "attacked", "Gaza")}),
])
def test_arguments_a_nationality_on_private_groups_is_not_the_state(triples, sentence, expected):
    assert triples(sentence) == expected


def _parsed(words, heads, deps, pos):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_arguments_a_list_parsed_as_appositions_is_a_list():
    # "A, B, C, and D are designated": B an apposition of A, C of B, D a conjunct of C
    from extractors.relations.arguments import conjuncts
    words = ["Omar", ",", "Hitta", ",", "Rage", ",", "and", "Diallo", "are", "designated"]
    heads = [9, 0, 0, 2, 2, 4, 4, 4, 9, 9]
    deps = ["nsubjpass", "punct", "appos", "punct", "appos", "punct", "cc", "conj", "auxpass",
            "ROOT"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "AUX", "VERB"]
    doc = _parsed(words, heads, deps, pos)
    assert [t.text for t in conjuncts(doc[0])] == ["Omar", "Hitta", "Rage", "Diallo"]


def test_arguments_an_apposition_without_a_list_stays_one_name():
    # "Omar, Hitta, said": no coordination, so the apposition is another name of Omar
    from extractors.relations.arguments import conjuncts
    doc = _parsed(["Omar", ",", "Hitta", ",", "said"], [4, 0, 0, 2, 4],
                  ["nsubj", "punct", "appos", "punct", "ROOT"],
                  ["PROPN", "PUNCT", "PROPN", "PUNCT", "VERB"])
    assert [t.text for t in conjuncts(doc[0])] == ["Omar"]
