"""People and bodies their descriptions give away (issue 9 §4): sentence -> the whole set of
entities (name, class) it yields, real model."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence,expected", [
    # role_described_people: a name with a person's role in apposition is a person's,
    # whether the model missed it or took it for an organisation
    ("Harlan, a professor of history at Boston University, said the report was flawed.",
     {("Harlan", "Person"), ("Boston University", "Organization")}),
    ("Okafor, a senior Defense Ministry official, denied the report.",
     {("Okafor", "Person"), ("Defense Ministry", "GovernmentBody")}),
    ("Mensah, a spokesman for the army, said the town was calm.", {("Mensah", "Person")}),
    # the post a copular verb gives the name
    ("Nabil Fahmi served as Egypt's foreign minister until 2014.",
     {("Nabil Fahmi", "Person"), ("Egypt", "Country")}),
    # bodies_of_roles: what a leader or member is "of" is a body, not a person
    ("The raid was claimed by Abu Bakr Shekau, the leader of Boko Haram.",
     {("Abu Bakr Shekau", "Person"), ("Boko Haram", "Organization")}),
    # office_holders: the name after "TITLE of BODY", the body a body unless a portfolio
    ("The envoys met Minister of Defense Taras Melnyk and Head of Presidential Administration "
     "Ivan Petrenko in Kyiv.",
     {("Taras Melnyk", "Person"), ("Presidential Administration", "Organization"),
      ("Ivan Petrenko", "Person"), ("Kyiv", "City")}),
    ("The envoys met Secretary of State Ann Kroll on Monday.", {("Ann Kroll", "Person")}),
])
def test_descriptions_give_these_entities(read, sentence, expected):
    assert {(e.name, e.cls) for e in read(sentence).entities} == expected


@pytest.mark.parametrize("sentence,expected", [
    # no comma, no apposition: the agency stays an agency
    ("In an interview with Interfax the chief of the agency denied the report.",
     {("Interfax", "Organization")}),
    # a role a group or a state can hold too leaves the name as it is
    ("Hamas, a member of the axis, denied the report.", {("Hamas", "Organization")}),
    ("Qatar, a Gulf state, hosts the talks.", {("Qatar", "Country"), ("Gulf", "Region")}),
    ("Iran is the leader of the axis.", {("Iran", "Country")}),
    # a son is no role in a body: the father stays a person
    ("The house belongs to the son of Ali Hassan.", {("Ali Hassan", "Person")}),
])
def test_descriptions_leave_other_names(read, sentence, expected):
    assert {(e.name, e.cls) for e in read(sentence).entities} == expected
