"""Names as strings: normalisation, titles, transliteration variants, initials.

Pure functions with no spaCy inside, so the graph package can use the same keys when
it merges entities across documents (:mod:`graph.aliases`).

Three levels of sameness, from strict to loose:

* :func:`name_key`: case, accents, apostrophes, hyphens, a leading "the" and the Arabic
  article ("al-", "el-", "Al ") do not count: "Kata'ib Hezbollah" = "Kataib Hezbollah".
* :func:`variant_of`: a transliteration variant: the consonant skeletons are equal and the
  spellings close ("Kataeb"/"Kataib", "Hizballah"/"Hezbollah", "Qassem"/"Qasim").
* :func:`initials`: the acronyms a long name can be written as ("PMU", "DoD").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.lexicon import load_lexicon

#: names each string function below remembers, the most recently used: enough for the
#: entities of a batch of documents and the stored names they meet, few enough that a
#: process reading a corpus does not grow with its vocabulary of names (at 65,536 each,
#: the caches of a store build's process grew by about 55 MB from 1,000 to 10,000 documents)
NAME_CACHE = 1 << 12


def _words(name: str) -> frozenset[str]:
    """A word list of the shipped lexicon.

    These string functions are shared with the graph package, which has no lexicon to pass
    in, so they read the default one (:func:`extractors.lexicon.load_lexicon`, loaded once).
    """
    return load_lexicon().words(name)


def titles() -> frozenset[str]:
    """Honorifics, ranks and office words that precede a personal name (``person_titles``).

    >>> {"gen", "minister", "sheikh"} <= titles()
    True
    """
    return _words("person_titles")


@lru_cache(maxsize=NAME_CACHE)
def fold(text: str) -> str:
    """ASCII, case-folded, apostrophes removed, other punctuation turned into spaces.

    >>> fold("Kata’ib  Hezbollah-al Nujaba")
    'kataib hezbollah al nujaba'
    >>> fold("U.S. State Department")
    'us state department'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"['`]", "", text.casefold())
    # dotted initials are one word: "U.S." is "us", "U.K." is "uk"
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@lru_cache(maxsize=NAME_CACHE)
def name_key(name: str) -> str:
    """The strict comparison key of a name.

    >>> name_key("The al-Qaim base")
    'qaim base'
    >>> name_key("Abdul-Mahdi") == name_key("Abdul Mahdi")
    True
    """
    words = fold(re.sub(r"^\s*the\s+", "", name, flags=re.IGNORECASE)).split()
    articles = _words("arabic_articles")
    words = [w for w in words if w not in articles] or words
    return " ".join(words)


def strip_titles(name: str) -> str:
    """A personal name without the ranks and offices in front of it.

    Stops before the last word, so a name is never stripped to nothing.

    >>> strip_titles("Lt. Gen. Pat White")
    'Pat White'
    >>> strip_titles("Defense Secretary Mark Esper")
    'Mark Esper'
    >>> strip_titles("General")
    'General'
    >>> strip_titles("Foreign Ministers Sergei Lavrov")
    'Sergei Lavrov'
    """
    words = name.split()
    while len(words) > 1 and _title_word(words[0].rstrip(".").casefold()):
        words = words[1:]
    return " ".join(words)


def _title_word(word: str) -> bool:
    """A title, or a title in the plural before a list of names ("Foreign Ministers A and B",
    "Presidents X and Y")."""
    return word in titles() or (len(word) > 4 and word.endswith("s") and word[:-1] in titles())


def strip_generic_tail(name: str) -> str:
    """A name without a trailing kind word in lower case ("Kataib Hezbollah militia" ->
    "Kataib Hezbollah"); a capitalised one is part of the name ("Wagner Group").

    >>> strip_generic_tail("the Islamic State group"), strip_generic_tail("Huione Group")
    ('the Islamic State', 'Huione Group')
    """
    words = name.split()
    if len(words) > 1 and words[-1].islower() and words[-1] in _words("generic_name_tails"):
        words = words[:-1]
    return " ".join(words)


