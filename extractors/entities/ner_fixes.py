"""A spaCy component that repairs the named-entity spans the small model gets wrong.

* a bracketed acronym caught inside a name is split off: "Asaib Ahl al-Haq (AAH" gives
  "Asaib Ahl al-Haq" and "AAH"; one the model left untagged gets the name's label;
* the words a bracketed acronym abbreviates become one name: "Islamic State in the
  Greater Sahara (ISGS)";
* a name cut in two is joined: "Kataeb" (NORP) + "Hezbollah" (ORG) gives one ORG, unless
  the first part is a country or a demonym ("U.S." + "State Department" stays two);
* a name-like adjective tagged alone is extended to the capitalised noun it modifies:
  "Islamic" + "State" gives "Islamic State";
* a first name cut from a person opening with a middle initial is given back;
* an office title caught in front of a person is dropped and the span made a PERSON:
  "Defense Lloyd Austin" (ORG) gives "Lloyd Austin";
* the upper-case town opening a wire dateline is a place: "TUCSON, Ariz. (AP)";
* names the small model misses or mislabels (:mod:`extractors.entities.missed_names`): lower-case civil
  state bodies ("Iran's foreign ministry"), ordinal-led units ("the 82nd Airborne
  Division"), numbered sites ("Tower 22"), alliances tagged EVENT/PRODUCT/LAW, names a
  kind noun describes ("the Somali group al-Shabab", "Nigeria's capital Abuja"),
  institutions cut before their "of", given names left out, possessive endings.

Registered as the factory ``kgb_entity_fixes`` and added after ``ner`` by
:func:`extractors.text.model.load_nlp`. A spaCy component's config must be plain data, so
the factory does not take the lexicon as a setting: it loads the shipped one once, when
the component is created (:func:`extractors.lexicon.load_lexicon`, cached), and every
repair function below takes it as an argument.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.entities.countries import load_countries
from extractors.entities.names import acronym_of, is_acronym, titles
from extractors.entities.span_lists import trim_ends
from extractors.lexicon import Lexicon, load_lexicon
from extractors.entities.missed_names import named_entity_fixes

_NAME_LABELS = {"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC"}


def _institution_words(lexicon: Lexicon) -> frozenset[str]:
    """Words that make a titled span an institution, not a person ("Defense Department")."""
    return (lexicon.words("institution_nouns") | lexicon.words("state_body_nouns")
            | lexicon.words("organisation_nouns"))


def _bracketed_acronym(doc: Doc, ent: Span, taken: set[int]) -> Span | None:
    """The untagged acronym in brackets right after a name: "Jaysh al-Adl (JA)"."""
    if ent.end + 2 >= len(doc) or doc[ent.end].text not in {"(", "["} \
            or doc[ent.end + 2].text not in {")", "]"} or ent.end + 1 in taken:
        return None
    if not is_acronym(doc[ent.end + 1].text):
        return None
    return Span(doc, ent.end + 1, ent.end + 2, label=ent.label_)


def split_brackets(doc: Doc, ents: list[Span]) -> list[Span]:
    """Split "Long Name (ACR" into the name and the acronym; tag "Long Name (ACR)"'s ACR."""
    out = []
    taken = {t.i for e in ents for t in e}
    for ent in ents:
        opens = [t.i for t in ent if t.text in {"(", "["}]
        if not opens or opens[0] == ent.start:
            out.append(ent)
            if (acr := _bracketed_acronym(doc, ent, taken)) is not None:
                out.append(acr)
                taken.add(acr.start)
            continue
        cut = opens[0]
        end = next((t.i for t in doc[cut:min(cut + 6, len(doc))] if t.text in {")", "]"}),
                   ent.end)
        inside = doc[cut + 1:min(end, ent.end)]
        out.append(Span(doc, ent.start, cut, label=ent.label_))
        if len(inside) and is_acronym(inside.text):
            out.append(Span(doc, inside.start, inside.end, label=ent.label_))
    return out


