"""Locations stated without a verb: sentence -> locatedIn facts."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # a place and its region after a comma
    ("Drones struck a depot in Kherson, Ukraine, overnight.", ("Kherson", "locatedIn", "Ukraine")),
    # a prepositional modifier of the name
    ("Hezbollah in Lebanon denied the report.", ("Hezbollah", "locatedIn", "Lebanon")),
    # a site after a comma, placed by direction
    ("Mortars struck Camp Victory, west of Baghdad, at dawn.",
     ("Camp Victory", "locatedIn", "Baghdad")),
    # abbreviated states close each pair of a list
    ("Snow fell in Flagstaff, Ariz., and Durango, Colo., on Tuesday.",
     ("Durango", "locatedIn", "Colo.")),
    # a place fronted before an organisation's clause
    ("In Geneva, the International Committee of the Red Cross said the convoy was hit.",
     ("International Committee of the Red Cross", "locatedIn", "Geneva")),
    # a name modifying a site noun locates the site's name
    ("Strikes hit the Nuseirat refugee camp in central Gaza.", ("Nuseirat", "locatedIn", "Gaza")),
    # "in" after the end of a path, though the parser hangs it on the verb
    ("Officials flew from Kandahar in southern Afghanistan to Kabul.",
     ("Kandahar", "locatedIn", "Afghanistan")),
    # a kind of place with its country before it
    ("Troops entered the Iraqi city of Mosul.", ("Mosul", "locatedIn", "Iraqi|Iraq")),
    ("Strikes hit the Gaza city of Rafah.", ("Rafah", "locatedIn", "Gaza")),
    # a region of the place after a comma
    ("Police raided a house in Tabriz, north-west Iran, on Friday.",
     ("Tabriz", "locatedIn", "Iran")),
    # "in" after a site noun, though the parser hangs it on another noun
    ("Reporters gathered at a meeting at UNICEF headquarters in Geneva on Monday.",
     ("UNICEF", "locatedIn", "Geneva")),
    # a description in apposition
    ("Mogadishu, the capital of Somalia, was quiet.", ("Mogadishu", "locatedIn", "Somalia")),
    ("Hamas, a group based in Gaza, claimed the attack.", ("Hamas", "locatedIn", "Gaza")),
    # hyphenated "-based"
    ("The London-based Syrian Observatory for Human Rights reported the toll.",
     ("Syrian Observatory for Human Rights", "locatedIn", "London")),
    ("Reuters, the London-based news agency, reported the toll.",
     ("Reuters", "locatedIn", "London")),
])
def test_locations_patterns(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("sentence", [
    # a list of places is not a place and its region
    "Ministers from France, Germany and Italy met on Friday.",
    "Delegations from Paris, London and Berlin arrived.",
    # a measured distance places a site away from the town
    "Mortars struck Camp Victory, 30 miles west of Baghdad, at dawn.",
])
def test_locations_lists_and_distances_give_no_location(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] == "locatedIn"}


@pytest.mark.parametrize("sentence,expected", [
    ("Israeli jets hit Hezbollah's weapons facilities in Lebanon overnight.",
     ("Hezbollah", "locatedIn", "Lebanon")),
    ("Lawmakers questioned the presence in Syria of the Wagner Group.",
     ("Wagner Group|Wagner", "locatedIn", "Syria")),
])
def test_locations_sites_and_presence_of_an_organisation(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("sentence,expected", [
    ("Hamas, which is based in Gaza, rejected the offer.", ("Hamas", "locatedIn", "Gaza")),
    ("Al Jazeera is headquartered in Doha.", ("Al Jazeera", "locatedIn", "Doha")),
    ("The Wagner Group maintains a base in Libya.", ("Wagner Group|Wagner", "locatedIn", "Libya")),
])
def test_locations_clause_that_sites_its_subject(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Hezbollah has no bases in Syria.",
    "Hamas could be based in Doha.",
    "If Hamas is based in Doha, Qatar must act.",
    "Is Hamas based in Doha?",
    "The US has bases in Iraq.",
])
def test_locations_unasserted_or_state_sites_give_no_location(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] == "locatedIn"}


def test_locations_presence_of_a_state_abroad_is_not_its_location(triples):
    assert not {t for t in triples("They debated the US presence in Syria.")
                if t[1] == "locatedIn"}


def test_locations_chain_places_the_site_in_each_place(stated):
    sentence = ("Inspectors visited the Bushehr Nuclear Power Plant, in Bushehr, Iran, "
                "on Monday.")
    assert stated(sentence, ("Bushehr Nuclear Power Plant", "locatedIn", "Bushehr"))
    assert stated(sentence, ("Bushehr Nuclear Power Plant", "locatedIn", "Iran"))
    assert stated(sentence, ("Bushehr", "locatedIn", "Iran"))


def test_locations_border_is_not_inside(stated):
    sentence = "Soldiers patrolled a village near Kandahar, Afghanistan along the Pakistani border."
    assert stated(sentence, ("Kandahar", "locatedIn", "Afghanistan"))
    assert not stated(sentence, ("Kandahar", "locatedIn", "Pakistan|Pakistani"))


def test_locations_people_are_not_located(triples):
    found = triples("Drone strikes on Americans in Syria have grown more frequent.")
    assert not {t for t in found if t[1] == "locatedIn"}


def test_locations_dateline_places_the_agency(stated):
    sentence = "TUCSON, Ariz. (AP) - A wildfire forced hundreds to flee on Sunday."
    assert stated(sentence, ("AP", "locatedIn", "TUCSON|Tucson"))
    assert stated(sentence, ("AP", "locatedIn", "Ariz.|Arizona"))


@pytest.mark.parametrize("sentence,unexpected", [
    # a country before a name after a comma is no "Place, Region" pair
    ("In 1520, the last ruler of Mexico, Cuauhtemoc, was taken prisoner.",
     ("Mexico", "locatedIn", "Cuauhtemoc")),
    # an age in apposition marks a person, not a firm of a town
    ("Helga Brunnhilde Sorensen, 61, of Dayton, Ohio, was hurt in the crash.",
     ("Helga Brunnhilde Sorensen", "locatedIn", "Dayton")),
])
def test_locations_misread_pairs_are_dropped(stated, sentence, unexpected):
    assert not stated(sentence, unexpected)
