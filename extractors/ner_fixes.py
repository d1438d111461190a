"""A spaCy component that repairs the named-entity spans the small model gets wrong.

* a bracketed acronym caught inside a name is split off: "Asaib Ahl al-Haq (AAH" gives
  "Asaib Ahl al-Haq" and "AAH"; one the model left untagged gets the name's label;
* the words a bracketed acronym abbreviates become one name: "Islamic State in the
  Greater Sahara (ISGS)";
* a name cut in two is joined: "Kataeb" (NORP) + "Hezbollah" (ORG) gives one ORG, unless
  the first part is a country or a demonym ("U.S." + "State Department" stays two);
* the Arabic article left outside a name is taken in: "al-" + "Muhandis";
* an office title caught in front of a person is dropped and the span made a PERSON:
  "Defense Lloyd Austin" (ORG) gives "Lloyd Austin";
* the upper-case town opening a wire dateline is a place: "TUCSON, Ariz. (AP)";
* an untagged bare name with an office in apposition is a person: "Brandt, a senior official";
* names the small model misses or mislabels (:func:`named_entity_fixes`): lower-case civil
  state bodies ("Iran's foreign ministry"), ordinal-led units ("the 82nd Airborne
  Division"), numbered sites ("Tower 22"), alliances tagged EVENT/PRODUCT/LAW, names a
  kind noun describes ("the Somali group al-Shabab", "Nigeria's capital Abuja"),
  institutions cut before their "of", given names left out, possessive endings.

Registered as ``kgb_entity_fixes`` after ``ner`` by :func:`extractors.model.load_nlp`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.countries import load_countries
from extractors.lexicon import load_lexicon
from extractors.names import TITLES, acronym_of, is_acronym

_NAME_LABELS = {"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC"}
# words that make a titled span an institution, not a person ("Defense Department")
_INSTITUTION_WORDS = {"department", "ministry", "office", "council", "agency", "forces",
                      "command", "committee", "university", "court", "bank", "party"}


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


def merge_adjacent(doc: Doc, ents: list[Span]) -> list[Span]:
    """Join two name spans that touch with one space between and form one name."""
    countries = load_countries()
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.label_ in _NAME_LABELS
                and ent.label_ in _NAME_LABELS and doc[prev.end - 1].whitespace_ == " "
                and "PERSON" not in {prev.label_, ent.label_}
                and not countries.any(prev.text) and not countries.any(ent.text)
                # "pro-Russian" + "Wagner Group": a lower-case modifier is not part of the name
                and all(t.text[:1].isupper() for t in (prev[0], doc[prev.end - 1], ent[0]))):
            out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
            continue
        out.append(ent)
    return out


_ARTICLE_WORDS = {"al", "el", "ul"}


def attach_articles(doc: Doc, ents: list[Span]) -> list[Span]:
    """Take in the Arabic article the model left outside: "al-" + "Muhandis", "Jaish al-" + "Adl"."""
    out: list[Span] = []
    taken = {t.i for e in ents for t in e}
    for ent in ents:
        start, end = ent.start, ent.end
        # "al" "-" before the name
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text.lower() in _ARTICLE_WORDS \
                and not {start - 1, start - 2} & taken:
            start -= 2
        elif start >= 1 and doc[start - 1].text.lower() in {"al-", "el-"} and start - 1 not in taken:
            start -= 1
        # a name that stops at its article: "Jaish al" "-" "Adl"
        if end + 1 < len(doc) and doc[end - 1].text.lower() in _ARTICLE_WORDS | {"al-", "el-"}:
            k = end + 1 if doc[end].text == "-" else end
            if k < len(doc) and doc[k].text[:1].isupper() and k not in taken:
                end = k + 1
        out.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_))
    return out


def untitle_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Drop office words in front of a personal name the model took for an organisation."""
    out = []
    for ent in ents:
        words = [t for t in ent]
        k = 0
        while k < len(words) - 2 and words[k].text.rstrip(".").lower() in TITLES:
            k += 1
        rest = words[k:]
        if (ent.label_ == "ORG" and k > 0 and len(rest) >= 2
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
                and not any(t.text.lower() in _INSTITUTION_WORDS for t in rest)):
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