def _long_form_start(doc: Doc, open_i: int, acronym: str) -> int | None:
    """The start of the words before a bracket whose initials spell ``acronym``."""
    sent_start = doc[open_i].sent.start if doc.has_annotation("SENT_START") else 0
    for start in range(open_i - 1, max(sent_start, open_i - 12) - 1, -1):
        tok = doc[start]
        if tok.is_punct and tok.text not in {"-", "'", "’"}:
            return None
        if tok.text[:1].isupper() and acronym_of(acronym, doc[start:open_i].text):
            return start
    return None


def extend_to_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """Make the words an acronym in brackets abbreviates one name.

    "Islamic State in the Greater Sahara (ISGS)", which the model reads as "Islamic State"
    and "Greater Sahara", becomes one organisation, and so does "Jama'at Nusrat al-Islam
    wal-Muslimin (JNIM)" when the model tagged only part of it.
    """
    out = list(ents)
    for tok in doc[:-2]:
        close = doc[tok.i + 2]
        if tok.text != "(" or close.text != ")" or not is_acronym(doc[tok.i + 1].text):
            continue
        start = _long_form_start(doc, tok.i, doc[tok.i + 1].text)
        if start is None:
            continue
        inside = [e for e in out if e.start < tok.i and e.end > start]
        if len(inside) == 1 and inside[0].start == start and inside[0].end == tok.i:
            continue  # already one name
        label = next((e.label_ for e in inside if e.label_ not in {"PERSON", "GPE", "LOC"}), "ORG")
        out = [e for e in out if not (e.start < tok.i and e.end > start)]
        out.append(Span(doc, start, tok.i, label=label))
        if not any(e.start <= tok.i + 1 < e.end for e in out):
            out.append(Span(doc, tok.i + 1, tok.i + 2, label=label))
    return sorted(out, key=lambda e: e.start)


def extend_adjectives(doc: Doc, ents: list[Span]) -> list[Span]:
    """Extend a name-like adjective the model tagged alone to the capitalised noun it
    modifies: "the Islamic State" tagged "Islamic" (NORP) gives "Islamic State" (ORG).
    Not a demonym ("Iranian Army" stays the country and its army)."""
    countries = load_countries()
    taken = {t.i for e in ents for t in e}
    out = []
    for ent in ents:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if (ent.label_ == "NORP" and nxt is not None and ent.root.head.i == nxt.i
                and nxt.i not in taken and nxt.pos_ == "PROPN" and nxt.text.istitle()
                and doc[ent.end - 1].whitespace_ == " " and not countries.any(ent.text)):
            out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
            continue
        out.append(ent)
    return out


def first_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Give back the first name the model cut from a person opening with a middle initial:
    "Antony" + "J. Blinken" gives "Antony J. Blinken" (a name does not start with one)."""
    taken = {t.i for e in ents for t in e}
    out = []
    for ent in ents:
        first = ent[0].text
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if (ent.label_ == "PERSON" and len(first) == 2 and first[0].isupper() and first[1] == "."
                and prev is not None and prev.i not in taken and prev.pos_ == "PROPN"
                and prev.text.istitle() and prev.text.isalpha() and prev.whitespace_ == " "
                and prev.text.lower() not in titles()):
            out.append(Span(doc, prev.i, ent.end, label="PERSON"))
            continue
        out.append(ent)
    return out


def merge_adjacent(doc: Doc, ents: list[Span]) -> list[Span]:
    """Join two name spans that touch with one space between and form one name."""
    countries = load_countries()
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.label_ in _NAME_LABELS
                and ent.label_ in _NAME_LABELS and doc[prev.end - 1].whitespace_ == " "
                # a person joins only a person: "José Adolfo" + "Macías Villamar"
                and ("PERSON" not in {prev.label_, ent.label_} or prev.label_ == ent.label_)
                and not countries.any(prev.text) and not countries.any(ent.text)
                # "pro-Russian" + "Wagner Group": a lower-case modifier is not part of the name
                and all(t.text[:1].isupper() for t in (prev[0], doc[prev.end - 1], ent[0]))):
            out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
            continue
        out.append(ent)
    return out


def person_tails(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Give a person the capitalised names the model left after it: "Ahmed Abdallah" +
    "Mohamed Sambi" (untagged) gives one name; not an office or an institution word."""
    taken = {t.i for e in ents for t in e}
    stop = _institution_words(lexicon) | lexicon.words("state_nouns") | titles()
    out = []
    for ent in ents:
        end = ent.end
        while (ent.label_ == "PERSON" and end < len(doc) and end - ent.end < 2 and end not in taken
               and doc[end - 1].whitespace_ == " " and doc[end].pos_ == "PROPN"
               and doc[end].text.isalpha() and doc[end].text.istitle()
               and doc[end].text.lower() not in stop and not doc[end].ent_type_):
            end += 1
        out.append(Span(doc, ent.start, end, label=ent.label_) if end > ent.end else ent)
    return out


