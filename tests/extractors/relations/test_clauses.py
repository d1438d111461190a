"""Clause patterns that leave the subject elsewhere: sentence -> expected facts."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # relative clause with a relative pronoun subject
    ("Al-Shabaab, which attacked Mogadishu last year, remains active.",
     ("Al-Shabaab", "attacked", "Mogadishu")),
    ("Sirhan Sirhan, who was convicted of killing Robert Kennedy, remains in prison.",
     ("Sirhan Sirhan", "killed", "Robert Kennedy")),
])
def test_clauses_relative_clause_takes_the_modified_noun(triples, sentence, expected):
    assert expected in triples(sentence)


@pytest.mark.parametrize("sentence,expected", [
    # active participle modifying a noun
    ("NATO troops fighting the Taliban left Kandahar.", ("NATO", "attacked", "Taliban")),
    # passive participle modifying a name
    ("The Houthis, backed by Iran, seized the port.", ("Iran", "supported", "Houthis")),
    # appositive participle with a gerund complement
    ("James Ray, convicted of murdering Martin King, died in prison.",
     ("James Ray", "killed", "Martin King")),
])
def test_clauses_participle_takes_the_modified_noun(triples, sentence, expected):
    assert expected in triples(sentence)


def test_clauses_object_control_gives_the_object_as_subject(triples):
    facts = triples("Iran asked Hezbollah to send Imad Mughniyeh to Damascus.")
    assert {("Iran", "requested", "Hezbollah"), ("Hezbollah", "sent", "Imad Mughniyeh")} <= facts


def test_clauses_ordered_departure_is_not_a_withdrawal(triples):
    assert not {t for t in triples("British diplomats were ordered to leave Kabul on Friday.")
                if t[1] == "withdrewFrom"}


def test_clauses_coordinated_verbs_share_the_subject(triples):
    facts = triples("Emmanuel Macron visited Kyiv and met Volodymyr Zelensky.")
    assert {("Emmanuel Macron", "visited", "Kyiv"),
            ("Emmanuel Macron", "contacted", "Volodymyr Zelensky")} <= facts


def test_clauses_coordinated_verbs_share_the_object(triples):
    assert ("Taliban", "attacked", "Kunduz") in triples(
        "The Taliban besieged and captured Kunduz in September.")


def test_clauses_object_of_a_relative_clause_is_not_its_subject(triples):
    assert not {t for t in triples("Kandahar, which the Taliban attacked, was calm.")
                if t[0] == "Kandahar"}


@pytest.mark.parametrize("sentence", [
    # removed in the audit: patterns only CoNLL04's test split has
    "In 1964, a jury found Jack Ruby guilty of murdering Lee Oswald.",
    "Ray, serving a long sentence for killing Martin King, filed for divorce.",
])
def test_clauses_culpability_gerunds_are_not_read(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] == "killed"}


def test_clauses_relative_clause_on_a_description_takes_its_name(triples):
    assert ("Rigoberto Lopez", "killed", "Anastasio Somoza") in triples(
        "The Sandinistas honoured Rigoberto Lopez, a poet who assassinated Anastasio Somoza.")


def test_clauses_relative_clause_on_a_modified_description_does_not_take_the_modifier(triples):
    facts = triples("Atwater is a South Carolina native who worked for Strom Thurmond.")
    assert not {t for t in facts if t[0] == "South Carolina"}


def test_clauses_state_office_holder_with_a_participle_stands_for_the_state(triples):
    assert ("Iraq", "appointed", "Adnan Zurufi") in triples(
        "Iraq's president, choosing a new premier named Adnan Zurufi, spoke on Monday.")


def test_clauses_participle_after_a_parenthetical_source_takes_the_reported_subject(triples):
    facts = triples("Israel struck Gaza City, Palestinian officials said, killing Ahmed Yassin.")
    assert {t for t in facts if t[1] == "killed"} == {("Israel", "killed", "Ahmed Yassin")}


def test_clauses_relative_clause_on_a_named_description_takes_the_person(triples):
    facts = triples("Ali Reza, a Hezbollah commander who fought in Syria, was killed.")
    assert not {t for t in facts if t[0] == "Hezbollah" and t[1] == "locatedIn"}
    facts = triples("Jane Doe, a Republican who served in Congress, retired.")
    assert not {t for t in facts if t[0] == "Republican"}
