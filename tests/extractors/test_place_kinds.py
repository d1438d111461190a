"""Places named by their kind and organisations described by their nationality:
sentence -> the whole set of locatedIn facts it yields (real model)."""
from __future__ import annotations

import pytest


def _located(triples, sentence):
    return {t for t in triples(sentence) if t[1] == "locatedIn"}


@pytest.mark.parametrize("sentence,expected", [
    # location-possessive-kind: a country's possessive and a kind noun
    ("Officials in Somalia's Gedo region said the convoy was ambushed.",
     {("Gedo", "locatedIn", "Somalia")}),
    ("Clan militias clashed in Kenya's Mandera county on Sunday.",
     {("Mandera", "locatedIn", "Kenya")}),
    # location-region-of: a region whose name ends in its kind, of a country
    ("Gunmen attacked a market in the Mopti Region of Mali.",
     {("Mopti Region", "locatedIn", "Mali")}),
    ("Jihadists ambushed a patrol in the Segou Region of Mali on Tuesday.",
     {("Segou Region", "locatedIn", "Mali")}),
    # location-demonym-description: a nationality on a description in apposition
    ("Treasury sanctioned Lucky Star Trading, a Cambodian company.",
     {("Lucky Star Trading", "locatedIn", "Cambodia")}),
    ("Police arrested members of Los Lobos, an Ecuadorian drug gang, in the raid.",
     {("Los Lobos", "locatedIn", "Ecuador")}),
    # location-kind-of (edited): every member of a list of places of one kind
    ("Militias torched the Darfur towns of Nyala, Geneina and El Fasher.",
     {("Nyala", "locatedIn", "Darfur"), ("Geneina", "locatedIn", "Darfur"),
      ("El Fasher", "locatedIn", "Darfur")}),
    # location-based-compound (edited): the name before the modified noun
    ("Police arrested leaders of the Ecuador-based Los Lobos gang.",
     {("Los Lobos", "locatedIn", "Ecuador")}),
])
def test_place_kinds_give_exactly_these_locations(triples, sentence, expected):
    assert _located(triples, sentence) == expected


@pytest.mark.parametrize("sentence", [
    # a place in a prepositional phrase belongs to the noun it modifies, not to the country
    "The United States struck two targets linked to Iran in Baghdad.",
    # a state's backing is not its location
    "Kataib Hezbollah, an Iranian-backed militia, claimed the attack.",
    # a people is not a place: a nationality on a person gives no location
    "Ahmed Hassan, a Somali businessman, was detained in the raid.",
    # plural kinds without a name give nothing
    "Officials in Somalia's southern regions said the convoy was ambushed.",
])
def test_place_kinds_give_no_location(triples, sentence):
    assert not _located(triples, sentence)


@pytest.mark.parametrize("sentence,expected", [
    # location-comma-pair (edited): a date after the pair closes it
    ("Austin visited Kyiv, Ukraine yesterday to show support.",
     {("Kyiv", "locatedIn", "Ukraine")}),
    # location-comma-pair (edited): a list of "City, Country" pairs
    ("The embassy has staff in Tashkent, Uzbekistan and Tbilisi, Georgia.",
     {("Tashkent", "locatedIn", "Uzbekistan"), ("Tbilisi", "locatedIn", "Georgia")}),
    ("The envoy flew to Amman, Jordan and Cairo, Egypt last week.",
     {("Amman", "locatedIn", "Jordan"), ("Cairo", "locatedIn", "Egypt")}),
    # a list of countries stays a list
    ("Ministers from France, Germany and Italy met on Friday.", set()),
])
def test_place_pairs_in_lists_and_before_dates(triples, sentence, expected):
    assert _located(triples, sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a possessive name after "of": the Office is the actor, not the Department
    ("The Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned "
     "the Karen National Army on Tuesday.",
     {("Office of Foreign Assets Control", "sanctioned", "Karen National Army"),
      ("Office of Foreign Assets Control", "memberOf", "Department of the Treasury")}),
])
def test_possessed_name_is_the_argument(triples, sentence, expected):
    assert triples(sentence) == expected