def untitle_people(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Drop office words in front of a personal name the model took for an organisation."""
    institutions = _institution_words(lexicon)
    out = []
    for ent in ents:
        words = [t for t in ent]
        k = 0
        while k < len(words) - 2 and words[k].text.rstrip(".").lower() in titles():
            k += 1
        rest = words[k:]
        if (ent.label_ == "ORG" and k > 0 and len(rest) >= 2
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
                and not any(t.text.lower() in institutions for t in rest)):
            out.append(Span(doc, rest[0].i, ent.end, label="PERSON"))
        else:
            out.append(ent)
    return out


def dateline_town(doc: Doc, ents: list[Span]) -> list[Span]:
    """Tag the upper-case town that opens a wire dateline: "TUCSON, Ariz. (AP)",
    "LIMA (Reuters)"; the model rarely knows a town written in capitals."""
    toks = [t for t in doc if t.text.strip()]
    k = 0
    while k < len(toks) and toks[k].text.isalpha() and toks[k].text.isupper() and len(toks[k]) > 1:
        k += 1
    if k == 0 or k >= len(toks) or toks[k].text not in {",", "("}:
        return ents
    start, end = toks[0].i, toks[k - 1].i + 1
    if any(e.start < end and start < e.end for e in ents):
        return ents
    after = next((e for e in ents if e.start == toks[k].i + 1), None)
    # ", Region (Agency)" or "(Agency)" right after the town
    if toks[k].text == "," and (after is None or after.label_ not in {"GPE", "LOC"}):
        return ents
    if toks[k].text == "(" and (after is None or after.label_ != "ORG"):
        return ents
    return sorted([*ents, Span(doc, start, end, label="GPE")], key=lambda e: e.start)


def entity_fixes(doc: Doc, *, lexicon: Lexicon) -> Doc:
    """Repair the entity spans of ``doc`` in place (see the module docstring)."""
    ents = [e for e in doc.ents]
    ents = extend_to_acronyms(doc, split_brackets(doc, trim_function_words(doc, ents)))
    ents = untitle_people(doc, merge_adjacent(doc, extend_adjectives(doc, ents)), lexicon=lexicon)
    ents = person_tails(doc, first_names(doc, ents), lexicon=lexicon)
    ents = dateline_town(doc, ents)
    ents = article_names(doc, ents, lexicon=lexicon)
    ents = possessive_bodies(doc, ents, lexicon=lexicon)
    ents = named_entity_fixes(doc, ents, lexicon=lexicon)
    doc.ents = [e for e in ents if len(e)]
    return doc


def trim_function_words(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name does not end on a lower-case preposition, article or conjunction: the model's
    "Islamic State in" (before "Raqqa") is "Islamic State"."""
    return trim_ends(doc, ents, lambda t: t.is_lower and t.pos_ in {"ADP", "DET", "CCONJ"})


def article_names(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Tag an untagged name that opens with a lower-case Arabic article: "an al-Shabaab
    commander", "for al Qaeda" (the small model rarely knows these names).

    Not a surname: an "al-" word that closes a person's name anywhere in the document
    ("Ayman al-Zawahiri", then "al-Zawahiri") or follows a capitalised word is left alone.
    """
    articles = lexicon.words("arabic_articles")
    surnames = {doc[e.end - 1].text.lower() for e in ents if e.label_ == "PERSON" and len(e) > 3}
    # a lone "al-" name the model took for a person, and no one's surname: "the group al-Shabab"
    ents = [Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and len(e) <= 3
            and e[0].text in articles and e[-1].text.lower() not in surnames else e
            for e in ents]
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        if tok.text not in articles or tok.i in taken or tok.i + 1 >= len(doc):
            continue
        k = tok.i + 2 if doc[tok.i + 1].text == "-" and tok.whitespace_ == "" else tok.i + 1
        if k >= len(doc) or k in taken or not doc[k].text[:1].isupper() \
                or not doc[k].text.isalpha() or len(doc[k].text) < 3:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and (prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start
                                 and prev.pos_ == "PROPN" or prev.i in taken):
            continue
        if doc[k].text.lower() in surnames:
            continue
        out.append(Span(doc, tok.i, k + 1, label="ORG"))
        taken.update(range(tok.i, k + 1))
    return sorted(out, key=lambda e: e.start)


_POSSESSIVE = {"'s", "’s"}


def possessive_bodies(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Two bodies joined by a possessive are two names: "the Treasury Department's Financial
    Crimes Enforcement Network" gives both; the untagged owner of a tagged body is a name too:
    "the U.S. Department of the Treasury's Office of Foreign Assets Control". A possessive
    after a word like "People" is inside one name: "the Korean People's Army"."""
    of_heads = lexicon.words("of_phrase_heads")
    out: list[Span] = []
    taken = {i for e in ents for i in range(e.start, e.end)}
    dropped: set[int] = set()
    for ent in ents:
        # a name cut before its "of": "the U.S. Department" + "of the Treasury"
        if ent.label_ == "ORG" and ent[-1].lower_ in of_heads and ent.end + 1 < len(doc) \
                and doc[ent.end].lower_ == "of":
            k = ent.end + 1 + (doc[ent.end + 1].lower_ == "the")
            end = k
            # the model may have tagged the completion alone: "Treasury"
            tail = next((e for e in ents if e.start == k and e.label_ == "ORG"), None)
            if tail is not None:
                end = tail.end
                dropped.add(tail.start)
            while end < len(doc) and end not in taken and doc[end].text[:1].isupper() \
                    and doc[end].is_alpha:
                end += 1
            if end > k:
                ent = Span(doc, ent.start, end, label="ORG")
                taken.update(range(ent.start, end))
        if ent.start in dropped:
            continue
        cut = next((t.i for t in ent if t.text in _POSSESSIVE and ent.start < t.i < ent.end - 1),
                   None)
        if ent.label_ == "ORG" and cut is not None and doc[cut + 1].text[:1].isupper() \
                and doc[cut - 1].lower_ not in lexicon.words("possessive_name_words"):
            # ("the Korean People's Army" is one name)
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if any(t.text[:1].isupper() for t in doc[start:cut]):
                out.extend([Span(doc, start, cut, label="ORG"), Span(doc, cut + 1, ent.end,
                                                                     label="ORG")])
                continue
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    added: list[Span] = []
    for ent in out:
        if ent.label_ != "ORG" or ent.start < 2 or doc[ent.start - 1].text not in _POSSESSIVE:
            continue
        # walk left over a capitalised name with "of" / "of the" inside it
        i = ent.start - 2
        while i >= 0 and i not in taken and (
                doc[i].text[:1].isupper() and (doc[i].is_alpha or doc[i].text.endswith("."))
                or doc[i].lower_ in {"of", "the", "for", "and"} and i > 0
                and doc[i - 1].lower_ in of_heads | {"of"}):
            i -= 1
        start = i + 1
        while start < ent.start - 1 and not doc[start].text[:1].isupper():
            start += 1
        words = [t for t in doc[start:ent.start - 1] if t.is_alpha and t.text[:1].isupper()]
        # a name of two words at least ("Treasury Department"), not a lone country ("Iran's")
        if len(words) >= 2 and doc[start].pos_ == "PROPN" and not doc[start].is_sent_start:
            added.append(Span(doc, start, ent.start - 1, label="ORG"))
            taken.update(range(start, ent.start - 1))
    return sorted(out + added, key=lambda e: e.start)


@Language.factory("kgb_entity_fixes")
def make_entity_fixes(nlp: Language, name: str):
    """The ``kgb_entity_fixes`` component, with the shipped lexicon loaded once."""
    lexicon = load_lexicon()

    def fix(doc: Doc) -> Doc:
        return entity_fixes(doc, lexicon=lexicon)
    return fix
