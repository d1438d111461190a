"""The ontology class of an entity span: spaCy's label, corrected by the span's words.

The model's labels are noisy on news names (a militia as PERSON, a town as PERSON), so
kind words in the name ("militia", "ministry", "camp", the Arabic "kataib") and the
span's place in the sentence refine them. The words come from the lexicon
(``armed_group_nouns``, ``armed_group_loanwords``, ``institution_nouns``,
``state_body_nouns``, ``facility_nouns``, ``place_prepositions``, ``region_head_nouns``).
"""
from __future__ import annotations

from spacy.tokens import Span

from extractors.entities.names import fold, skeleton
from extractors.lexicon import Lexicon

# spaCy label -> ontology class, before keyword refinement
_LABEL_CLASS = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "LOC": "Region",
                "FAC": "Facility", "NORP": "Organization"}
_PARTY_OF_GOD = (skeleton("hizb"), "lah")   # "hizb allah", party of God, in any spelling
#: class preference when the votes tie: the more specific the better
PRIORITY = ("Country", "ArmedGroup", "GovernmentBody", "Facility", "City", "Region", "Person",
            "Organization")


def armed_words(words: set[str], *, lexicon: Lexicon) -> bool:
    """Whether a name's words say it is an armed group: an English kind word, or one of the
    nouns Arabic, Persian, Pashto and Urdu group names are built from ("kataib" brigades,
    "jaysh" army...), compared by sound skeleton."""
    if words & lexicon.words("armed_group_nouns"):
        return True
    loanwords = {skeleton(w) for w in lexicon.words("armed_group_loanwords")}
    sounds = {skeleton(w) for w in map(fold, words) if w.isalpha() and len(w) > 3}
    return bool(sounds & loanwords) or any(
        s.startswith(_PARTY_OF_GOD[0]) and s.endswith(_PARTY_OF_GOD[1]) for s in sounds)


def _place_argument(tok, lexicon: Lexicon) -> bool:
    """Whether a one-word name is where a verb's act goes: the object of a verb of holding
    ground ("control", "besiege") or the goal of a verb of travel ("flew to")."""
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in lexicon.words("place_object_verbs")
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.dep_ == "prep":
        return tok.head.head.lemma_.lower() in lexicon.words("travel_verbs")
    return False


def _listed_place(tok, lexicon: Lexicon) -> bool:
    """Whether a name is one of the places a plural place noun lists: "the towns of A, B
    and C", "the West Darfur villages of A and B"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    noun = tok.head.head
    return noun.tag_ == "NNS" and noun.lemma_.lower() in lexicon.words("place_nouns")


def _region_name(span: Span, lexicon: Lexicon) -> bool:
    """Whether a place's name ends in a kind of region after a proper name: "Mopti Region",
    "Myawaddy Township", after proper names only."""
    last = span[-1]
    return len(span) > 1 and last.is_title and last.lower_ in lexicon.words("region_head_nouns") \
        and all(t.pos_ == "PROPN" and t.tag_ != "JJ" for t in span[:-1])


def classify(span: Span, *, lexicon: Lexicon) -> str:
    """The ontology class of an entity span, from its spaCy label and its words."""
    words = {t.lower_ for t in span}
    cls = _LABEL_CLASS.get(span.label_, "Organization")
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if cls == "Person" and "the" in (before, span[0].lower_):
        cls = "Organization"  # "the Houthis": a person's name takes no article
    if cls == "Person" and span.root.dep_ == "pobj" \
            and span.root.head.lower_ in lexicon.words("place_prepositions"):
        cls = "City"  # "killed in Khan Younis": people are not where things happen
    if span.label_ in {"GPE", "LOC"} and len(span) > 1 and before in lexicon.words("person_titles") \
            and all(t.is_title for t in span):
        cls = "Person"  # "South African president Thabo Mbeki": an office comes before a person
    if cls == "Person" and len(span) == 1 and _place_argument(span.root, lexicon):
        cls = "City"  # "the militants who control Jilib", "flew to Vilnius"
    if cls in {"Person", "Organization"} and span.label_ in {"PERSON", "ORG", "NORP"} \
            and _listed_place(span.root, lexicon):
        cls = "City"  # "the towns of Boodhaano, Galadiid and Yucub"
    if span.label_ in {"ORG", "PERSON", "NORP"} and armed_words(words, lexicon=lexicon):
        return "ArmedGroup"
    if span.label_ in {"GPE", "LOC"} and _region_name(span, lexicon):
        return "Region"  # "Kidal Region", "Karen State": the name says what kind of place
    if span.label_ in {"FAC", "GPE", "LOC"} and words & lexicon.words("facility_nouns"):
        return "Facility"
    if span.label_ in {"ORG", "PERSON"} and len(span) > 1 \
            and words & lexicon.words("facility_nouns") and not words & (
            lexicon.words("institution_nouns") | lexicon.words("state_body_nouns")
            | lexicon.words("organisation_nouns")):
        return "Facility"  # "Tabqa Airfield North": a built place, not a body or a person
    if span.label_ == "ORG" and words & (lexicon.words("institution_nouns")
                                         | lexicon.words("state_body_nouns")):
        return "GovernmentBody"
    return cls
