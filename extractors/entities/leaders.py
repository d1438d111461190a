"""Heads of state and government by name: world knowledge from ``data/leaders.tsv``.

News names a head of state by title and name alone ("President Zelenskyy met ...", "leader
Muammar Gaddafi"), leaving the country to the reader. The table (written for kgbuilder from
the public lists of each country's presidents, prime ministers and monarchs) says which
country such a name heads. Names are compared by :func:`extractors.entities.names.name_key`
(case, accents, "al-" and hyphens do not matter): a name of several words matches a listed
spelling whole or by its first and last words ("Ali Adullah Saleh"); one word matches a
listed surname, unless some listed head also has it as a first name ("Mohamed", "Kim").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extractors.entities.names import name_key


@dataclass(frozen=True)
class LeaderTable:
    """Name keys -> the countries of the heads of state or government named so."""

    whole: dict[str, frozenset[str]]
    ends: dict[tuple[str, str], frozenset[str]]
    surnames: dict[str, frozenset[str]]

    def countries(self, name: str) -> frozenset[str]:
        """The countries a head of state or government of this name led (usually one).

        >>> t = load_leaders()
        >>> sorted(t.countries("Volodymyr Zelensky")), sorted(t.countries("Bush"))
        (['Ukraine'], ['United States'])
        >>> sorted(t.countries("Ali Adullah Saleh")), sorted(t.countries("Mohamed"))
        (['Yemen'], [])
        """
        words = name_key(name).split()
        if not words:
            return frozenset()
        if len(words) == 1:
            return self.surnames.get(words[0], frozenset())
        return self.whole.get(" ".join(words)) or self.ends.get((words[0], words[-1]), frozenset())


@lru_cache(maxsize=1)
def load_leaders() -> LeaderTable:
    """Read the table once."""
    whole: dict[str, set[str]] = {}
    ends: dict[tuple[str, str], set[str]] = {}
    surnames: dict[str, set[str]] = {}
    first_names: set[str] = set()
    text = resources.files("extractors").joinpath("data/leaders.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, _office, name, other = (line.split("\t") + ["", ""])[:4]
        for spelling in [name, *filter(None, other.split("|"))]:
            words = name_key(spelling).split()
            if len(words) == 1:
                surnames.setdefault(words[0], set()).add(country)
                continue
            whole.setdefault(" ".join(words), set()).add(country)
            ends.setdefault((words[0], words[-1]), set()).add(country)
            surnames.setdefault(words[-1], set()).add(country)
            first_names.add(words[0])
    return LeaderTable(
        whole={k: frozenset(v) for k, v in whole.items()},
        ends={k: frozenset(v) for k, v in ends.items()},
        surnames={k: frozenset(v) for k, v in surnames.items() if k not in first_names})
