"""Roles and membership from titles, appositions and possessives: sentence -> facts."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # body, title, name: the body nearest the title
    ("Pakistani Army chief Asim Munir flew to Riyadh on Monday.",
     ("Asim Munir", "leaderOf", "Pakistani Army|Army")),
    ("Hamas leader Yahya Sinwar was killed in Rafah.", ("Yahya Sinwar", "leaderOf", "Hamas")),
    # a country before a subordinate title gives membership
    ("US Secretary of State Antony Blinken arrived in Cairo.",
     ("Antony Blinken", "memberOf", "US|United States")),
    # a title word the model tags as a name stays in the title
    ("Iran's Supreme Leader Ali Khamenei praised the group.", ("Ali Khamenei", "leaderOf", "Iran")),
    # a hyphenated leadership title
    ("UN Secretary-General Antonio Guterres condemned the strike.",
     ("Antonio Guterres", "leaderOf", "UN")),
    # a portfolio word tagged as a name belongs to the title, not to the body
    ("The Russian Defense Minister Sergei Shoigu arrived in Minsk.",
     ("Sergei Shoigu", "memberOf", "Russian|Russia")),
])
def test_roles_title_before_name(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("sentence,expected", [
    # apposition after the name, with the body after "of" / "for"
    ("Yahya Sinwar, the leader of Hamas, was killed in Rafah.",
     {("Yahya Sinwar", "leaderOf", "Hamas")}),
    ("Nasser Kanaani, a spokesman for the Iranian Foreign Ministry, denied the claim.",
     {("Nasser Kanaani", "memberOf", "Iranian Foreign Ministry|Foreign Ministry")}),
    # coordinated titles share the name
    ("Ismail Qaani, commander of the Quds Force and a member of the IRGC, met the delegation.",
     {("Ismail Qaani", "leaderOf", "Quds Force"), ("Ismail Qaani", "memberOf", "IRGC")}),
    # a possessive body on the title, the name after it
    ("Hezbollah's leader, Hassan Nasrallah, spoke on Friday.",
     {("Hassan Nasrallah", "leaderOf", "Hezbollah")}),
    ("Ahmed Yousef, a senior Hamas official, rejected the plan.",
     {("Ahmed Yousef", "memberOf", "Hamas")}),
    # a possessive body on the title
    ("The talks were led by Hakan Fidan, Turkey's foreign minister.",
     {("Hakan Fidan", "memberOf", "Turkey")}),
    # copula, naming verbs and relative clauses
    ("Sara Jones is the director of the Middle East Institute.",
     {("Sara Jones", "leaderOf", "Middle East Institute")}),
    ("Mohammed Shia al-Sudani, who became prime minister of Iraq in 2022, met Biden.",
     {("Mohammed Shia al-Sudani", "leaderOf", "Iraq")}),
    ("Ali Khamenei appointed Hossein Salami as commander of the IRGC.",
     {("Hossein Salami", "leaderOf", "IRGC")}),
    ("Hossein Salami was appointed commander of the IRGC in 2019.",
     {("Hossein Salami", "leaderOf", "IRGC")}),
])
def test_roles_title_in_apposition(stated, sentence, expected):
    assert all(stated(sentence, e) for e in expected)


@pytest.mark.parametrize("sentence,expected", [
    ("NBC's Richard Engel reported from the border.", ("Richard Engel", "memberOf", "NBC")),
    ("Hassan Nasrallah of Hezbollah spoke on television.",
     ("Hassan Nasrallah", "memberOf", "Hezbollah")),
    # the age in apposition does not separate the name from its body
    ("Maria Lopez, 52, of the International Monetary Fund arrived in Lima.",
     ("Maria Lopez", "memberOf", "International Monetary Fund")),
    # "of" after the name, though the parser hangs it on the verb
    ("Tehran dispatched Ali Larijani of its Supreme National Security Council to Beirut for talks.",
     ("Ali Larijani", "memberOf", "Supreme National Security Council")),
    # a body named as the person's own
    ("Benjamin Netanyahu's Likud Party won the vote.",
     ("Benjamin Netanyahu", "memberOf", "Likud Party")),
])
def test_roles_name_with_its_body(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("sentence,expected", [
    ("Exxon geologist Maria Ortiz found the field.", ("Maria Ortiz", "memberOf", "Exxon")),
    ("Maria Ortiz, an Exxon geologist, found the field.", ("Maria Ortiz", "memberOf", "Exxon")),
])
def test_roles_occupation_with_its_organisation(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Gaza resident Ahmed Nasser lost his home.",
    "Ahmed Nasser, a Gaza resident, lost his home.",
])
def test_roles_place_before_an_occupation_gives_no_membership(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] in {"memberOf", "leaderOf"}}


def test_roles_state_body_belongs_to_its_state(stated):
    assert stated("Jordan's Foreign Ministry summoned the ambassador on Sunday.",
                  ("Foreign Ministry|Jordan's Foreign Ministry", "memberOf", "Jordan"))


def test_roles_state_force_is_a_member_not_located(stated):
    sentence = "Iran's elite Quds Force armed the group."
    assert stated(sentence, ("Quds Force", "memberOf", "Iran"))
    assert not stated(sentence, ("Quds Force", "locatedIn", "Iran"))


def test_roles_body_named_with_its_country_belongs_to_it(stated):
    assert stated("The US said on Monday that the US State Department had issued a warning.",
                  ("US State Department", "memberOf", "US|United States"))


def test_roles_part_of_gives_membership(stated):
    assert stated("The Houthi movement is part of the Axis of Resistance.",
                  ("Houthi|Houthis|Houthi movement", "memberOf", "Axis of Resistance"))


@pytest.mark.parametrize("sentence", [
    "Omar Ali would become the next president of Somalia.",
    "Omar Ali is not the president of Somalia.",
])
def test_roles_unasserted_post_gives_no_role(triples, sentence):
    assert not {t for t in triples(sentence) if t[1] in {"leaderOf", "memberOf"}}


def test_roles_subordinate_word_in_a_prenominal_title_makes_a_member(stated, triples):
    sentence = "Iraqi Deputy Prime Minister Fuad Hussein met Blinken."
    assert stated(sentence, ("Fuad Hussein", "memberOf", "Iraqi|Iraq"))
    assert not {t for t in triples(sentence) if t[1] == "leaderOf"}


def test_roles_leader_of_an_unnamed_part_is_a_member_of_the_whole(stated, triples):
    sentence = "Sudanese army chief Abdel Fattah al-Burhan arrived in Cairo."
    assert stated(sentence, ("Abdel Fattah al-Burhan", "memberOf", "Sudanese|Sudan"))
    assert not {t for t in triples(sentence) if t[1] == "leaderOf"}


def test_roles_chief_of_staff_is_a_member(stated, triples):
    sentence = "Israel's military chief of staff, Herzi Halevi, said the army would press on."
    assert stated(sentence, ("Herzi Halevi", "memberOf", "Israel"))
    assert not {t for t in triples(sentence) if t[1] == "leaderOf"}


def test_roles_deputy_of_a_leader_is_a_member(stated, triples):
    sentence = ("Ali Bagheri, the deputy head of the Supreme National Security Council, "
                "spoke on Sunday.")
    council = "Supreme National Security Council|the Supreme National Security Council"
    assert stated(sentence, ("Ali Bagheri", "memberOf", council))
    assert not {t for t in triples(sentence) if t[1] == "leaderOf"}


def test_roles_facts_name_their_rule(read):
    rec = read("Hamas leader Yahya Sinwar was killed in Rafah.")
    assert {f.rule for f in rec.facts if f.relation == "leaderOf"} == {"role-title-prenominal"}


@pytest.mark.parametrize("sentence,person,town", [
    # a town before a title says where the person works, not whom for
    ("Denver prosecutor Laura Finch dropped the charges on Friday.", "Laura Finch", "Denver"),
    # a town before an occupation in apposition
    ("Mark Ellison, a Seattle attorney, filed the appeal.", "Mark Ellison", "Seattle"),
])
def test_roles_town_before_a_job_is_no_body(stated, sentence, person, town):
    for relation in ("memberOf", "leaderOf"):
        assert not stated(sentence, (person, relation, town))


def test_roles_possessive_town_still_names_its_head(stated):
    assert stated("Chicago's mayor Rosa Delgado opened the new library.",
                  ("Rosa Delgado", "leaderOf", "Chicago"))


@pytest.mark.parametrize("sentence,expected", [
    # a person of a part of a named body: "X, of the agency's division"
    ("Tomas Reyes, of the EPA's water quality office, said Monday the plan was flawed.",
     ("Tomas Reyes", "memberOf", "EPA")),
])
def test_roles_person_of_a_part_of_a_body(stated, sentence, expected):
    assert stated(sentence, expected)


@pytest.mark.parametrize("text,expected", [
    # a nationality before a state body's generic name: the body is the state's
    ("Russia recognised the region. The Russian Foreign Ministry spoke on Monday.",
     {("Russian Foreign Ministry", "memberOf", "Russia")}),
    ("Iraq protested. The Iraqi Ministry of Defense denied the report.",
     {("Iraqi Ministry of Defense", "memberOf", "Iraq")}),
    # the news README: state bodies named with a state's adjective are members ("US Army")
    ("The Iraqi Security Forces took the town, and Iraq welcomed it.",
     {("Iraqi Security Forces", "memberOf", "Iraq")}),
    # the country's own name before a generic name, though used nowhere else as a place
    ("The U.S. Department of the Treasury sanctioned the gang. U.S. officials said so.",
     {("U.S. Department of the Treasury", "memberOf", "United States")}),
    # a proper name with a nationality in it is no state body of that state
    ("Syria is at war. The Syrian Democratic Forces took the town.", set()),
    # nor is an embassy, a place
    ("Iran protested. Officials at the Iranian Embassy refused to comment.", set()),
])
def test_roles_body_named_with_its_state(triples, text, expected):
    assert triples(text) == expected