def titled_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """Tag an untagged capitalised name that a title or office describes in apposition:
    "Brandt, a senior Treasury official," (a bare surname the model did not know)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text.istitle() or not tok.text.isalpha():
            continue
        if tok.dep_ == "compound" or any(c.dep_ == "compound" for c in tok.children):
            continue
        # "X, a/the ... official": the apposition's head noun is an office word
        if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ in TITLES
               and any(d.lower_ in {"a", "an", "the"} for d in c.children)
               for c in tok.children):
            out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    return sorted(out, key=lambda e: e.start)


@Language.component("kgb_entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    """Repair the entity spans of ``doc`` in place (see the module docstring)."""
    ents = [e for e in doc.ents]
    ents = extend_to_acronyms(doc, attach_articles(doc, split_brackets(doc, ents)))
    ents = untitle_people(doc, merge_adjacent(doc, ents))
    ents = dateline_town(doc, ents)
    ents = titled_surnames(doc, ents)
    ents = named_entity_fixes(doc, ents)
    doc.ents = [e for e in ents if len(e)]
    return doc


# --- names the small model misses or mislabels (issue 9 §4) -------------------------------

def _words(name: str) -> frozenset[str]:
    return load_lexicon().words(name)


def _replace(ents: list[Span], new: Span) -> list[Span]:
    """``ents`` with ``new`` in place of every span it overlaps."""
    kept = [e for e in ents if e.end <= new.start or e.start >= new.end]
    return sorted([*kept, new], key=lambda e: e.start)


def _ent_at(ents: list[Span], i: int) -> Span | None:
    return next((e for e in ents if e.start <= i < e.end), None)


def state_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """A state body written in lower case after a demonym or a possessive is a name:
    "the Israeli military" (ORG "Israeli military"), "Iran's foreign ministry" (ORG
    "foreign ministry", the possessive stays the country), "Lebanon's parliament".

    The demonym stays inside the name, as news capitalises it ("Russian Foreign
    Ministry"); the possessive does not. Generic phrases ("three Malian officials") are
    untouched: the head must be a body noun of ``state_body_nouns``.
    """
    heads = {w.split()[-1] for w in _words("state_body_nouns")}
    countries = load_countries()
    out = list(ents)
    for tok in doc:
        if tok.lower_ not in heads or not tok.text.islower() or _ent_at(out, tok.i):
            continue
        # the lower-case modifiers right before the head: "foreign", "transition"
        start = tok.i
        while start > 0 and doc[start - 1].dep_ in {"amod", "compound"} \
                and doc[start - 1].head.i in range(start, tok.i + 1) \
                and doc[start - 1].text.islower() and doc[start - 1].is_alpha:
            start -= 1
        before = doc[start - 1] if start > 0 else None
        if before is None:
            continue
        ent = _ent_at(out, before.i)
        if before.dep_ == "amod" and ent is not None and ent.label_ == "NORP" \
                and len(ent) == 1 and countries.demonym(ent.text):
            out = _replace(out, Span(doc, before.i, tok.i + 1, label="ORG"))
        elif before.tag_ == "POS" and start >= 2 and before.head.head.i == tok.i:
            owner = _ent_at(out, start - 2)
            if owner is not None and owner.label_ in {"GPE", "NORP"}:
                out = _replace(out, Span(doc, start, tok.i + 1, label="ORG"))
    return out


def ordinal_units(doc: Doc, ents: list[Span]) -> list[Span]:
    """A unit named by an ordinal is an organisation: "the 82nd Airborne Division",
    "the 101st Airborne", "the 4th Armored Brigade"."""
    units = _words("unit_nouns")
    out = list(ents)
    for tok in doc:
        if not (tok.like_num or tok.text[:1].isdigit()) or not tok.text[-2:].lower() in \
                {"st", "nd", "rd", "th"} or not tok.text[0].isdigit():
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == tok.i + 1 or not any(t.lower_ in units or t.lower_ == "airborne"
                                       for t in doc[tok.i + 1:end]):
            continue
        out = _replace(out, Span(doc, tok.i, end, label="ORG"))
    return out


def numbered_sites(doc: Doc, ents: list[Span]) -> list[Span]:
    """A built place named by a number is a facility: "Tower 22", "Camp 4" (the model
    often says EVENT or PRODUCT, or nothing)."""
    kinds = _words("facility_nouns")
    out = list(ents)
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.lower_ not in kinds or not tok.text[:1].isupper() or not nxt.text.isdigit():
            continue
        ent = _ent_at(out, tok.i)
        if ent is not None and ent.label_ in {"ORG", "GPE", "FAC", "PERSON"} and len(ent) > 2:
            continue
        out = _replace(out, Span(doc, tok.i, tok.i + 2, label="FAC"))
    return out


_OTHER_LABELS = {"EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
# words that make a span the model tagged EVENT, PRODUCT or LAW an organisation or format
_GROUPING_WORDS = {"alliance", "coalition", "group", "forum", "format", "partnership",
                   "union", "council", "organisation", "organization", "pact", "quartet",
                   "initiative"}


def alliances(doc: Doc, ents: list[Span]) -> list[Span]:
    """An alliance or format the model tagged EVENT, PRODUCT or LAW is an organisation:
    "the Weimar Triangle format", "the Combined Maritime Forces coalition"."""
    out = []
    for ent in ents:
        if ent.label_ in _OTHER_LABELS and {t.lower_ for t in ent} & _GROUPING_WORDS:
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
        else:
            out.append(ent)
    return out


def kind_described_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name its description gives a kind to takes that kind's label:
    "the Somali group al-Shabab", "Los Choneros, an Ecuadorian drug gang" (ORG, not a
    person or a place); "Nigeria's capital Abuja", "Anjouan's capital, Mutsamudu" (a place,
    not a person); and the untagged name of "Ethiopia's Ebole district" (a region)."""
    groups = _words("institution_nouns")
    kinds = _words("place_nouns")
    out = list(ents)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in groups and tok.pos_ == "NOUN" and not _ent_at(out, tok.i):
            described = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                described.append(tok.head)
            for d in described:
                ent = _ent_at(out, d.i)
                if ent is not None and ent.label_ in {"PERSON", "GPE", "FAC"} and ent.root == d:
                    out = _replace(out, Span(doc, ent.start, ent.end, label="ORG"))
        elif tok.lower_ in kinds and tok.text.islower() and tok.tag_ == "NN":
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or (o := _ent_at(out, owner.i)) is None \
                    or o.label_ not in {"GPE", "LOC"}:
                continue
            # "Somalia's Gedo region": an untagged proper name on the kind noun
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and c.text[:1].isupper() and not _ent_at(out, c.i)]
            if names and names[-1].i == tok.i - 1 and names[0].i > owner.i:
                label = "GPE" if tok.lower_ in {"capital", "city", "town", "village"} else "LOC"
                out = _replace(out, Span(doc, names[0].i, tok.i, label=label))
                continue
            # "Nigeria's capital Abuja", "Anjouan's capital, Mutsamudu": a person tag is wrong
            k = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
            ent = _ent_at(out, k) if k < len(doc) else None
            if ent is not None and ent.start == k and ent.label_ == "PERSON":
                out = _replace(out, Span(doc, ent.start, ent.end, label="GPE"))
            elif ent is None and tok.lower_ == "capital" and k < len(doc) \
                    and doc[k].text[:1].isupper() and doc[k].is_sent_start is not True:
                # "Yemen's capital Sana'a": an untagged name right after the capital
                end = k
                while end < len(doc) and doc[end].text[:1].isupper() and not _ent_at(out, end):
                    doc[end].tag_, doc[end].pos_ = "NNP", "PROPN"  # a name, not a common noun
                    end += 1
                out = _replace(out, Span(doc, k, end, label="GPE"))
    return out


