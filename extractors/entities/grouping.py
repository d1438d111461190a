"""Which names of one document mean one entity: collecting spaCy's entity spans into
distinct names and uniting them by rule, each union with its reason.

Used by :func:`extractors.entities.index_entities`; the rules are listed in that
module's docstring.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extractors.entities.acronyms import bracket_definitions
from extractors.entities.countries import load_countries
from extractors.entities.missed_names import author_spans
from extractors.entities.entity_classes import PRIORITY, classify
from extractors.entities.name_shapes import (ARTICLE_NAME, clean_name, is_dateline, is_headline,
                                             is_state_body, is_title_line, names_several,
                                             starts_like_a_name)
from extractors.entities.names import (acronym_of, demonym_of, institution_field, institution_key,
                                       is_acronym, name_key, person_parts, same_person, surname_of,
                                       titles, variant_of)
from extractors.entities.unionfind import UnionFind
from extractors.lexicon import Lexicon
from ontology.classes import subclasses_of

# a capital stands for its government when it acts: subject or possessor ("Washington said")
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss"}
# spaCy labels that name entities of the ontology
_KEEP = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


@lru_cache(maxsize=8)
def _words_regex(pattern: str, words: frozenset[str]) -> re.Pattern:
    """``pattern`` with ``{words}`` replaced by an alternation of ``words``, case-insensitive."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(pattern.replace("{words}", f"(?:{alternation})"), re.IGNORECASE)


def _state_of(name: str, lexicon: Lexicon) -> str | None:
    """The country part of "Government of X" or "X government", else None."""
    nouns = lexicon.words("state_nouns")
    m = _words_regex(r"^{words}\s+of\s+(.+)$", nouns).match(name) \
        or _words_regex(r"^(.+?)\s+{words}$", nouns).match(name)
    return m.group(1) if m else None


@dataclass
class Name:
    """One distinct name of the document (one :func:`name_key`) and its mentions."""

    key: str
    text: str
    spans: list[Span]
    classes: Counter
    country: str | None = None
    reasons: dict[str, str] = field(default_factory=dict)   # surface name -> why a country

    @property
    def cls(self) -> str:
        return max(self.classes, key=lambda c: (self.classes[c], -PRIORITY.index(c)))

    @property
    def words(self) -> int:
        return len(self.key.split())


class Groups:
    """The names' union-find (:class:`~extractors.entities.unionfind.UnionFind`) and why each
    name joined."""

    def __init__(self, names: list[Name]):
        self.names = names
        self._sets = UnionFind(len(names))
        self.why: dict[int, tuple[str, str]] = {}   # name -> (reason, other name)

    def root(self, i: int) -> int:
        return self._sets.root(i)

    def union(self, i: int, j: int, reason: str) -> None:
        # the earlier name stays the root, so a group is named deterministically
        if self._sets.union(i, j):
            self.why.setdefault(max(i, j), (reason, self.names[min(i, j)].text))


@dataclass(frozen=True)
class _Context:
    """What the whole document says about ambiguous names, gathered before grouping."""

    capitals_as_places: frozenset[str]   # capitals the text also uses as a place
    places: tuple[Span, ...]             # places the country table does not know
    surnames: frozenset[str] = frozenset()  # last words of people's full names

    def place_of_demonym(self, adjective: str) -> Span | None:
        """The one place of the text an adjective is made from ("South Ossetian")."""
        found = {name_key(clean_name(p)): p for p in self.places
                 if demonym_of(adjective, clean_name(p))}
        return next(iter(found.values())) if len(found) == 1 else None


