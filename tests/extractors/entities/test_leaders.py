"""The table of heads of state and government: who headed which country, by any spelling."""
from __future__ import annotations

from importlib import resources

import pytest

from extractors.entities import load_countries
from extractors.entities.leaders import load_leaders


@pytest.mark.parametrize("name,countries", [
    ("Volodymyr Zelenskyy", {"Ukraine"}),
    ("Zelensky", {"Ukraine"}),                    # a listed spelling
    ("Abdel Fattah al-Sisi", {"Egypt"}),          # "al-" and "el-" alike
    ("Ali Adullah Saleh", {"Yemen"}),             # first and last word of a listed name
    ("Kim Jong Un", {"North Korea"}),             # family name first, hyphen or not
    ("Bush", {"United States"}),                  # two heads, one country
    ("Mohamed", set()),                           # a first name of listed heads is no surname
    ("Kim", set()),
    ("Ahmed Khalil", set()),                      # not listed
])
def test_leaders_countries_of_a_name(name, countries):
    assert load_leaders().countries(name) == countries


def test_leaders_every_country_is_a_country_of_the_country_table():
    text = resources.files("extractors").joinpath("data/leaders.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert rows and all(len(row) == 4 for row in rows)
    countries = load_countries()
    assert {row[0] for row in rows if countries.country(row[0]) != row[0]} == set()