def split_kind_of_country(doc: Doc, ents: list[Span]) -> list[Span]:
    """Split a place name the model ran on into its country: "Segou Region of Mali" gives
    "Segou Region" and "Mali"."""
    countries = load_countries()
    kinds = _words("place_nouns")
    out = []
    for ent in ents:
        of = next((t.i for t in ent[1:-1] if t.lower_ == "of"
                   and doc[t.i - 1].lower_ in kinds), None)
        if ent.label_ in {"GPE", "LOC", "ORG"} and of is not None \
                and countries.country(doc[of + 1:ent.end].text):
            out.append(Span(doc, ent.start, of, label=ent.label_))
            out.append(Span(doc, of + 1, ent.end, label="GPE"))
        else:
            out.append(ent)
    return out


def named_entity_fixes(doc: Doc, ents: list[Span]) -> list[Span]:
    """The fixes of names the model misses or mislabels, in order (see each function)."""
    for fix in (drop_possessive_endings, uncut_people, join_institution_of, state_missions, split_kind_of_country, alliances, numbered_sites, ordinal_units, state_bodies,
                kind_described_names):
        ents = fix(doc, ents)
    return ents


# last words of an institution's name that "of the X" completes ("the U.S. Department" +
# "of the" + "Treasury" is one name)
_OF_HEADS = {"department", "ministry", "office", "bureau", "secretariat", "board"}


