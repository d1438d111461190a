"""Names the small model misses or mislabels, repaired before the entities are grouped.

Lower-case civil state bodies ("Iran's foreign ministry"), ordinal-led units ("the 82nd
Airborne Division"), numbered sites ("Tower 22"), alliances tagged EVENT, PRODUCT or LAW,
names a kind noun describes ("the Somali group al-Shabab", "Nigeria's capital Abuja"),
institutions cut before their "of", given names left out of a person's name, possessive
endings, a state's missions ("the Swiss embassy"), ships ("the USS Cole", "the merchant
vessel Galaxy Leader"), the author a statement's top names
("Jane Roe, Secretary of State"; "Remarks by President Roe"). Run by
:func:`extractors.entities.ner_fixes.entity_fixes` through :func:`named_entity_fixes`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.entities.countries import load_countries
from extractors.entities.described_people import (bodies_of_roles, office_holders,
                                                   role_described_people)
from extractors.entities.led_bodies import led_bodies
from extractors.entities.name_particles import particle_names
from extractors.entities.names import titles
from extractors.entities.span_lists import ent_at as _ent_at, replace_span as _replace, trim_ends
from extractors.lexicon import Lexicon


def state_bodies(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A state body written in lower case after a demonym or a possessive is a name:
    "the Israeli military" (ORG "Israeli military"), "Iran's foreign ministry" (ORG
    "foreign ministry", the possessive stays the country), "Lebanon's parliament".

    The demonym stays inside the name, as news capitalises it ("Russian Foreign
    Ministry"); the possessive does not. Generic phrases ("three Malian officials") are
    untouched: the head must be a body noun of ``state_body_nouns``.
    """
    heads = {w.split()[-1] for w in lexicon.words("civil_body_nouns")}
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


