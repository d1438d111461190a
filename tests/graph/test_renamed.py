"""Entities a store renamed keep their old IRI working: ``old owl:sameAs new``."""
from __future__ import annotations

from graph.incremental import write_documents
from graph.query import run_query
from graph.renamed import RENAMED_GRAPH, renamed_iris, stored_links, updated_links
from graph.store import document_graphs, open_reader
from tests.graph.factories import record

#: Alone, "KH" is an entity of its own (kgo:kh); the document that spells out
#: "Kataib Hezbollah (KH)" renames it.
KH = record("b", agent="KH", target="Baghdad")
FULL = record("a", agent="Kataib Hezbollah", target="Camp Taji")
OLD = "https://w3id.org/kgbuilder/resource/org/kh"
NEW = "https://w3id.org/kgbuilder/resource/org/kataib-hezbollah"


def _targets_through_old_iri(path) -> set[str]:
    table = run_query(open_reader(path), f"""
        SELECT ?target WHERE {{ <{OLD}> owl:sameAs? ?e . ?e kgb:attacked ?t . ?t rdfs:label ?target }}""")
    return {row[0] for row in table.rows}


def test_renamed_old_iri_finds_the_entity_through_same_as(tmp_path):
    write_documents(tmp_path / "kg", add=[(KH, "b")])
    assert _targets_through_old_iri(tmp_path / "kg") == {"Baghdad"}
    write_documents(tmp_path / "kg", add=[(FULL, "a")])
    assert stored_links(open_reader(tmp_path / "kg")) == {OLD: NEW}
    assert _targets_through_old_iri(tmp_path / "kg") == {"Baghdad", "Camp Taji"}


def test_renamed_links_are_a_graph_of_their_own_not_a_document(tmp_path):
    write_documents(tmp_path / "kg", add=[(KH, "b")])
    write_documents(tmp_path / "kg", add=[(FULL, "a")])
    store = open_reader(tmp_path / "kg")
    assert store.contains_named_graph(RENAMED_GRAPH)
    assert [g.value.rsplit("/", 1)[-1] for g in document_graphs(store)] == ["a", "b"]


def test_renamed_back_when_the_naming_document_is_removed(tmp_path):
    # without "a", the entity is "KH" again: the old IRI is live and the newer one links to it
    write_documents(tmp_path / "kg", add=[(KH, "b")])
    write_documents(tmp_path / "kg", add=[(FULL, "a")])
    write_documents(tmp_path / "kg", remove=["a"])
    assert stored_links(open_reader(tmp_path / "kg")) == {NEW: OLD}
    assert _targets_through_old_iri(tmp_path / "kg") == {"Baghdad"}


def test_renamed_links_go_with_the_entity(tmp_path):
    write_documents(tmp_path / "kg", add=[(KH, "b")])
    write_documents(tmp_path / "kg", add=[(FULL, "a")])
    write_documents(tmp_path / "kg", remove=["a", "b"])
    store = open_reader(tmp_path / "kg")
    assert stored_links(store) == {} and not store.contains_named_graph(RENAMED_GRAPH)


def test_renamed_one_shot_store_has_no_links(tmp_path):
    write_documents(tmp_path / "kg", add=[(KH, "b"), (FULL, "a")])
    assert stored_links(open_reader(tmp_path / "kg")) == {}


def test_renamed_iris_of_a_document_are_the_keys_whose_iri_changed():
    assert renamed_iris({"a": "x", "b": "y", "c": "z"}, {"a": "x2", "b": "y", "d": "w"}) == {"x": "x2"}


def test_renamed_links_point_at_live_entities_only():
    links = {"k": "kh", "gone": "dead"}
    assert updated_links(links, {"kh": "kataib"}, live={"kataib"}) == {"k": "kataib", "kh": "kataib"}
    # a rename back: the old name is an entity again and the new one a link to it
    assert updated_links({"kh": "kataib"}, {"kataib": "kh"}, live={"kh"}) == {"kataib": "kh"}
