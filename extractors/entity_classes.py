"""The ontology class of an entity span: spaCy's label, corrected by the span's words.

The model's labels are noisy on news names (a militia as PERSON, a town as PERSON), so
kind words in the name ("militia", "ministry", "camp", the Arabic "kataib") and the
span's place in the sentence refine them.
"""
from __future__ import annotations

from spacy.tokens import Span

from extractors.names import fold, skeleton

# spaCy label -> ontology class, before keyword refinement
_LABEL_CLASS = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "LOC": "Region",
                "FAC": "Facility", "NORP": "Organization"}
# words that make a name an armed group: English kind words, and the common nouns that
# Arabic, Persian, Pashto and Urdu group names are built from ("kataib" brigades, "jaysh"
# army, "harakat" movement, "lashkar" army...), compared by sound skeleton
_ARMED = {"militia", "militias", "brigade", "brigades", "battalion", "battalions", "rebels",
          "insurgents", "guerrillas", "front", "jihad", "mujahideen", "units", "movement",
          "fighters"}
_ARMED_LOANWORDS = {"kataib", "katiba", "liwa", "saraya", "asaib", "jaysh", "jaish", "harakat",
                    "jabhat", "ansar", "faylaq", "lashkar", "sipah", "jamaat",
                    "mujahidin", "fedayeen", "peshmerga", "hashd"}
_ARMED_SKELETONS = frozenset(skeleton(w) for w in _ARMED_LOANWORDS)
_PARTY_OF_GOD = (skeleton("hizb"), "lah")   # "hizb allah", party of God, in any spelling
# head words that reveal a government body or a facility
_GOVERNMENT = {"ministry", "department", "pentagon", "council", "agency", "forces", "guard",
               "guards", "corps", "army", "navy", "police", "parliament", "senate", "congress",
               "cabinet", "government", "command", "office", "court", "commission", "embassy",
               "presidency", "judiciary", "legislature"}
_FACILITY = {"base", "airbase", "camp", "airport", "embassy", "port", "prison", "compound",
             "airfield", "barracks", "hospital", "zone"}
#: class preference when the votes tie: the more specific the better
PRIORITY = ("Country", "ArmedGroup", "GovernmentBody", "Facility", "City", "Region", "Person",
             "Organization")
# prepositions whose object is a place, never a person
_PLACE_PREPS = {"in", "near", "at", "outside", "into", "across", "around", "inside"}


def armed_words(words: set[str]) -> bool:
    """Whether a name's words say it is an armed group."""
    if words & _ARMED:
        return True
    sounds = {skeleton(w) for w in map(fold, words) if w.isalpha() and len(w) > 3}
    return bool(sounds & _ARMED_SKELETONS) or any(
        s.startswith(_PARTY_OF_GOD[0]) and s.endswith(_PARTY_OF_GOD[1]) for s in sounds)


def classify(span: Span) -> str:
    """The ontology class of an entity span, from its spaCy label and its words."""
    words = {t.lower_ for t in span}
    cls = _LABEL_CLASS.get(span.label_, "Organization")
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if cls == "Person" and "the" in (before, span[0].lower_):
        cls = "Organization"  # "the Houthis": a person's name takes no article
    if cls == "Person" and span.root.dep_ == "pobj" and span.root.head.lower_ in _PLACE_PREPS:
        cls = "City"  # "killed in Khan Younis": people are not where things happen
    if span.label_ in {"ORG", "PERSON", "NORP"} and armed_words(words):
        return "ArmedGroup"
    if span.label_ in {"ORG", "FAC", "GPE", "LOC"} and words & _FACILITY and span.label_ != "ORG":
        return "Facility"
    if span.label_ == "ORG" and words & _GOVERNMENT:
        return "GovernmentBody"
    return cls
