"""The country table: ISO names from pycountry, short names, demonyms, capitals."""
from __future__ import annotations

import pytest

from extractors.entities.countries import load_countries


@pytest.mark.parametrize("name,country", [
    ("U.S.", "United States"), ("US", "United States"), ("America", "United States"),
    ("United States of America", "United States"), ("the United Kingdom", "United Kingdom"),
    ("Britain", "United Kingdom"), ("Czechia", "Czech Republic"),
    ("Islamic Republic of Iran", "Iran"), ("Russian Federation", "Russia"),
    ("Republic of Korea", "South Korea"), ("Burkina Faso", "Burkina Faso"),
    ("Eswatini", "Eswatini"),  # only in pycountry
])
def test_countries_names(name, country):
    assert load_countries().country(name) == country


@pytest.mark.parametrize("word,country", [
    ("Iranian", "Iran"), ("Iraqis", "Iraq"), ("Swiss", "Switzerland"), ("Saudi", "Saudi Arabia"),
    ("Britons", "United Kingdom"), ("Yemeni", "Yemen"),
])
def test_countries_demonyms(word, country):
    assert load_countries().demonym(word) == country


@pytest.mark.parametrize("city,country", [
    ("Washington", "United States"), ("Tehran", "Iran"), ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"),
])
def test_countries_capitals(city, country):
    assert load_countries().capital(city) == country


@pytest.mark.parametrize("name", ["Hezbollah", "Basra", "Jordan Peterson", "Pentagon"])
def test_countries_other_names_are_not_countries(name):
    assert load_countries().any(name) is None
