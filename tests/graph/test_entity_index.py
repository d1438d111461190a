"""The store's entity index: form summaries, and the region a write merges again."""
from __future__ import annotations

from extractors.records import DocumentRecord, Entity
from graph.entity_index import region
from graph.incremental import write_documents
from graph.store import open_writer


def _doc(doc_id: str, name: str) -> tuple[DocumentRecord, str]:
    return DocumentRecord(doc_id, name, (Entity("e0", name, "Organization"),), ()), doc_id


def _region_names(path, name: str) -> set[str]:
    with open_writer(path) as dbs:
        return {s.form.name for s in region(dbs.meta, [Entity("x", name, "Organization")]).values()}


def test_entity_index_initials_link_names_only_where_an_acronym_of_them_is(tmp_path):
    kg = tmp_path / "kg"
    write_documents(kg, add=[_doc("a", "Kabir Halim"), _doc("b", "Kurdish Hawks")])
    # "KH" is the initials of both, but no acronym "KH" reads them: neither depends on the other
    assert _region_names(kg, "Kurdish Hawks") == {"Kurdish Hawks"}
    write_documents(kg, add=[_doc("c", "KH")])
    assert _region_names(kg, "Kurdish Hawks") == {"Kurdish Hawks", "Kabir Halim", "KH"}
