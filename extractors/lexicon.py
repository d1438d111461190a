"""The English vocabulary the rules read, loaded once from data files into one frozen object.

Every word list lives in ``extractors/data/lexicon/``: one list a file, named by what it
holds (``speech_verbs.txt``). The first line is a ``#`` header saying what the list is for,
with an example; further ``#`` lines are comments; every other non-blank line is one entry,
lower case, possibly of several words. A ``.tsv`` file is a table: the first column is the
key, the others its values ("militia<TAB>ArmedGroup").

The lexicon is loaded once (:func:`load_lexicon`) and passed to the rules like ``nlp`` and
the cue table; a misspelt list name raises at once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

_FOLDER = ("data", "lexicon")


class LexiconError(ValueError):
    """A lexicon file is malformed, or a rule asked for a list that does not exist."""


@dataclass(frozen=True)
class Lexicon:
    """Named word lists and tables, read-only.

    >>> lex = Lexicon.from_texts({"demo.txt": "# nouns for a demo, e.g. town\\ntown\\ncity\\n"})
    >>> sorted(lex.words("demo"))
    ['city', 'town']
    >>> lex.words("dmeo")
    Traceback (most recent call last):
    ...
    extractors.lexicon.LexiconError: no word list 'dmeo' in the lexicon; lists: demo
    """

    lists: Mapping[str, frozenset[str]] = field(default_factory=dict)
    tables: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    def words(self, name: str) -> frozenset[str]:
        """The word list ``name`` (a file ``name.txt``)."""
        try:
            return self.lists[name]
        except KeyError:
            raise LexiconError(f"no word list {name!r} in the lexicon; lists: "
                               f"{', '.join(sorted(self.lists))}") from None

    def table(self, name: str) -> Mapping[str, tuple[str, ...]]:
        """The table ``name`` (a file ``name.tsv``): key -> its values."""
        try:
            return self.tables[name]
        except KeyError:
            raise LexiconError(f"no table {name!r} in the lexicon; tables: "
                               f"{', '.join(sorted(self.tables))}") from None

    @classmethod
    def from_texts(cls, files: Mapping[str, str]) -> "Lexicon":
        """Build a lexicon from file names and their texts (see the module docstring)."""
        lists: dict[str, frozenset[str]] = {}
        tables: dict[str, Mapping[str, tuple[str, ...]]] = {}
        for fname, text in sorted(files.items()):
            stem, _, ext = fname.rpartition(".")
            lines = text.splitlines()
            if not lines or not lines[0].startswith("#") or len(lines[0].strip("# ")) < 10:
                raise LexiconError(f"lexicon file {fname}: the first line must be a '#' header "
                                   f"saying what the list is for, with an example")
            entries = [ln.strip() for ln in lines[1:] if ln.strip() and not ln.startswith("#")]
            if ext == "txt":
                lists[stem] = frozenset(entries)
            elif ext == "tsv":
                rows = [e.split("\t") for e in entries]
                tables[stem] = MappingProxyType({r[0].strip(): tuple(v.strip() for v in r[1:])
                                                 for r in rows})
            else:
                raise LexiconError(f"lexicon file {fname}: expected .txt or .tsv")
        return cls(lists=MappingProxyType(lists), tables=MappingProxyType(tables))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the lexicon shipped in ``extractors/data/lexicon`` (cached: one load a process).

    >>> "say" in load_lexicon().words("speech_verbs")
    True
    """
    folder = resources.files("extractors").joinpath(*_FOLDER)
    files = {f.name: f.read_text(encoding="utf-8") for f in folder.iterdir()
             if f.name.endswith((".txt", ".tsv"))}
    return Lexicon.from_texts(files)
