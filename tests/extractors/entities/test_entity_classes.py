"""Ontology classes of entity spans: the model's label corrected by the span's words."""
from __future__ import annotations

import pytest

from extractors.entities.entity_classes import armed_words, classify
from extractors.lexicon import load_lexicon


@pytest.mark.parametrize("words,armed", [
    ({"kata'ib", "sayyid", "al-shuhada"}, True),     # "brigades"
    ({"jaysh", "al-mahdi"}, True),                   # "army"
    ({"hizbullah"}, True),                           # "party of God", any spelling
    ({"lashkar", "e", "taiba"}, True),
    ({"national", "bank"}, False),
    ({"hizb", "ut", "tahrir"}, False),               # a party, not "party of God"
])
def test_entity_classes_armed_group_words(words, armed):
    assert armed_words(words, lexicon=load_lexicon()) is armed



@pytest.mark.parametrize("text,surface,cls", [
    ("Kataeb Sayyid al-Shuhada fighters crossed the river.", "Kataeb Sayyid al-Shuhada", "ArmedGroup"),
    ("The Interior Ministry issued a curfew.", "Interior Ministry", "GovernmentBody"),
    ("Two fighters were killed in Khan Younis on Friday.", "Khan Younis", "City"),
    # the places a plural place noun lists are places, whatever the model took them for
    # (the model: Kebri Dahar and Warder PERSON, Shilavo NORP)
    ("They entered the towns of Kebri Dahar, Shilavo, Warder, Danan and Gode on Sunday.",
     "Kebri Dahar", "City"),
    ("They entered the towns of Kebri Dahar, Shilavo, Warder, Danan and Gode on Sunday.",
     "Shilavo", "City"),
    ("They entered the towns of Kebri Dahar, Shilavo, Warder, Danan and Gode on Sunday.",
     "Warder", "City"),
    # a person's name after "of" a singular noun stays a person
    ("They met the family of Warder Ali on Sunday.", "Warder Ali", "Person"),
    # a place whose name ends in a kind of region is a region, not a town
    ("Fighters moved into Kidal Region and Mopti Region on Friday.", "Kidal Region", "Region"),
    ("The militia is based in Karen State near the border.", "Karen State", "Region"),
    ("Refugees fled to Cabo Delgado Province and Myawaddy Township.", "Cabo Delgado Province",
     "Region"),
    ("Refugees fled to Cabo Delgado Province and Myawaddy Township.", "Myawaddy Township",
     "Region"),
])
def test_entity_classes_classify(nlp, text, surface, cls, lexicon=load_lexicon()):
    doc = nlp(text)
    span = next(e for e in doc.ents if surface in e.text)
    assert classify(span, lexicon=load_lexicon()) == cls


def test_entity_classes_a_name_after_an_office_is_a_person_whatever_the_model_said(nlp):
    """The small model sometimes takes "president Thabo Mbeki" for a place (GPE)."""
    from spacy.tokens import Span
    doc = nlp("Later, Kenyan president Daniel Moi condemned the raid.")
    start = next(t.i for t in doc if t.text == "Daniel")
    assert classify(Span(doc, start, start + 2, label="GPE"), lexicon=load_lexicon()) == "Person"
    # without an office before it, a place stays a place
    doc = nlp("Later, troops from Kenya crossed into Daniel Moi.")
    start = next(t.i for t in doc if t.text == "Daniel")
    assert classify(Span(doc, start, start + 2, label="GPE"), lexicon=load_lexicon()) == "City"



def test_entity_classes_a_group_named_like_a_region_stays_a_group(nlp):
    """Only places (GPE, LOC) become regions by their last word: "the Islamic State" is a group."""
    doc = nlp("The Islamic State claimed the attack.")
    span = next(e for e in doc.ents if "State" in e.text)
    assert classify(span, lexicon=load_lexicon()) != "Region"