def institution_field(key: str, kinds: frozenset[str]) -> str | None:
    """The field an institution's name gives after its kind and "of", or None.

    >>> institution_field("us department of the treasury", frozenset({"department"}))
    'treasury'
    """
    head, of, field = key.rpartition(" of ")[0], " of " in key, key.rpartition(" of ")[2]
    if not of or not head or head.split()[-1] not in kinds:
        return None
    return field.removeprefix("the ")


def demonym_of(adjective: str, place: str) -> bool:
    """Whether an adjective is made from a place's name by a demonym ending ("South Ossetian"
    from "South Ossetia", "Darfuri" from "Darfur").

    >>> demonym_of("South Ossetian", "South Ossetia"), demonym_of("Darfuri", "Darfur")
    (True, True)
    >>> demonym_of("Iran", "Iran"), demonym_of("Somali", "Mali")
    (False, False)
    """
    a, p = name_key(adjective), name_key(place)
    if len(p) < 4 or a == p or a.split()[:-1] != p.split()[:-1]:
        return False
    return any(a in (p + end, p[:-1] + end) for end in _words("demonym_suffixes"))


@lru_cache(maxsize=NAME_CACHE)
def skeleton(word: str) -> str:
    """The sound skeleton of a romanised word.

    Doubled letters collapse and each vowel run becomes one class: "a", "i" (a run with
    e or i) or "u" (a run with o or u). Romanisations of one Arabic or Persian word mostly
    differ only inside these classes.

    >>> skeleton("kataeb") == skeleton("kata'ib") == skeleton("kataib")
    True
    >>> skeleton("qassem") == skeleton("qasim")
    True
    >>> skeleton("hizballah"), skeleton("hezbollah")
    ('hizbalah', 'hizbulah')
    """
    w = fold(word).replace(" ", "")
    for old, new in (("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "u")):
        w = w.replace(old, new)
    w = re.sub(r"(.)\1+", r"\1", w)

    def vowel_class(m: re.Match) -> str:
        run = m.group()
        return "i" if re.search("[ei]", run) else "u" if re.search("[ou]", run) else "a"
    return re.sub(r"[aeiou]+", vowel_class, w)


def _sounds_alike(x: str, y: str) -> bool:
    """Same consonants, and at most one vowel that is "a" on one side and not the other.

    "Hezbollah"/"Hizballah" differ in one o/a; "Hussein"/"Hassan" in two vowels, and an
    i/u difference ("Sudan"/"Sedan") never passes.
    """
    sx, sy = skeleton(x), skeleton(y)
    if len(sx) != len(sy):
        return False
    diffs = [(a, b) for a, b in zip(sx, sy) if a != b]
    return len(diffs) <= 1 and all("a" in pair and set(pair) <= set("aiu") for pair in diffs)


@lru_cache(maxsize=NAME_CACHE)
def variant_of(a: str, b: str) -> bool:
    """Whether two names are transliteration variants of each other.

    Keys equal up to spaces are variants. Otherwise both must have the same number of words and each
    pair of words sound alike (:func:`skeleton`); words shorter than four letters must be
    equal.

    >>> variant_of("Kataeb Hezbollah", "Kata'ib Hizballah")
    True
    >>> variant_of("Hezbollah", "Kataib Hezbollah"), variant_of("Hussein", "Hassan")
    (False, False)
    >>> variant_of("Ansarallah", "Ansar Allah")
    True
    """
    ka, kb = name_key(a), name_key(b)
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return bool(ka)  # "Ansarallah" / "Ansar Allah"
    wa, wb = ka.split(), kb.split()
    if len(wa) != len(wb) or not ka:
        return False
    return all(x == y or (min(len(x), len(y)) >= 4 and _sounds_alike(x, y))
               for x, y in zip(wa, wb))


@lru_cache(maxsize=NAME_CACHE)
def institution_key(name: str) -> str:
    """The key of an institution's name in its "X Ministry" order.

    >>> institution_key("Ministry of Foreign Affairs") == institution_key("Foreign Ministry")
    True
    >>> institution_key("the Department of Defense")
    'defense department'
    """
    words = name_key(name).split()
    if len(words) > 2 and words[0] in _words("institution_nouns") and words[1] == "of":
        rest = [w for w in words[2:] if w not in {"the", "affairs"}] or words[2:]
        return " ".join([*rest, words[0]])
    return " ".join(words)


@lru_cache(maxsize=NAME_CACHE)
def is_acronym(text: str) -> bool:
    """Whether a name is written as an acronym: 2 to 8 letters, mostly capitals.

    >>> [is_acronym(t) for t in ("PMU", "DoD", "U.S.", "CJTF-OIR", "Iran", "A")]
    [True, True, True, True, False, False]
    """
    letters = re.sub(r"[.\-&]", "", text.strip())
    if not 2 <= len(letters) <= 8 or not letters.isalpha() or " " in text.strip():
        return False
    upper = sum(c.isupper() for c in letters)
    return upper >= 2 and upper >= len(letters) - 1 and letters[0].isupper()


@lru_cache(maxsize=NAME_CACHE)
def initials(name: str) -> frozenset[str]:
    """The acronyms a long name can be written as, upper-cased.

    Content words give one letter each; the Arabic article and lower-case function
    words are either skipped or kept ("Department of Defense" is DD or DOD).

    >>> sorted(initials("Asaib Ahl al-Haq"))
    ['AAAH', 'AAH']
    >>> sorted(initials("Department of Defense"))
    ['DD', 'DOD']
    """
    articles, function_words = _words("arabic_articles"), _words("name_function_words")
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w and w[0].isalnum()]
    if len([w for w in words if w.casefold() not in articles]) < 2:
        return frozenset()
    out = set()
    # the Arabic article may or may not give a letter ("AAH" for Asaib Ahl al-Haq, "AQAP"
    # for al-Qaeda in the Arabian Peninsula); function words likewise ("DoD", "ISIL")
    for skip_articles in (True, False):
        kept = [w for w in words if not (skip_articles and w.casefold() in articles)]
        content = [w for w in kept if w.casefold() not in function_words]
        out |= {"".join(w[0] for w in content).upper(), "".join(w[0] for w in kept).upper()}
    return frozenset(a for a in out if len(a) >= 2)


def acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` abbreviates ``name``.

    >>> acronym_of("KH", "Kataib Hezbollah"), acronym_of("DoD", "Department of Defense")
    (True, True)
    >>> acronym_of("KH", "Harakat Hezbollah al-Nujaba")
    False
    """
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    return is_acronym(acronym) and letters in initials(name)


@lru_cache(maxsize=NAME_CACHE)
def person_parts(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The full words of a personal name and its single-letter initials.

    >>> person_parts("Mark T. Esper")
    (('mark', 'esper'), frozenset({'t'}))
    """
    words = name_key(strip_titles(name)).split()
    return tuple(w for w in words if len(w) > 1), frozenset(w for w in words if len(w) == 1)


def same_person(a: str, b: str) -> bool:
    """Whether two full personal names name one person, up to variants and initials.

    Middle initials may be missing on one side but must agree when both have them.

    >>> same_person("Mark T. Esper", "Mark Esper"), same_person("Qasem Soleimani", "Qassim Suleimani")
    (True, True)
    >>> same_person("George W. Bush", "George H. W. Bush")
    False
    """
    (wa, ia), (wb, ib) = person_parts(a), person_parts(b)
    if not wa or not wb or (ia and ib and ia != ib):
        return False
    return variant_of(" ".join(wa), " ".join(wb))


@lru_cache(maxsize=NAME_CACHE)
def surname_of(short: str, full: str) -> bool:
    """Whether ``short`` is the tail of the personal name ``full`` ("Muhandis", "Esper").

    >>> surname_of("al-Muhandis", "Abu Mahdi al-Muhandis"), surname_of("Esper", "Mark T. Esper")
    (True, True)
    >>> surname_of("Mark", "Mark Esper")
    False
    """
    ws, _ = person_parts(short)
    wf, _ = person_parts(full)
    if not ws or len(ws) >= len(wf):
        return False
    return variant_of(" ".join(ws), " ".join(wf[-len(ws):]))
