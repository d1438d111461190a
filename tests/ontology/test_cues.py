"""The ontology against the guideline's relation inventory."""
from __future__ import annotations

import re

import pytest
from rdflib import OWL, RDF, RDFS

from ontology import KGB, load_cues, load_ontology, load_relations
from tests.conftest import shared



def guideline_relations() -> dict[str, str]:
    """relation name -> 'subject → object' column of the guideline's table."""
    rows = {}
    for line in shared("eval", "GUIDELINE.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*([a-zA-Z]+)\s*\|\s*([^|]+?)\s*\|", line)
        if m and m.group(1) not in {"relation"}:
            rows[m.group(1)] = m.group(2)
    return rows


def test_cues_relations_are_exactly_the_guideline_inventory():
    assert {r.name for r in load_relations()} == set(guideline_relations())


def test_cues_every_relation_has_label_comment_domain_and_range():
    g = load_ontology()
    for rel in load_relations():
        prop = KGB[rel.name]
        assert (prop, RDF.type, OWL.ObjectProperty) in g
        assert g.value(prop, RDFS.label) and g.value(prop, RDFS.comment)
        assert (g.value(prop, RDFS.domain), RDF.type, OWL.Class) in g
        assert (g.value(prop, RDFS.range), RDF.type, OWL.Class) in g


def test_cues_symmetric_relations_are_contacted_and_cooperated_with():
    assert load_cues().symmetric == {"contacted", "cooperatedWith"}


def test_cues_a_head_is_the_one_narrower_relation_of_a_member():
    # kgb:leaderOf rdfs:subPropertyOf kgb:memberOf, read into the cue table
    assert load_cues().broader == {"leaderOf": frozenset({"memberOf"})}


@pytest.mark.parametrize("lemma,relation", [
    ("kill", "killed"), ("assassinate", "killed"), ("wound", "injured"), ("bomb", "attacked"),
    ("denounce", "condemned"), ("blacklist", "sanctioned"), ("deploy", "sent"),
    ("urge", "requested"), ("appoint", "appointed"), ("reject", "rejected"),
])
def test_cues_verb_lemmas_map_to_their_relation(lemma, relation):
    assert load_cues().verbs[lemma] == relation


@pytest.mark.parametrize("phrase,relation", [
    (("withdraw", "from"), "withdrewFrom"), (("pull", "out", "of"), "withdrewFrom"),
    (("fire", "at"), "attacked"), (("cooperate", "with"), "cooperatedWith"),
    (("fly", "to"), "visited"), (("talk", "to"), "contacted"),
])
def test_cues_verb_phrases_map_to_their_relation(phrase, relation):
    assert load_cues().verb_phrases[phrase] == relation


def test_cues_no_verb_cue_names_two_relations():
    seen: dict[str, str] = {}
    for rel in load_relations():
        for cue in rel.cues["verbCue"]:
            assert seen.setdefault(cue, rel.name) == rel.name, cue