def ordinal_units(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A unit named by an ordinal is an organisation: "the 82nd Airborne Division",
    "the 101st Airborne", "the 4th Armored Brigade"."""
    units = lexicon.words("unit_nouns")
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


def numbered_sites(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A built place named by a number is a facility: "Tower 22", "Camp 4" (the model
    often says EVENT or PRODUCT, or nothing)."""
    kinds = lexicon.words("numbered_site_nouns")
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


def alliances(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """An alliance or format the model tagged EVENT, PRODUCT or LAW is an organisation:
    "the Weimar Triangle format", "the Combined Maritime Forces coalition"."""
    out = []
    for ent in ents:
        if ent.label_ in _OTHER_LABELS and {t.lower_ for t in ent} & lexicon.words("alliance_nouns"):
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
        else:
            out.append(ent)
    return out


def kind_described_names(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A name its description gives a kind to takes that kind's label:
    "the Somali group al-Shabab", "Los Choneros, an Ecuadorian drug gang" (ORG, not a
    person or a place); "Nigeria's capital Abuja", "Anjouan's capital, Mutsamudu" (a place,
    not a person); and the untagged name of "Ethiopia's Ebole district" (a region)."""
    groups = lexicon.words("organisation_kind_nouns")
    kinds = lexicon.words("place_nouns")
    out = list(ents)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in kinds and tok.pos_ == "NOUN" and tok.is_lower and not _ent_at(out, tok.i):
            # "Goma, the largest city in eastern Congo", "a breakaway region of Moldova,
            # Gagauzia": a place, though the model took it for a person
            described = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                described.append(tok.head)
            for d in described:
                ent = _ent_at(out, d.i)
                if ent is not None and ent.label_ == "PERSON" and ent.root == d:
                    label = "GPE" if lemma in {"capital", "city", "town", "village"} else "LOC"
                    out = _replace(out, Span(doc, ent.start, ent.end, label=label))
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


def vessels(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A ship is a named place (FAC), which the model tags as a product or not at all: a name
    after a ship's prefix ("the USS Cole", "HMS Duncan") or right after a ship noun ("the
    merchant vessel Galaxy Leader", "the tanker Stena Impero")."""
    prefixes, nouns = lexicon.words("ship_prefixes"), lexicon.words("ship_nouns")
    out = list(ents)
    for tok in doc:
        if tok.lower_ in nouns and tok.is_lower and tok.dep_ == "appos" and tok.head.i < tok.i \
                and tok.head.text[:1].isupper():
            # "the Galaxy Leader, the vessel hijacked by ...": the name before the noun
            start = end = tok.head.i + 1
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
                    and doc[start - 1].lower_ != "the":
                start -= 1
        elif tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and (
                tok.lower_.replace("/", "").replace(".", "") in prefixes and tok.text[:1].isupper()
                or tok.lower_ in nouns and tok.is_lower and tok.tag_ == "NN"):
            # "the USS Cole" (the prefix is part of the name), "the tanker Stena Impero"
            start = tok.i if tok.text[:1].isupper() else tok.i + 1
            end = tok.i + 1
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
        else:
            continue
        if end > start and all(e.label_ in _OTHER_LABELS | {"ORG"}
                               for e in out if e.start < end and e.end > start):
            out = _replace(out, Span(doc, start, end, label="FAC"))
    return out


def missed_countries(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A country's name the model left untagged is a place: "the Sahel Region of Burkina Faso",
    "Comoros, backed by ..." (not one as often a person's name, "Jordan")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added: list[Span] = []
    i = 0
    while i < len(doc):
        n = _country_length(doc, i, taken, lexicon)
        if n:
            added.append(Span(doc, i, i + n, label="GPE"))
        i += n or 1
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def _country_length(doc: Doc, i: int, taken: set[int], lexicon: Lexicon) -> int:
    """How many words (one to four) of an untagged country's name start at ``i``, or 0."""
    if i in taken or not doc[i].text[:1].isupper() or doc[i].pos_ != "PROPN":
        return 0
    for n in range(min(4, len(doc) - i), 0, -1):
        words = doc[i:i + n]
        if any(t.i in taken or not (t.text[:1].isupper() or t.lower_ in {"and", "of"})
               for t in words) or n == 1 and words.text.lower() in lexicon.words("ambiguous_country_names"):
            continue
        # the whole capitalised run, not the start of a longer name ("Chad Basin Authority")
        if i + n < len(doc) and doc[i + n].text[:1].isupper() and doc[i + n].is_alpha:
            continue
        if load_countries().country(words.text):
            return n
    return 0


def split_kind_of_country(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Split a place name the model ran on into its country: "Segou Region of Mali" gives
    "Segou Region" and "Mali"."""
    countries = load_countries()
    kinds = lexicon.words("place_nouns")
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


def named_entity_fixes(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """The fixes of names the model misses or mislabels, in order (see each function)."""
    for fix in (drop_possessive_endings, uncut_people, particle_names, join_institution_of,
                state_missions,
                split_kind_of_country, missed_countries, alliances, numbered_sites, ordinal_units, state_bodies,
                led_bodies, kind_described_names, role_described_people, bodies_of_roles, office_holders,
                vessels,
                byline_authors):
        ents = fix(doc, ents, lexicon=lexicon)
    return ents


def join_institution_of(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Join an institution the model cut before its "of": "the U.S. Department" + "of the"
    + "Treasury" gives "the U.S. Department of the Treasury". A possessive after it stays
    outside ("the Department of the Treasury's Office of Foreign Assets Control" is two)."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "ORG" and ent.label_ == "ORG" \
                and doc[prev.end - 1].lower_ in lexicon.words("of_phrase_heads") and doc[prev.end].lower_ == "of" \
                and ent.start - prev.end in (1, 2) \
                and (ent.start - prev.end == 1 or doc[prev.end + 1].lower_ == "the"):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def uncut_people(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
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
                    or prev.lower_ in titles() or prev.lower_ in lexicon.words("title_words") \
                    or prev.dep_ != "compound":
                break
            start -= 1
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label="PERSON"))
    return out


def drop_possessive_endings(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """A possessive is not part of a name: "the Department of the Treasury's" gives "the
    Department of the Treasury"."""
    return trim_ends(doc, ents, lambda t: t.tag_ == "POS")


# a state's missions abroad, named by the state: "the Swiss embassy", "the U.S. Consulate"
_MISSIONS = {"embassy", "consulate", "mission"}


def state_missions(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
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


# paragraphs at a document's top that may be its headline or byline
TOP_PARAGRAPHS = 3
# tokens of a byline name ("Antonia J. Ruiz")
BYLINE_NAME_TOKENS = (2, 4)


def _top_paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the document's first paragraphs (split at blank lines)."""
    out, start = [], 0
    for tok in doc:
        if tok.is_space and tok.text.count("\n") >= 2:
            if tok.i > start:
                out.append((start, tok.i))
            start = tok.i + 1
            if len(out) == TOP_PARAGRAPHS:
                return out
    if start < len(doc):
        out.append((start, len(doc)))
    return out[:TOP_PARAGRAPHS]


def _name_token(tok) -> bool:
    """A token of a personal name: capitalised word or initial ("J.")."""
    return tok.text[:1].isupper() and (tok.is_alpha or (len(tok.text) == 2 and tok.text[1] == "."))


def author_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """The person a statement's top names as its author, which the model misses out of
    running text: a byline paragraph "Antonia J. Ruiz, Minister of Defence" (a short name,
    a comma, an office title) and a headline "Remarks by President Ruiz on ..." (a
    statement noun, "by", a title, the name)."""
    title_words = titles() | lexicon.words("title_words")
    out = []
    for k, (a, b) in enumerate(_top_paragraphs(doc)):
        toks = doc[a:b]
        comma = next((t.i for t in toks if t.text == ","), None)
        # NAME , TITLE ...: the whole paragraph is a byline
        if comma is not None and BYLINE_NAME_TOKENS[0] <= comma - a <= BYLINE_NAME_TOKENS[1] \
                and all(_name_token(t) for t in doc[a:comma]) and comma + 1 < b \
                and doc[comma + 1].lower_ in title_words \
                and not any(t.pos_ in {"VERB", "AUX"} for t in toks):
            out.append(Span(doc, a, comma, label="PERSON"))
            continue
        if k != 0:
            continue
        # STATEMENT-NOUN by TITLE NAME...: the headline names its author
        for tok in toks:
            if tok.lower_ != "by" or tok.i == a or \
                    doc[tok.i - 1].lower_ not in lexicon.words("statement_nouns"):
                continue
            start = tok.i + 1
            while start < b and doc[start].lower_ in title_words:
                start += 1
            end = start
            while end < b and end - start < BYLINE_NAME_TOKENS[1] and _name_token(doc[end]) \
                    and doc[end].lower_ not in lexicon.words("name_function_words"):
                end += 1
            if start > tok.i + 1 and end > start:
                out.append(Span(doc, start, end, label="PERSON"))
    return out


def byline_authors(doc: Doc, ents: list[Span], *, lexicon: Lexicon) -> list[Span]:
    """Tag the author a statement's top names (:func:`author_spans`) as a person."""
    for span in author_spans(doc, lexicon):
        ents = _replace(ents, span)
    return ents
