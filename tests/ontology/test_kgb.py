"""The ontology's alignments: PLOVER and CAMEO per event relation, schema.org/FOAF per class."""
from __future__ import annotations

import json
import re

import pytest
from rdflib import OWL, RDFS

from ontology import KGB, load_ontology, load_relations
from ontology.terms import CLASSES, ontology_text
from tests.conftest import shared

SCHEMA_OR_FOAF = ("http://schema.org/", "http://xmlns.com/foaf/0.1/")


def _codes(cell: str) -> set[str]:
    """CAMEO roots of a guideline cell: "18–20" -> 18, 19, 20; "05, 07" -> 05, 07."""
    out = set()
    for part in re.split(r",\s*", cell):
        lo, _, hi = part.replace("–", "-").partition("-")
        out.update(f"{n:02d}" for n in range(int(lo), int(hi or lo) + 1))
    return out


def guideline_alignment() -> dict[str, tuple[set[str], set[str]]]:
    """relation -> (PLOVER categories, CAMEO roots), from the guideline's last column."""
    rows = {}
    for line in shared("eval", "GUIDELINE.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and "/" in cells[3] and cells[0] != "relation":
            plover, cameo = (c.strip() for c in cells[3].split("/"))
            rows[cells[0]] = ({p.strip() for p in plover.split(",")}, _codes(cameo))
    return rows


def test_kgb_event_relations_align_to_the_guidelines_plover_and_cameo():
    g = load_ontology()
    ours = {}
    for rel in load_relations():
        plover = {str(o) for o in g.objects(KGB[rel.name], KGB.ploverCategory)}
        cameo = {str(o) for o in g.objects(KGB[rel.name], KGB.cameoRoot)}
        if plover or cameo:
            ours[rel.name] = (plover, cameo)
    assert ours == guideline_alignment()


def test_kgb_plover_and_cameo_are_annotation_properties():
    g = load_ontology()
    for prop in (KGB.ploverCategory, KGB.cameoRoot):
        assert (prop, None, OWL.AnnotationProperty) in g


#: Classes that mean what a schema.org or FOAF class means; the others are narrower.
EQUIVALENT = {"Person", "Organization", "GovernmentBody", "Country", "City", "Place"}


@pytest.mark.parametrize("cls", CLASSES)
def test_kgb_class_is_equivalent_to_or_a_subclass_of_schema_org_or_foaf(cls):
    # the class itself names the schema.org or FOAF class, by OWL or RDFS (not rdfs:seeAlso)
    g = load_ontology()
    link = OWL.equivalentClass if cls in EQUIVALENT else RDFS.subClassOf
    aligned = {str(o) for o in g.objects(KGB[cls], link)}
    assert any(a.startswith(SCHEMA_OR_FOAF) for a in aligned), f"kgb:{cls}"
    assert not set(g.objects(KGB[cls], RDFS.seeAlso)), f"kgb:{cls}"


def test_kgb_published_jsonld_context_matches_the_ontology_prefixes():
    context = json.loads(ontology_text("context.jsonld"))["@context"]
    declared = dict(re.findall(r"@prefix\s+(\w+):\s*<([^>]+)>", ontology_text("kgb.ttl")))
    assert {p: context[p] for p in declared} == declared


FAMILIES = {"violence", "coercion", "diplomacy", "support", "membership", "location"}


def test_kgb_every_relation_belongs_to_one_of_the_six_families():
    g = load_ontology()
    for rel in load_relations():
        assert len(set(g.objects(KGB[rel.name], KGB.family))) == 1, rel.name
    assert {rel.family for rel in load_relations()} == FAMILIES


def test_kgb_relation_families_group_the_violent_acts():
    by_family = {}
    for rel in load_relations():
        by_family.setdefault(rel.family, set()).add(rel.name)
    assert by_family["violence"] == {"attacked", "killed", "injured"}
    assert by_family["membership"] == {"appointed", "leaderOf", "memberOf"}
