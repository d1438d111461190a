"""Countries by any of their names: ISO names (pycountry), short names, demonyms, capitals.

``data/countries.tsv`` (written for kgbuilder) gives the canonical short name, demonyms,
capitals and informal names; pycountry adds every ISO 3166 name and official name, so a
country missing from the table is still found under its ISO name. Lookups go through
:func:`extractors.entities.names.name_key`, so case, dots and a leading "the" do not matter.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from extractors.entities.names import fold, name_key


@dataclass(frozen=True)
class CountryTable:
    """Name key -> canonical country name, one map per way of naming a country."""

    names: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]

    def country(self, name: str) -> str | None:
        """The canonical name of the country ``name`` names outright ("U.S.", "Czechia")."""
        return self.names.get(_key(name))

    def demonym(self, word: str) -> str | None:
        """The country of a demonym ("Iranian", "Britons")."""
        return self.demonyms.get(_key(word))

    def capital(self, name: str) -> str | None:
        """The country whose capital ``name`` is ("Washington" -> "United States")."""
        return self.capitals.get(_key(name))

    def any(self, name: str) -> str | None:
        """The country behind a name, a demonym or a capital."""
        return self.country(name) or self.demonym(name) or self.capital(name)


def _key(name: str) -> str:
    # dotted abbreviations: "U.S." and "US" are one key
    return name_key(name.replace(".", "")) if "." in name and len(name) <= 8 else name_key(name)


@lru_cache(maxsize=1)
def load_countries() -> CountryTable:
    """Read the country table once.

    >>> t = load_countries()
    >>> t.country("U.S."), t.country("the Syrian Arab Republic"), t.demonym("Iraqis")
    ('United States', 'Syria', 'Iraq')
    >>> t.capital("Tehran"), t.country("Burkina Faso"), t.country("Hezbollah")
    ('Iran', 'Burkina Faso', None)
    """
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    by_iso: dict[str, str] = {}
    text = resources.files("extractors").joinpath("data/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, dem, cap, other = (line.split("\t") + ["", "", ""])[:4]
        for name in [canonical, *filter(None, other.split("|"))]:
            names[_key(name)] = canonical
        for word in filter(None, dem.split("|")):
            demonyms[_key(word)] = canonical
        for city in filter(None, cap.split("|")):
            capitals[_key(city)] = canonical
        by_iso[fold(canonical)] = canonical
    for c in pycountry.countries:
        iso_names = [getattr(c, a, None) for a in ("common_name", "name", "official_name")]
        iso_names = [n for n in iso_names if n]
        # the table's canonical name wins when it names the same country
        canonical = next((names[_key(n)] for n in iso_names if _key(n) in names), iso_names[0])
        for n in iso_names:
            names.setdefault(_key(n), canonical)
            if ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
                head, tail = n.split(", ", 1)
                names.setdefault(_key(f"{tail} {head}"), canonical)
    return CountryTable(names, demonyms, capitals)