def join_institution_of(doc: Doc, ents: list[Span]) -> list[Span]:
    """Join an institution the model cut before its "of": "the U.S. Department" + "of the"
    + "Treasury" gives "the U.S. Department of the Treasury". A possessive after it stays
    outside ("the Department of the Treasury's Office of Foreign Assets Control" is two)."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG" \
                and doc[prev.end - 1].lower_ in _OF_HEADS and doc[prev.end].lower_ == "of" \
                and ent.start - prev.end in (1, 2) \
                and (ent.start - prev.end == 1 or doc[prev.end + 1].lower_ == "the"):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def uncut_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Take in the untagged given names the model left before a person's name: "Basim"
    of "Basim Mohammad Hasab al-Majidi". Titles ("General"), words in lower case and
    tagged names stay outside."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        start = ent.start
        while ent.label_ == "PERSON" and start > 0 and start - 1 not in taken:
            prev = doc[start - 1]
            if prev.pos_ != "PROPN" or not prev.text.istitle() or not prev.is_alpha \
                    or prev.lower_ in TITLES or prev.lower_ in _words("title_words") \
                    or prev.dep_ != "compound":
                break
            start -= 1
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label="PERSON"))
    return out


def drop_possessive_endings(doc: Doc, ents: list[Span]) -> list[Span]:
    """A possessive is not part of a name: "the Department of the Treasury's" gives "the
    Department of the Treasury"."""
    out = []
    for ent in ents:
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].tag_ == "POS":
            end -= 1
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_))
    return out


# a state's missions abroad, named by the state: "the Swiss embassy", "the U.S. Consulate"
_MISSIONS = {"embassy", "consulate", "mission"}


def state_missions(doc: Doc, ents: list[Span]) -> list[Span]:
    """A state's embassy named by its demonym or short name is a facility: "the Swiss
    embassy in Tehran", "the Iranian Embassy", "the U.S. embassy" (one mission, singular)."""
    countries = load_countries()
    out = list(ents)
    for tok in doc[1:]:
        if tok.lower_ not in _MISSIONS or tok.tag_ not in {"NN", "NNP"}:
            continue
        ent = _ent_at(out, tok.i - 1)
        if ent is None or ent.end != tok.i or ent.label_ not in {"NORP", "GPE"} \
                or not (countries.demonym(ent.text) or countries.country(ent.text)):
            continue
        if _ent_at(out, tok.i) is not None and _ent_at(out, tok.i) is not ent:
            continue
        out = _replace(out, Span(doc, ent.start, tok.i + 1, label="FAC"))
    return out
