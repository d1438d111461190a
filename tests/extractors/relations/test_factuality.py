"""Factuality and attribution of facts: sentence -> factuality of the expected fact."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,fact,factuality", [
    ("Russia did not attack Kyiv.", ("Russia", "attacked", "Kyiv"), "negated"),
    ("Russia never attacked Kyiv.", ("Russia", "attacked", "Kyiv"), "negated"),
    ("Iran could strike Israel within days.", ("Iran", "attacked", "Israel"), "hypothetical"),
    ("Israel plans to strike Rafah.", ("Israel", "attacked", "Rafah"), "planned"),
    ("If Hezbollah attacks Haifa, Israel will respond.",
     ("Hezbollah", "attacked", "Haifa"), "hypothetical"),
    ("Will Hezbollah attack Israel?", ("Hezbollah", "attacked", "Israel"), "hypothetical"),
    ("Syria refused to withdraw from Lebanon.", ("Syria", "withdrewFrom", "Lebanon"), "negated"),
    ("Officials fear that Iran attacks Erbil again.", ("Iran", "attacked", "Erbil"),
     "hypothetical"),
    ("France deployed jets to deter Russia.", ("France", "deter", "Russia"), "planned"),
])
def test_factuality_unasserted_clause_keeps_its_factuality(read, sentence, fact, factuality):
    rec = read(sentence)
    names = {e.key: e.name for e in rec.entities}
    found = {(names[f.subject.entity], f.relation, names[f.object.entity]): f.factuality.value
             for f in rec.facts}
    assert found.get(fact) == factuality


@pytest.mark.parametrize("sentence,expected", [
    ("The Houthis threatened to attack Saudi Arabia.", ("Houthis", "threatened", "Saudi Arabia")),
    ("Hamas said it would strike Tel Aviv.", ("Hamas", "threatened", "Tel Aviv")),
])
def test_factuality_announced_attack_is_a_threat(triples, sentence, expected):
    facts = triples(sentence)
    assert expected in facts
    assert not {t for t in facts if t[1] == "attacked"}


@pytest.mark.parametrize("sentence,speaker", [
    ("Ukraine said Russia struck Kharkiv overnight.", "Ukraine"),
    ("Russia shelled Kharkiv on Tuesday, according to Ukraine.", "Ukraine"),
])
def test_factuality_reported_fact_is_asserted_and_attributed(read, sentence, speaker):
    rec = read(sentence)
    fact = next(f for f in rec.facts if f.relation == "attacked")
    assert fact.factuality.value == "asserted"
    assert fact.reported_by is not None and fact.reported_by.text == speaker


def test_factuality_unreported_fact_has_no_source(read):
    fact = next(f for f in read("Russia struck Kharkiv overnight.").facts)
    assert fact.reported_by is None


@pytest.mark.parametrize("sentence,expected", [
    ("The Houthis say they are preparing to attack Israel.", ("Houthis", "threatened", "Israel")),
    ("Hamas has posted videos claiming it will strike Israel.",
     ("Hamas", "threatened", "Israel")),
])
def test_factuality_announced_plan_of_the_speaker_is_a_threat(triples, sentence, expected):
    assert expected in triples(sentence)


def test_factuality_statement_issuer_is_the_source(read):
    rec = read("Hezbollah issued a statement saying Israel had struck Tyre.")
    fact = next(f for f in rec.facts if f.relation == "attacked")
    assert fact.reported_by is not None and fact.reported_by.text == "Hezbollah"


@pytest.mark.parametrize("sentence", [
    "Iraq said Israel was behind the explosions.",
    "Iraq said Israel was responsible for the blast.",
    "Iraq said Israel was involved in the attack on Amerli.",
])
def test_factuality_saying_a_party_is_culpable_accuses_it(triples, sentence):
    assert ("Iraq", "accused", "Israel") in triples(sentence)


@pytest.mark.parametrize("sentence", [
    "Iraq said Israel was not behind the explosions.",
    "Egypt said Israel was involved in the talks.",
])
def test_factuality_denial_or_neutral_involvement_is_no_accusation(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] == "accused"}


@pytest.mark.parametrize("sentence", [
    "In order for Israel to withdraw from Gaza, Hamas must stop firing rockets.",
    "The council called for Russia to withdraw from Ukraine.",
])
def test_factuality_infinitive_with_a_for_subject_is_not_asserted(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] == "withdrewFrom"}
