"""IRIs are deterministic and valid for strict parsers, whatever the name."""
from __future__ import annotations

import re

import pyoxigraph
from hypothesis import given
from hypothesis import strategies as st

from graph.iris import document_iri, entity_iri, slugify, statement_iri


def test_iris_same_name_and_class_give_same_iri():
    assert entity_iri("Kataib Hezbollah", "ArmedGroup") == entity_iri("Kataib Hezbollah", "ArmedGroup")


def test_iris_finer_classes_of_one_kind_share_an_iri():
    assert entity_iri("Hamas", "ArmedGroup") == entity_iri("Hamas", "Organization")


def test_iris_people_and_places_with_one_name_stay_apart():
    assert entity_iri("Jordan", "Country") != entity_iri("Jordan", "Person")


def test_iris_statement_iri_depends_on_content():
    assert statement_iri("d", "a", 1) == statement_iri("d", "a", 1)
    assert statement_iri("d", "a", 1) != statement_iri("d", "a", 2)


@given(st.text())
def test_iris_any_name_gives_a_strictly_valid_iri(name):
    for iri in (entity_iri(name, "Person"), document_iri(name or "x")):
        pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI
        assert re.fullmatch(r"[A-Za-z0-9/_.-]+", str(iri).split("/resource/", 1)[1])


@given(st.text(min_size=1))
def test_iris_slugs_are_lowercase_ascii(name):
    slug = slugify(name)
    assert slug and slug == slug.lower() and slug.isascii()
