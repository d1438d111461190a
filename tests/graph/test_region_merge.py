"""A write re-merges its region by form summaries and still gives the one-shot graph."""
from __future__ import annotations

import random

import pytest

import graph.region_merge
from bench.entity_records import entity_records
from graph.incremental import write_documents
from tests.graph.test_incremental import _same


@pytest.mark.parametrize("seed", [4, 5])
def test_region_merge_many_batches_in_any_order_equal_one_shot(tmp_path, seed):
    # popular entities in most documents, new names as the corpus grows, documents in a
    # random order (so a form's first entity keeps changing), some replaced and removed
    rnd = random.Random(seed)
    records = {r.doc_id: r for r in entity_records(160, seed=seed, facts=True)}
    ids = rnd.sample(sorted(records), len(records))
    batches = 0
    while ids:
        size = rnd.randint(1, 15)
        batch, ids = ids[:size], ids[size:]
        write_documents(tmp_path / "kg", add=[(records[d], d) for d in batch])
        batches += 1
    gone = rnd.sample(sorted(records), 8)
    write_documents(tmp_path / "kg", remove=gone[:4])
    changed = records[gone[5]].__class__(gone[5], "", records[gone[6]].entities[:4], (), title="new")
    write_documents(tmp_path / "kg", add=[(changed, "changed")], remove=gone[6:])
    kept = {d: r for d, r in records.items() if d not in gone[:4] + gone[6:]}
    kept[gone[5]] = changed
    assert batches >= 15
    _same(tmp_path / "kg", list(kept.values()))


def test_region_merge_reads_the_entities_of_changed_forms_only(tmp_path, monkeypatch):
    # documents in id order, as a corpus usually comes: a new batch's popular entities
    # keep their node, so their stored entities are not read again
    records = entity_records(300, seed=2)
    for start in range(0, 280, 40):
        write_documents(tmp_path / "kg", add=[(r, r.doc_id) for r in records[start:start + 40]])
    read = []
    real = graph.region_merge.members
    monkeypatch.setattr(graph.region_merge, "members",
                        lambda meta, iri: read.extend(real(meta, iri)) or real(meta, iri))
    write_documents(tmp_path / "kg", add=[(r, r.doc_id) for r in records[280:]])
    stored = sum(len(r.entities) for r in records[:280])
    assert len(read) < stored / 10, (len(read), stored)
    _same(tmp_path / "kg", records)
