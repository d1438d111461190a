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
        assert re.fullmatch(r"(?:[A-Za-z0-9/_.-]|%[0-9A-F]{2})+", str(iri).split("/resource/", 1)[1])


@given(st.text(min_size=1), st.text(min_size=1))
def test_iris_document_iris_differ_for_different_ids(a, b):
    if a != b:
        assert document_iri(a) != document_iri(b)


def test_iris_crafted_document_id_does_not_meet_another_ids_iri():
    """Regression: ids that were not safe names were slugged and hashed, so the id
    "news-2020-03-txt-3e4cc02b" got the IRI of "news/2020 03.txt" and the two merged."""
    assert document_iri("news/2020 03.txt") != document_iri("news-2020-03-txt-3e4cc02b")
    assert str(document_iri("..")).endswith("/doc/%2E%2E")


@given(st.text(min_size=1))
def test_iris_slugs_are_lowercase_ascii(name):
    slug = slugify(name)
    assert slug and slug == slug.lower() and slug.isascii()