def _context(doc: Doc) -> _Context:
    table = load_countries()
    places = {name_key(e.text) for e in doc.ents if e.label_ in {"GPE", "LOC"}
              and table.capital(e.text) and not _acts(e)}
    others = tuple(e for e in doc.ents if e.label_ in {"GPE", "LOC"} and not table.any(e.text))
    surnames = frozenset(name_key(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)
    return _Context(frozenset(places), others, surnames)


def _acts(span: Span) -> bool:
    """Whether a place name is used as an actor: the subject or owner of an act, not of a
    copula, and not described by an apposition ("Mogadishu, the capital of Somalia, was")."""
    root = span.root
    if root.dep_ not in _AGENT_DEPS or any(c.dep_ == "appos" for c in root.children):
        return False
    return root.dep_ == "poss" or root.head.lemma_ != "be"


def _country_of(span: Span, name: str, ctx: _Context, lexicon: Lexicon) -> tuple[str | None, str]:
    """The country a mention stands for, and why, or None."""
    table = load_countries()
    if not name[:1].isupper():
        return None, ""
    if span.label_ == "PERSON":
        # "Michael Jordan", "Jordan" is a person; "Kidal Region, Mali" a country all the same
        c = table.country(name) if name_key(name) not in ctx.surnames else None
        return (c, "country name") if c else (None, "")
    if span.label_ in {"GPE", "LOC", "ORG", "NORP"} and (c := table.country(name)):
        return c, "country name"
    if (c := table.demonym(name)) is not None:
        return c, "demonym"
    state = _state_of(name, lexicon)
    if state and (c := table.country(state) or table.demonym(state)):
        return c, "government of the country"
    # a capital that acts ("Washington said") or that the model took for an organisation,
    # unless the text also uses it as a place (then it is the city throughout) or it is
    # a dateline in capitals ("BEIRUT -")
    if (c := table.capital(name)) and not name.isupper() \
            and name_key(name) not in ctx.capitals_as_places and (
            span.label_ == "ORG" or span.label_ == "GPE" and _acts(span)):
        return c, "capital standing for its government"
    return None, ""


def _body_keys(doc: Doc, shape) -> set[str]:
    """Name keys of the entities the model found outside title-case lines."""
    return {name_key(clean_name(e)) for e in doc.ents if not shape(e.sent)[0]}


def _line_shapes():
    """``shape(sent)`` -> (is a headline, is a title line), read once per sentence."""
    known: dict[int, tuple[bool, bool]] = {}

    def shape(sent: Span) -> tuple[bool, bool]:
        found = known.get(sent.start)
        if found is None:
            found = known[sent.start] = (is_headline(sent), is_title_line(sent))
        return found
    return shape


def collect_names(doc: Doc, *, lexicon: Lexicon) -> tuple[list[Name], list[tuple[Span, int]]]:
    """The distinct names of the document and each kept span with its name's number."""
    names: list[Name] = []
    by_key: dict[str, int] = {}
    spans: list[tuple[Span, int]] = []
    ctx = _context(doc)
    lower_words = {t.text for t in doc if t.text.islower()}
    body_keys: set[str] | None = None
    shape = _line_shapes()
    authors = {(s.start, s.end) for s in author_spans(doc, lexicon)}
    for span in doc.ents:
        if span.label_ not in _KEEP:
            continue
        headline, title_line = shape(span.sent)
        if (span.start, span.end) in authors:
            pass  # the byline's author: a name by its place, however the line is cased
        elif span.label_ == "PERSON" and headline or title_line \
                and not is_acronym(span.text) and load_countries().any(clean_name(span)) is None:
            # a name in a title-case headline counts only when the story names it too:
            # capitals there make "Port Raid" or "Rebels Take Town" look like names
            body_keys = _body_keys(doc, shape) if body_keys is None else body_keys
            if name_key(clean_name(span)) not in body_keys:
                continue
        name = clean_name(span)
        # "pro-Russian", "anti-American": a mention of the country the stance is about
        stance = re.match(r"(?:pro|anti)-(?=[A-Z])", name)
        name = name[stance.end():] if stance else name
        if not name or not starts_like_a_name(name, span, lexicon) or not any(c.isalpha() for c in name):
            continue
        if is_dateline(span):
            continue
        if names_several(span, lexicon):
            continue  # "the U.S. Embassies in A and B": several places, not one
        if len(span) == 1 and not is_acronym(name) and not is_state_body(span, lexicon) and (
                span[0].tag_ in {"NN", "NNS"} or name.lower() in lower_words
                or name.lower() in titles()):
            continue  # a capitalised common noun ("Rockets", "Defense") is not a name
        country, reason = _country_of(span, name, ctx, lexicon)
        if country is not None:
            key, cls = name_key(country), "Country"
        elif span.label_ == "NORP" and (place := ctx.place_of_demonym(name)) is not None:
            name = clean_name(place)   # "South Ossetian leader X": a mention of the place
            key, cls = name_key(name), classify(place, lexicon=lexicon)
        elif stance or span.label_ == "NORP" and span.root.pos_ != "PROPN":
            continue  # "Sunni", "pro-Western": a group of people, not an entity
        else:
            key, cls = name_key(name), classify(span, lexicon=lexicon)
        if not key:
            continue
        if key not in by_key:
            by_key[key] = len(names)
            names.append(Name(key, country or name, [], Counter(), country))
        n = names[by_key[key]]
        n.spans.append(span)
        n.classes[cls] += 1
        if country is not None:
            n.reasons.setdefault(name, reason)
        spans.append((span, by_key[key]))
    return names, spans


def _unique(groups: Groups, candidates: list[int]) -> int | None:
    """The one group the candidates fall into, or None when there are several or none."""
    roots = {groups.root(c) for c in candidates}
    return candidates[0] if len(roots) == 1 else None


def _named_as(doc: Doc, spans: list[tuple[Span, int]], lexicon: Lexicon
              ) -> list[tuple[int, int]]:
    """Pairs of names the text equates: "X, also known as Y", "X (called Y locally)",
    "X, also known as Y and Z" (every name of the list)."""
    starts = {span.start: i for span, i in spans}
    ends = {span.start: span.end for span, _ in spans}
    between = lexicon.words("naming_adverbs") | {",", "("}
    pairs = []
    for span, i in spans:
        k = span.end
        while k < len(doc) and doc[k].lower_ in between:
            k += 1
        # "also known as", "dubbed", "aka": a naming verb in its past form
        if k >= len(doc) or not (doc[k].lower_ == "aka" or doc[k].tag_ in {"VBN", "VBD"}
                                 and doc[k].lemma_.lower() in lexicon.words("naming_verbs")):
            continue
        k += 1
        while k < len(doc) and doc[k].lower_ in {"as", "the"}:
            k += 1
        while k in starts and starts[k] != i:
            pairs.append((i, starts[k]))
            k = ends[k]
            if k >= len(doc) or doc[k].lower_ not in {",", "and", "or"}:
                break
            while k < len(doc) and doc[k].lower_ in {",", "and", "or", "the"}:
                k += 1
    return pairs


def group_names(doc: Doc, names: list[Name], spans: list[tuple[Span, int]], *,
                lexicon: Lexicon) -> Groups:
    """Union the names that mean one entity, strongest evidence first."""
    groups = Groups(names)
    is_country = [n.country is not None for n in names]
    # the text says so: "the Houthis, also known as Ansar Allah"
    for i, j in _named_as(doc, spans, lexicon):
        if not (is_country[i] or is_country[j]):
            groups.union(i, j, "named so in the text")
    # transliteration variants of one name ("Kataeb Hezbollah", "Kata'ib Hizballah")
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            if is_country[i] or is_country[j]:
                continue
            if variant_of(a.key, b.key):
                groups.union(i, j, "transliteration variant")
            elif institution_key(a.key) == institution_key(b.key):
                groups.union(i, j, "same institution, words reordered")
    # one person written with and without middle initials or a title
    people = [i for i, n in enumerate(names) if n.cls == "Person" and n.words > 1]
    for x, i in enumerate(people):
        for j in people[x + 1:]:
            if same_person(names[i].text, names[j].text):
                groups.union(i, j, "same personal name")
    # one group's name in the singular and the plural: "Zapatista rebels", "the Zapatistas"
    by_key = {n.key: i for i, n in enumerate(names) if n.words == 1 and not is_country[i]}
    for key, i in by_key.items():
        j = by_key.get(key + "s")
        if j is not None:
            groups.union(i, j, "singular and plural of one name")
            for n in (names[i], names[j]):   # a name in the plural is a group, not a person
                n.classes.pop("Person", None)
                if not n.classes:
                    n.classes["Organization"] += 1
    # acronyms defined in brackets: "Kataib Hezbollah (KH)"
    keys = {n.key: i for i, n in enumerate(names)}
    for long_form, acronym in bracket_definitions(doc):
        i, j = keys.get(name_key(long_form)), keys.get(name_key(acronym))
        if i is not None and j is not None and not (is_country[i] or is_country[j]):
            groups.union(i, j, "acronym defined in brackets")
    # acronyms by initials, when one long name of the document fits
    for j, short in enumerate(names):
        if is_country[j] or not is_acronym(short.text):
            continue
        fits = [i for i, n in enumerate(names)
                if i != j and not is_country[i] and acronym_of(short.text, n.text)]
        if fits and (i := _unique(groups, fits)) is not None:
            groups.union(i, j, "acronym of the initials")
    # a surname or the tail of a name after the full name: "Esper", "al-Muhandis"
    for j, short in enumerate(names):
        if is_country[j] or not _may_be_surname(short):
            continue
        fits = [i for i in people if i != j and surname_of(short.text, names[i].text)]
        if fits and (i := _unique(groups, fits)) is not None:
            groups.union(i, j, "surname of the full name")
    # a given name alone, where the text calls the one person of that given name so and the
    # word is no one's surname: "Shimelis said" after "Shimelis Kemal"
    first_word = {i: person_parts(names[i].text)[0][:1] for i in people}
    for j, short in enumerate(names):
        if is_country[j] or short.words != 1 or not short.classes.get("Person") \
                or any(surname_of(short.text, names[i].text) for i in people):
            continue
        given = person_parts(short.text)[0]
        fits = [i for i in people if i != j and first_word[i] == given]
        if given and fits and (i := _unique(groups, fits)) is not None:
            groups.union(i, j, "given name of the full name")
    # an organisation's name without its country ("State Department" for "US State
    # Department") or its last words ("Harakat Hezbollah" for "Harakat Hezbollah al-Nujaba")
    org_classes = subclasses_of("Organization")
    orgs = [i for i, n in enumerate(names) if not is_country[i] and n.cls in org_classes]
    bare = {i: _without_country(names[i].text) for i in orgs}
    for j in orgs:
        short = names[j]
        if short.words < 2 or is_acronym(short.text):
            continue
        fits = [i for i in orgs if names[i].words > short.words
                and (bare[i] == short.key or _prefix_name(short.key, names[i].key, lexicon))]
        if fits and (i := _unique(groups, fits)) is not None:
            groups.union(i, j, "short form of the name")
    # an institution called by its field: "Treasury" for "Department of the Treasury"
    kinds = lexicon.words("institution_nouns")
    for j in (j for j in orgs if names[j].words == 1):
        fits = [i for i in orgs if institution_field(names[i].key, kinds) == names[j].key]
        if fits and (i := _unique(groups, fits)) is not None:
            groups.union(i, j, "the field of the institution")
    # a facility's short name: "Taji" for "Camp Taji", "Asad" for "Al Asad Air Base"
    heads = lexicon.words("facility_nouns") | {"air"}
    for j, short in enumerate(names):
        if short.words != 1 or is_country[j]:
            continue
        fits = [i for i, n in enumerate(names) if n.cls == "Facility" and n.words > 1
                and [w for w in n.key.split() if w not in heads] == [short.key]]
        if fits and (i := _unique(groups, fits)) is not None:
            groups.union(i, j, "short name of the facility")
    return groups


def _may_be_surname(name: Name) -> bool:
    """Whether a name may be a person's surname: the model called it a person at least
    once, or a place (it often does: "Soleimani" as GPE) or a one-word organisation with no
    kind word that acts as a subject ("Lindqvist met ..." as ORG), and it names no country."""
    plausible = name.classes.get("Person", 0) > 0 or name.cls in subclasses_of("Person") | {"City", "Region"} \
        or (name.cls == "Organization" and name.words == 1 and not is_acronym(name.text)
            and not ARTICLE_NAME.match(name.text)   # "al-Shabaab" is a group's name
            and any(s.root.dep_ in {"nsubj", "nsubjpass"} for s in name.spans))
    return plausible and load_countries().any(name.text) is None


def _prefix_name(short: str, long: str, lexicon: Lexicon) -> bool:
    """Whether ``short`` is ``long`` without its last words, and those words are no
    prepositional phrase: "Islamic State in the Greater Sahara" is another group."""
    sw, lw = short.split(), long.split()
    return lw[:len(sw)] == sw and lw[len(sw)] not in lexicon.words("name_function_words")


def _without_country(name: str) -> str | None:
    """The key of a name after a leading country or demonym ("Iraqi Foreign Ministry")."""
    table = load_countries()
    words = name.split()
    for n in (2, 1):
        if len(words) > n and table.any(" ".join(words[:n]).removesuffix("'s").removesuffix("’s")):
            return name_key(" ".join(words[n:]))
    return None


def canonical_name(members: list[Name]) -> Name:
    """The member whose name becomes the entity's: a country's own name, else the fullest."""
    countries = [n for n in members if n.country is not None]
    if countries:
        return countries[0]
    full = [n for n in members if not is_acronym(n.text)] or members
    # among full names of one length, the spelling whose words the text uses most
    words = Counter(w for n in members for w in n.key.split() for _ in n.spans)
    return max(full, key=lambda n: (n.words, sum(words[w] for w in n.key.split()),
                                    len(n.spans), -members.index(n)))
