"""Roles without verbs on news phrasings (issue 9): sentence -> the whole set of role facts."""
from __future__ import annotations

import pytest

_ROLES = {"memberOf", "leaderOf"}


@pytest.fixture(scope="module")
def roles(triples):
    """The asserted memberOf and leaderOf facts of a text, by canonical names."""
    return lambda text: {t for t in triples(text) if t[1] in _ROLES}


@pytest.mark.parametrize("sentence,expected", [
    # a lower-case "al-" name as the modifier of a title: one of its commanders, a member
    ("Abdi Warsame, an al-Shabaab commander, was killed in a drone strike near Jilib.",
     {("Abdi Warsame", "memberOf", "al-Shabaab")}),
    ("Omar Hassan is an al-Shabaab emir who ran training camps in the south.",
     {("Omar Hassan", "memberOf", "al-Shabaab")}),
    ("Yusuf Karim, an al-Qaeda financier, moved the money through Dubai.",
     {("Yusuf Karim", "memberOf", "al-Qaeda")}),
    # the article written apart, the title after "of"
    ("The raid killed Hamza Said, the emir of al Qaeda, officials said.",
     {("Hamza Said", "leaderOf", "al Qaeda")}),
    # an acronym as the modifier
    ("Qassem Jaber, a KH commander, died in the strike.", {("Qassem Jaber", "memberOf", "KH")}),
    # a surname with the article is no organisation
    ("Officials named Salim Nasser al-Rawi as the suspect, and al-Rawi denied it.", set()),
])
def test_roles_article_names_as_modifiers(roles, sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # "a/an ... leader" is one of the group's leaders: a member, by the guideline
    ("Amir Saleh, a senior leader of Hamas, was arrested on Monday.",
     {("Amir Saleh", "memberOf", "Hamas")}),
    ("Tariq Mansour, an ISIS commander, surrendered to the army.",
     {("Tariq Mansour", "memberOf", "ISIS")}),
    # "the leader of" stays the head
    ("Ahmad Nouri, the leader of Hamas, spoke on Sunday.", {("Ahmad Nouri", "leaderOf", "Hamas")}),
])
def test_roles_indefinite_leader_is_a_member(roles, sentence, expected):
    assert roles(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    # a nationality and an occupation before a name: a member of the state
    ("Kenyan businessman Peter Mwangi was arrested in Nairobi on Tuesday.",
     {("Peter Mwangi", "memberOf", "Kenya")}),
    ("Police questioned the 2023 Peruvian candidate Rosa Quispe about the funds.",
     {("Rosa Quispe", "memberOf", "Peru")}),
    ("The Cambodian tycoon Chea Sokha owns the casino, the report said.",
     {("Chea Sokha", "memberOf", "Cambodia")}),
    ("British journalist Sarah Kline reported from the border.",
     {("Sarah Kline", "memberOf", "United Kingdom")}),
    # where a person lives is not whom they belong to
    ("Kenyan resident Peter Mwangi lost his home in the floods.", set()),
    # a generic phrase names nobody
    ("Three Malian officials were killed in the ambush.", set()),
])
def test_roles_nationality_and_occupation(roles, sentence, expected):
    assert roles(sentence) == expected
