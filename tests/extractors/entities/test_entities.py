"""Grouping the names of one document into entities, read with the pinned spaCy model.

Each case is a text of our own and the groups of names that must (or must not) share an
entity.
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.entities.entities import index_entities
from extractors.lexicon import load_lexicon


@pytest.fixture(scope="module")
def groups(nlp):
    """Read a text; return {surface name: entity name} over its named mentions."""
    def _groups(text: str) -> dict[str, str]:
        index = index_entities(nlp(text), lexicon=load_lexicon())
        return {m.text: index.entity(m).name for m in index.names.values() if m.via == "name"}
    return _groups


def _entity(groups: dict[str, str], surface: str) -> str:
    hits = [groups[surface]] if surface in groups else [
        name for text, name in groups.items() if surface in text]
    assert hits, f"no mention of {surface!r} in {groups}"
    return hits[0]


@pytest.mark.parametrize("text,same", [
    # acronym defined in brackets, later used alone
    ("The Syrian Democratic Forces (SDF) took the town on Monday. A spokesman said the SDF "
     "lost four fighters.", ["Syrian Democratic Forces", "SDF"]),
    # acronym by initials, with "al-" and a lower-case function word in the long form
    ("Asaib Ahl al-Haq fighters entered the city. Officials said AAH had warned residents.",
     ["Asaib Ahl al-Haq", "AAH"]),
    ("The Ministry of Defence said the drill was over. The MoD gave no figures.",
     ["Ministry of Defence", "MoD"]),
])
def test_entities_acronyms_join_their_long_form(groups, text, same):
    g = groups(text)
    assert len({_entity(g, s) for s in same}) == 1, g


@pytest.mark.parametrize("text,same", [
    ("Defense Secretary Lloyd Austin arrived in Manila. Austin met the navy chief.",
     ["Lloyd Austin", "Austin"]),
    ("Lt. Gen. Ruth Okafor visited the base on Friday. Okafor praised the engineers.",
     ["Ruth Okafor", "Okafor"]),
    ("The cleric Muqtada al-Sadr addressed supporters. Later al-Sadr left, and Sadr's "
     "office said nothing.", ["Muqtada al-Sadr", "al-Sadr"]),
    ("Lloyd J. Austin spoke first. Then Lloyd Austin took questions.",
     ["Lloyd J. Austin", "Lloyd Austin"]),
    # an institution called by the field after its "of"
    ("The U.S. Department of the Treasury sanctioned two banks on Monday. The Treasury also "
     "named a broker.", ["U.S. Department of the Treasury", "Treasury"]),
])
def test_entities_partial_and_titled_names_join(groups, text, same):
    g = groups(text)
    assert len({_entity(g, s) for s in same}) == 1, g


def test_entities_titles_are_not_part_of_the_name(groups):
    g = groups("Col. Aziz Rahimi commanded the brigade.")
    assert "Aziz Rahimi" in set(g.values())


@pytest.mark.parametrize("text,same", [
    ("Kataeb Sayyid al-Shuhada claimed the attack. Kataib Sayyid al-Shuhada later denied it.",
     ["Kataeb Sayyid", "Kataib Sayyid"]),
    ("Hizballah fired on the outpost, and Hezbollah said the strike was a warning.",
     ["Hizballah", "Hezbollah"]),
])
def test_entities_transliteration_variants_join(groups, text, same):
    g = groups(text)
    assert len({_entity(g, s) for s in same}) == 1, g


@pytest.mark.parametrize("text,surfaces", [
    ("The U.S. sent ships. America has long backed the Philippines, and US officials agreed.",
     ["U.S.", "America", "US"]),
    ("Washington said it would respond to the attack on United States troops.",
     ["Washington", "United States"]),
    ("Iranian officials met the Iran team in Geneva.", ["Iranian", "Iran"]),
    ("The Kenyan government praised Kenya's police.", ["Kenyan", "Kenya"]),
])
def test_entities_countries_and_governments_are_one(groups, text, surfaces):
    g = groups(text)
    names = {_entity(g, s) for s in surfaces}
    assert len(names) == 1, g


def test_entities_country_gets_its_canonical_name(groups):
    assert _entity(groups("The U.K. closed its embassy in Tripoli."), "U.K.") == "United Kingdom"


def test_entities_capital_as_a_place_stays_a_city(nlp):
    index = index_entities(nlp("The envoy flew to Washington on Tuesday."), lexicon=load_lexicon())
    assert {e.name: e.cls for e in index.entities.values()}.get("Washington") == "City"


@pytest.mark.parametrize("text,apart", [
    # three organisations that share a word
    ("Hezbollah, Kataib Hezbollah and Harakat Hezbollah al-Nujaba all issued statements.",
     ["Hezbollah", "Kataib Hezbollah", "Harakat Hezbollah al-Nujaba"]),
    # two people who share a surname; the bare surname then fits neither
    ("Mark Kelly and Scott Kelly spoke. Kelly said the launch was late.",
     ["Mark Kelly", "Scott Kelly"]),
    # a branch named after a region is not the parent group
    ("The Islamic State in the Greater Sahara (ISGS) grew while the Islamic State shrank.",
     ["Greater Sahara", "Islamic State"]),
    # an acronym two long forms fit is left alone
    ("The Popular Mobilization Party and the Progressive Movement of Peace met. "
     "The PMP did not comment.", ["Popular Mobilization Party", "Progressive Movement of Peace"]),
])
def test_entities_similar_names_stay_apart(groups, text, apart):
    g = groups(text)
    assert len({_entity(g, s) for s in apart}) == len(apart), g


@pytest.mark.parametrize("text,given,full", [
    ('"This group lies," said Shimelis Kemal, the government spokesman. Shimelis denied that '
     "troops had been killed.", "Shimelis", "Shimelis Kemal"),
])
def test_entities_given_name_alone_is_the_one_person(groups, text, given, full):
    assert groups(text)[given] == full


@pytest.mark.parametrize("text,given", [
    # two people of that given name: it fits neither
    ("Ali Hassan and Ali Karimi spoke. Ali said the talks failed.", "Ali"),
])
def test_entities_shared_given_name_is_not_resolved(groups, text, given):
    assert groups(text).get(given, given) == given


def test_entities_shared_surname_is_not_resolved(groups):
    g = groups("Mark Kelly and Scott Kelly spoke. Kelly said the launch was late.")
    assert g["Kelly"] == "Kelly", g


def test_entities_mention_at_covers_every_token_of_a_name(nlp):
    doc = nlp("Kataib Hezbollah fired rockets.")
    index = index_entities(doc, lexicon=load_lexicon())
    assert index.mention_at(doc[0]) == index.mention_at(doc[1]) is not None
    assert index.mention_at(doc[2]) is None


def test_entities_merge_reasons_are_recorded(nlp):
    index = index_entities(nlp("The Syrian Democratic Forces (SDF) advanced. The SDF held."), lexicon=load_lexicon())
    ent = next(e for e in index.entities.values() if e.name == "Syrian Democratic Forces")
    assert ("SDF", "acronym defined in brackets (Syrian Democratic Forces)") in ent.merges


@pytest.mark.parametrize("text,same", [
    ("The Houthis, also known as Ansar Allah, hold the port.", ["Houthis", "Ansar Allah"]),
    ("Police named the suspect as Omar Farouk, known as Abu Musa, on Tuesday.",
     ["Omar Farouk", "Abu Musa"]),
    # every name of the list; then the bare surname fits one person only
    ("Bonomade Machude Omar, also known as Abu Sulayfa Muhammad and Ibn Omar, leads the unit. "
     "During the 2021 raid on Palma, Omar led one group of fighters.",
     ["Bonomade Machude Omar", "Abu Sulayfa Muhammad", "Ibn Omar", "Omar"]),
])
def test_entities_names_the_text_equates_join(groups, text, same):
    g = groups(text)
    assert len({_entity(g, s) for s in same}) == 1, g


@pytest.mark.parametrize("text,same", [
    ("The Islamic State in the Greater Sahara (ISGS) claimed the raid. ISGS fighters fled.",
     ["Islamic State in the Greater Sahara", "ISGS"]),
    ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM) denied it. JNIM is active in Mali.",
     ["Nusrat", "JNIM"]),
])
def test_entities_bracketed_acronym_names_the_words_it_abbreviates(groups, text, same):
    g = groups(text)
    assert len({_entity(g, s) for s in same}) == 1, g


def test_entities_acronym_after_a_country_does_not_join_it(groups):
    g = groups("The United Nations mission in Mali (MINUSMA) lost two soldiers.")
    assert g.get("Mali") == "Mali" and g.get("MINUSMA") != "Mali", g


@pytest.mark.parametrize("text,name,expected", [
    # a capital that acts is its government ...
    ("Moscow denied the report on Friday.", "Moscow", "Russia"),
    # ... unless the text also uses it as a place: then it is the city throughout
    ("Paris rejected the plan. Protesters marched in Paris.", "Paris", "Paris"),
])
def test_entities_capitals_and_countries_in_context(groups, text, name, expected):
    assert groups(text).get(name) == expected


def test_entities_names_the_model_missed_are_tagged_again(nlp):
    doc = nlp("The Sudan Liberation Army (SLA) took the town. Fighters of the SLA fled, "
              "and the Sudan Liberation Army said little.")
    index = index_entities(doc, lexicon=load_lexicon())
    spans = [doc[i] for i in range(len(doc)) if doc[i].text in {"SLA", "Army"}]
    keys = {index.mention_at(t).entity for t in spans if index.mention_at(t)}
    assert len(keys) == 1 and all(index.mention_at(t) for t in spans)


def test_entities_capitalised_common_word_is_not_a_name(nlp):
    index = index_entities(nlp("Rockets hit the base. The rockets came from the east."), lexicon=load_lexicon())
    assert "Rockets" not in {e.name for e in index.entities.values()}


def test_entities_dateline_is_not_an_actor(nlp):
    doc = nlp("JERUSALEM - The Israel Defense Forces said on Tuesday it hit a depot.")
    index = index_entities(doc, lexicon=load_lexicon())
    assert index.mention_at(doc[0]) is None
    assert index.entity(index.mention_at(doc[9])).name == "Israel Defense Forces"  # "it"


@pytest.mark.parametrize("text,name,cls", [
    ("Two fighters were killed in Khan Younis on Friday.", "Khan Younis", "City"),
])
def test_entities_places_the_model_takes_for_actors(nlp, text, name, cls):
    index = index_entities(nlp(text), lexicon=load_lexicon())
    assert {e.name: e.cls for e in index.entities.values()}.get(name) == cls


def test_entities_office_word_alone_is_not_an_entity(nlp):
    index = index_entities(nlp("Defense Minister Yoav Gallant visited the border."), lexicon=load_lexicon())
    assert "Defense" not in {e.name for e in index.entities.values()}


def test_entities_lone_organisation_name_missed_once_is_tagged(nlp):
    doc = nlp("Hezbollah fired rockets on Monday. BEIRUT - Hezbollah officials met the envoy, "
              "and the Hezbollah Brigades stayed away.")
    index = index_entities(doc, lexicon=load_lexicon())
    hits = [t for t in doc if t.text == "Hezbollah"]
    first = index.mention_at(hits[0])
    assert index.mention_at(hits[1]) is not None
    assert index.mention_at(hits[1]).entity == first.entity
    # inside a longer capitalised name it is left to the model
    third = index.mention_at(hits[2])
    assert third is None or third.entity != first.entity



@pytest.mark.parametrize("text,name,alias", [
    # a title standing just before the model's span
    ("Yesterday President Maria Lopez met the press in the capital.",
     "Maria Lopez", "President Maria Lopez"),
    # an abbreviated title, after an article
    ("Farmers welcomed the Rev. Alan Greene to the village hall.", "Alan Greene", "Rev. Alan Greene"),
    # "former" is no part of how the person is addressed
    ("Former Senator Tom Harper opened the new bridge.", "Tom Harper", "Senator Tom Harper"),
])
def test_entities_keep_the_titled_name_as_an_alias(nlp, text, name, alias):
    ents = {e.name: e for e in index_entities(nlp(text), lexicon=load_lexicon()).entities.values()}
    assert name in ents, ents
    assert alias in ents[name].aliases


@pytest.mark.parametrize("headline", [
    "Navy Missiles Sink Ferry Off Somalia",
    "Minister Dies in Helicopter Crash",
    "President Names New Cabinet Amid Protests",
])
def test_entities_headline_words_the_story_never_names_are_no_people(nlp, headline):
    # regression: title-case headlines made persons of "Dies", "Names New"
    text = headline + "\n\nThe army said the attack happened on Monday near the border with Uganda."
    index = index_entities(nlp(text), lexicon=load_lexicon())
    assert [e.name for e in index.entities.values() if e.cls == "Person"] == []


def test_entities_headline_person_named_in_the_story_is_kept(nlp):
    text = ("Ruto Names New Army Chief\n\n"
            "President William Ruto appointed Charles Kahariri as army chief on Monday. "
            "Ruto said the change was overdue.")
    index = index_entities(nlp(text), lexicon=load_lexicon())
    assert "William Ruto" in {e.name for e in index.entities.values() if e.cls == "Person"}


@pytest.mark.parametrize("text,expected", [
    ("The Syrian Democratic Forces (SDF) took the town on Monday. A spokesman said the SDF "
     "lost four fighters.", {"Syrian Democratic Forces": "Syrian Democratic Forces",
                             "SDF": "Syrian Democratic Forces"}),
    ("Asaib Ahl al-Haq fighters entered the city. Officials said AAH had warned residents.",
     {"Asaib Ahl al-Haq": "Asaib Ahl al-Haq", "AAH": "Asaib Ahl al-Haq"}),
    ("Defense Secretary Lloyd Austin arrived in Manila. Austin met the navy chief.",
     {"Lloyd Austin": "Lloyd Austin", "Austin": "Lloyd Austin", "Manila": "Manila"}),
])
def test_entities_the_whole_grouping_of_a_text(groups, text, expected):
    assert groups(text) == expected


@pytest.mark.parametrize("text,entities,facts", [
    # a one-word name the model calls a person is a place where a verb holds ground on it
    ("The insurgents, who control Kaduma, vowed to avenge the air raids.",
     {("Kaduma", "City")}, set()),
    ("Rebel fighters besieged Marawa for three weeks, aid groups said.",
     {("Marawa", "City")}, set()),
    # or the goal of a journey
    ("Foreign Minister Lena Hartmann flew to Tallinn on Monday.",
     {("Lena Hartmann", "Person"), ("Tallinn", "City")}, {("Lena Hartmann", "visited", "Tallinn")}),
    # a named airfield or base is a facility even when the model calls it an organisation
    ("French troops withdrew from Menaka Airfield East on Friday.",
     {("France", "Country"), ("Menaka Airfield East", "Facility")},
     {("France", "withdrewFrom", "Menaka Airfield East")}),
    # or a person (the model's label here): a name with a facility's kind word is a facility
    # (and a body named by its leader is one organisation: led_bodies)
    ("The French-led mission withdrew from Gao Airfield North on Monday, a spokesman said.",
     {("French-led mission", "Organization"), ("Gao Airfield North", "Facility")},
     {("French-led mission", "withdrewFrom", "Gao Airfield North")}),
    # an adjective the model tags alone belongs to the name it opens
    ("Kenya cooperates with the Ethiopian army in the fight against the Islamic State.",
     {("Kenya", "Country"), ("Ethiopia", "Country"), ("Islamic State", "Organization")},
     {("Kenya", "cooperatedWith", "Ethiopia")}),
    # a title-case headline fragment the story never repeats is no name
    ("Militia Chief Dies in Harbour Raid\n\nA drone strike near Raqqa killed Abu Omar al-Shami, "
     "the commander of the Euphrates Brigades.",
     {("Raqqa", "City"), ("Abu Omar al-Shami", "Person"), ("Euphrates Brigades", "ArmedGroup")},
     {("Abu Omar al-Shami", "leaderOf", "Euphrates Brigades")}),
    # one group's name in the singular and the plural is one node; the headline is no name
    # (the model calls the town an organisation: its class is not what this row checks)
    ("Contra Rebels Take Town\n\nContra rebels attacked Bluefields on Monday. The Contras "
     "withdrew from Bluefields two days later.",
     {("Contra", "Organization"), ("Bluefields", None)},
     {("Contra", "attacked", "Bluefields"), ("Contra", "withdrewFrom", "Bluefields")}),
])
def test_entities_demo_shapes_give_the_whole_sets(read, text, entities, facts):
    rec = read(text)
    names = {e.key: e.name for e in rec.entities}
    wanted = dict(entities)   # name -> class (None: any class)
    assert {e.name: wanted.get(e.name) and e.cls for e in rec.entities} == wanted
    assert {(names[f.subject.entity], f.relation, names[f.object.entity]) for f in rec.facts
            if f.factuality.value == "asserted"} == facts


@pytest.mark.parametrize("text,surname,full", [
    # a lone surname the model missed or called an organisation is the one person it fits
    ("Police chief Amina Yusuf toured Kano on Monday. Yusuf promised more patrols.", "Yusuf",
     "Amina Yusuf"),
    ("Defence Minister Tomas Lindqvist flew to Vilnius on Monday. Lindqvist met the "
     "president.", "Lindqvist", "Tomas Lindqvist"),
])
def test_entities_lone_surname_is_the_one_person(nlp, text, surname, full):
    doc = nlp(text)
    index = index_entities(doc, lexicon=load_lexicon())
    tok = [t for t in doc if t.text == surname][-1]
    assert index.entity(index.mention_at(tok)).name == full


@given(name=st.text(alphabet="ab -_é1", min_size=1, max_size=4),
       text=st.text(alphabet="ab -_é1.\n", max_size=40))
def test_name_occurrences_are_those_of_the_word_bounded_pattern(name, text):
    import re

    from extractors.entities.entities import _occurrences
    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    assert list(_occurrences(name, text)) == expected


def test_name_occurrences_skip_names_inside_words_and_hyphenated_names():
    from extractors.entities.entities import _occurrences
    text = "Hamas and pro-Hamas Hamasi groups; Hamas."
    assert list(_occurrences("Hamas", text)) == [(0, 5), (35, 40)]
