"""Nominal events: an event noun with explicit agent and target -> expected facts."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # name modifier as agent, "on" as target
    ("Turkish airstrikes on PKK camps continued for a third day.", ("Turkey", "attacked", "PKK")),
    # "by" phrase as agent
    ("The attack on Kunduz by the Taliban lasted for hours.", ("Taliban", "attacked", "Kunduz")),
    # possessive agent, "against" target
    ("Washington's sanctions against Venezuela took effect on Friday.",
     ("United States", "sanctioned", "Venezuela")),
    # a quantity noun passes its event through
    ("A wave of Israeli strikes on Hamas sites followed the raid.",
     ("Israel", "attacked", "Hamas")),
])
def test_nominal_event_noun_with_agent_and_target(triples, sentence, expected):
    assert expected in triples(sentence)


@pytest.mark.parametrize("sentence,expected", [
    ("Israel launched airstrikes on Hezbollah positions in southern Lebanon.",
     ("Israel", "attacked", "Hezbollah")),
    ("The Pentagon carried out an attack on the Taliban near Kandahar.",
     ("Pentagon", "attacked", "Taliban")),
    ("The European Union imposed sanctions on Belarus in June.",
     ("European Union", "sanctioned", "Belarus")),
])
def test_nominal_light_verb_gives_its_subject_as_agent(triples, sentence, expected):
    assert expected in triples(sentence)


def test_nominal_event_without_agent_gives_no_fact(triples):
    assert not triples("The attack on Kunduz lasted for hours.")


def test_nominal_content_verb_subject_is_not_the_agent(triples):
    assert ("Egypt", "attacked", "Gaza") not in triples("Egypt condemned the strikes on Gaza.")


def test_nominal_planned_event_is_not_asserted(triples):
    text = "The Pentagon weighed strikes on Hezbollah depots in Syria."
    assert not {t for t in triples(text) if t[1] == "attacked"}


@pytest.mark.parametrize("sentence,expected", [
    ("The assassination of Benazir Bhutto by the Taliban shocked Pakistan.",
     ("Taliban", "killed", "Benazir Bhutto")),
    ("Police arrested Mehmet Ali, the assassin of Hrant Dink, in 2007.",
     ("Mehmet Ali", "killed", "Hrant Dink")),
    # the possessive on the name the agent noun modifies: "X's assassin Y"
    ("Yesterday Anna Meyer's killer Paul Brandt asked the court for parole.",
     ("Paul Brandt", "killed", "Anna Meyer")),
])
def test_nominal_killing_nouns_name_victim_and_agent(triples, sentence, expected):
    assert expected in triples(sentence)


def test_nominal_event_noun_subject_stands_for_its_agent(triples):
    assert ("Hezbollah", "killed", "Israel") in triples(
        "A rocket attack, attributed to Hezbollah, killed two Israeli soldiers.")


def test_nominal_event_noun_subject_without_agent_is_dropped(triples):
    assert not triples("The strike killed Ismail Haniyeh in Tehran.")


def test_nominal_agentless_passive_takes_the_agent_of_its_event(triples):
    assert ("Turkey", "killed", "PKK") in triples(
        "Two PKK fighters were killed in a Turkish drone strike.")


@pytest.mark.parametrize("sentence,expected", [
    ("Hezbollah had been responsible for attacks on Israeli forces.",
     ("Hezbollah", "attacked", "Israel")),
    ("A new group called Saraya Awliya al-Dam claimed responsibility for an attack on Erbil.",
     ("Saraya Awliya al-Dam", "attacked", "Erbil")),
    ("Washington blames Kataib Hezbollah for the attack on an Iraqi base.",
     ("Kataib Hezbollah", "attacked", "Iraq")),
    ("Sirhan was convicted of Kennedy's killing.", ("Sirhan", "killed", "Kennedy")),
])
def test_nominal_culprit_named_by_the_sentence_is_the_agent(triples, sentence, expected):
    assert expected in triples(sentence)


def test_nominal_guilty_plea_is_not_read(triples):
    # removed in the audit: a pattern only CoNLL04's test split has
    assert not {t for t in triples("Ray pleaded guilty to the assassination of Martin King.")
                if t[1] == "killed"}


@pytest.mark.parametrize("text,expected", [
    # a definite event noun refers back to the last such event with a named agent
    ("Israel launched airstrikes on Hamas on Monday. The strikes killed three Hamas commanders.",
     ("Israel", "killed", "Hamas")),
    # condemning an event condemns the one who carried it out
    ("Israel launched airstrikes on Hamas on Monday. Egypt condemned the strikes.",
     ("Egypt", "condemned", "Israel")),
])
def test_nominal_definite_event_takes_the_agent_of_the_event_it_refers_to(triples, text,
                                                                          expected):
    assert expected in triples(text)


def test_nominal_definite_event_too_far_back_has_no_agent(triples):
    text = ("Israel launched airstrikes on Hamas on Monday. Markets were calm. Schools "
            "reopened. Talks resumed in Cairo. The strikes killed three Hamas commanders.")
    assert ("Israel", "killed", "Hamas") not in triples(text)


def test_nominal_definite_event_of_another_number_has_no_agent(triples):
    text = "Israel launched airstrikes on Hamas on Monday. The attack killed three Hamas commanders."
    assert ("Israel", "killed", "Hamas") not in triples(text)


def test_nominal_definite_event_refers_back_to_a_verb_event(triples):
    assert ("United Nations", "condemned", "Myanmar") in triples(
        "Myanmar bombed Sagaing on Friday. The United Nations condemned the airstrike.")


def test_nominal_response_in_kind_gives_the_responder_as_agent(triples):
    assert ("Israel", "attacked", "Hezbollah") in triples(
        "Israel responded with strikes on Hezbollah targets in southern Lebanon.")


def test_nominal_attributed_event_with_a_relative_clause_gives_the_attributed_agent(triples):
    facts = triples("A drone strike on Tuesday, attributed to the Houthis, that killed two Saudi "
                    "soldiers was condemned by Riyadh.")
    assert {("Houthis", "killed", "Saudi Arabia"), ("Riyadh", "condemned", "Houthis")} <= facts


def test_nominal_event_inside_retaliation_phrase(triples):
    facts = triples("Israel struck Gaza in retaliation for Hamas's attack on Sderot.")
    assert {("Israel", "attacked", "Gaza"), ("Hamas", "attacked", "Sderot")} <= facts


@pytest.mark.parametrize("sentence,expected", [
    ("The Pentagon conducted raids against the Taliban in Helmand.",
     ("Pentagon", "attacked", "Taliban")),
    ("Britain imposed sanctions on Wagner.", ("United Kingdom", "sanctioned", "Wagner")),
])
def test_nominal_light_verb_takes_the_event_nouns_preposition(triples, sentence, expected):
    assert expected in triples(sentence)


def test_nominal_condemned_event_characterised_as_an_act_by_a_party(triples):
    assert ("Narendra Modi", "condemned", "Pakistan") in triples(
        "Narendra Modi decried the strikes as a cowardly act by Pakistan.")


def test_nominal_possessive_with_an_of_victim_is_the_killer(triples):
    assert ("Israel", "killed", "Ismail Haniyeh") in triples(
        "Israel's killing of Ismail Haniyeh angered Iran.")


def test_nominal_event_subject_lends_its_agent_only_to_violence(read):
    rec = read("Kennedy's assassination by Lee Oswald shocked America.")
    assert not [f for f in rec.facts if f.open]


@pytest.mark.parametrize("sentence,expected", [
    # a group's things stand for the group only as the target of a physical act
    ("Israeli jets carried out strikes on positions of Hezbollah.",
     {("Israel", "attacked", "Hezbollah")}),
    ("The EU imposed sanctions on the suppliers of the Wagner Group.", set()),
])
def test_nominal_things_of_a_group_are_its_target_only_in_physical_acts(triples, sentence,
                                                                        expected):
    assert triples(sentence) == expected
