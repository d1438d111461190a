"""Incremental writes to a store equal a one-shot build, in any order and any batches."""
from __future__ import annotations

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from extractors.records import Factuality
from graph.build import build_graph
from graph.incremental import write_documents
from graph.load import read_store
from graph.store import document_graphs, open_reader
from tests.graph.factories import record

#: "KH" joins "Kataib Hezbollah" only once the document that gives the full name is in;
#: "Kataeb Hezbollah" is a transliteration variant of it.
RECORDS = {
    "a": record("a", agent="Kataib Hezbollah", target="Camp Taji"),
    "b": record("b", agent="KH", target="Baghdad"),
    "c": record("c", agent="Hamas", target="Sderot", reporter="Mark Esper"),
    "d": record("d", agent="Kataeb Hezbollah", target="Camp Taji", factuality=Factuality.NEGATED),
}


def _same(store_path, records) -> None:
    got, want = read_store(store_path), build_graph(records)
    if not isomorphic(got, want):
        _, only_store, only_build = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail("store differs from a one-shot build:\n"
                    + "\n".join(f"+ {t}" for t in sorted(only_store)[:10])
                    + "\n" + "\n".join(f"- {t}" for t in sorted(only_build)[:10]))


@pytest.mark.parametrize("batches", [
    ["abcd"], ["a", "b", "c", "d"], ["d", "c", "b", "a"], ["b", "acd"], ["bd", "ca"], ["c", "b", "da"],
])
def test_incremental_any_order_and_batches_equal_one_shot(tmp_path, batches):
    for batch in batches:
        write_documents(tmp_path / "kg", add=[(RECORDS[d], d) for d in batch])
    _same(tmp_path / "kg", list(RECORDS.values()))


def test_incremental_the_same_document_twice_changes_nothing(tmp_path):
    write_documents(tmp_path / "kg", add=[(RECORDS["a"], "h")])
    before = set(open_reader(tmp_path / "kg"))
    summary = write_documents(tmp_path / "kg", add=[(RECORDS["a"], "h")])
    assert summary.replaced == ("a",) and set(open_reader(tmp_path / "kg")) == before


def test_incremental_a_changed_document_replaces_its_old_facts(tmp_path):
    write_documents(tmp_path / "kg", add=[(RECORDS["a"], "h1"), (RECORDS["c"], "h")])
    changed = record("a", agent="Kataib Hezbollah", target="Balad")
    write_documents(tmp_path / "kg", add=[(changed, "h2")])
    _same(tmp_path / "kg", [changed, RECORDS["c"]])


def test_incremental_remove_equals_a_build_without_the_document(tmp_path):
    write_documents(tmp_path / "kg", add=[(r, d) for d, r in RECORDS.items()])
    summary = write_documents(tmp_path / "kg", remove=["a", "not-there"])
    assert summary.removed == ("a",)
    _same(tmp_path / "kg", [RECORDS[d] for d in "bcd"])


def test_incremental_an_older_document_follows_its_entity_to_a_new_iri(tmp_path):
    # alone, "KH" is its own node; with "a" it joins Kataib Hezbollah and b's graph must follow
    write_documents(tmp_path / "kg", add=[(RECORDS["b"], "b")])
    summary = write_documents(tmp_path / "kg", add=[(RECORDS["a"], "a")])
    assert summary.rewritten == ("b",)
    _same(tmp_path / "kg", [RECORDS["a"], RECORDS["b"]])


def test_incremental_a_node_keeps_its_iri_when_new_documents_tip_its_label(tmp_path):
    # one node, two spellings: its label is the one most mentions use, its IRI the one the
    # first document uses, so the document that tips the count moves no stored document
    from rdflib import RDFS, Literal

    from graph.iris import entity_iri

    docs = {d: record(d, agent=name, target="Camp Taji")
            for d, name in zip("abcd", ["Kataib Hezbollah", "Kataib Hezbollah",
                                        "Kataeb Hezbollah", "Kataeb Hezbollah"])}
    write_documents(tmp_path / "kg", add=[(docs["a"], "a"), (docs["b"], "b"), (docs["c"], "c")])
    summary = write_documents(tmp_path / "kg", add=[(docs["d"], "d")])
    assert summary.rewritten == ()
    node = entity_iri("Kataib Hezbollah", "ArmedGroup")
    assert set(read_store(tmp_path / "kg").objects(node, RDFS.label)) == {Literal("Kataeb Hezbollah")}
    _same(tmp_path / "kg", list(docs.values()))


@pytest.mark.parametrize("index", ["4", None])
def test_incremental_a_store_whose_nodes_were_named_by_their_labels_is_renamed_on_its_next_write(
        tmp_path, monkeypatch, index):
    # a store of index version 4 named each node after its label, and so did older ones
    # (None: no index at all, which the write makes again from the stored records); its
    # next write names every node after its first full name, rewrites the documents that
    # cite a renamed node and links the old IRI to the new one
    import pyoxigraph as ox

    import graph.incremental as incremental
    import graph.region_merge as region_merge
    from graph.iris import entity_iri
    from graph.renamed import stored_links
    from graph.store import META, open_writer

    def label_named(members):
        label, cls, altlabels, mentions, _ = node_head(members)
        return label, cls, altlabels, mentions, entity_iri(label, cls)

    node_head = region_merge.node_head
    docs = {d: record(d, agent=name, target="Camp Taji")
            for d, name in zip("abc", ["Kataeb Hezbollah", "Kataib Hezbollah", "Kataib Hezbollah"])}
    docs["d"] = record("d", agent="Hamas", target="Sderot")
    with monkeypatch.context() as patch:
        patch.setattr(region_merge, "node_head", label_named)
        write_documents(tmp_path / "kg", add=[(docs[d], d) for d in "abc"])
    with open_writer(tmp_path / "kg") as dbs:
        meta = dbs.meta
        for p in (incremental._INDEXED, *([] if index else incremental.INDEX)):
            for q in list(meta.quads_for_pattern(None, p, None, META)):
                meta.remove(q)
        if index:
            meta.add(ox.Quad(META, incremental._INDEXED, ox.Literal(index), META))
        del meta, dbs  # the databases close as the writer lets go of them
    summary = write_documents(tmp_path / "kg", add=[(docs["d"], "d")])
    old, new = entity_iri("Kataib Hezbollah", "ArmedGroup"), entity_iri("Kataeb Hezbollah", "ArmedGroup")
    assert summary.rewritten == ("a", "b", "c")
    assert stored_links(open_reader(tmp_path / "kg")) == {str(old): str(new)}
    _same(tmp_path / "kg", list(docs.values()))


def test_incremental_a_write_in_groups_of_one_document_equals_one_shot(tmp_path):
    # the graphs a write adds and rewrites are loaded a group at a time: "a" moves b to its IRI
    from graph.incremental import write_into
    from graph.store import open_writer

    with open_writer(tmp_path / "kg") as dbs:
        write_into(dbs, add=[(RECORDS["b"], "b")], group=1)
        groups = []
        summary = write_into(dbs, add=[(RECORDS[d], d) for d in "acd"], written=groups.append, group=1)
    assert summary.rewritten == ("b",) and [list(g) for g in groups] == [["a"], ["b"], ["c"], ["d"]]
    _same(tmp_path / "kg", list(RECORDS.values()))


@pytest.mark.parametrize("threshold,reopens", [(1, 2), (4, 1), (5, 0)])
def test_incremental_a_large_write_reopens_its_databases_between_reads_and_loads(tmp_path, monkeypatch,
                                                                                 threshold, reopens):
    # RocksDB's caches of what a write read go before its loads: a write of at least
    # REOPEN_BEFORE_LOAD documents opens the databases again once the old lines are out and
    # before the graphs come in; the store is the same either way
    import pyoxigraph as ox

    import graph.incremental as incremental
    from graph.iris import document_iri
    from graph.store import Databases

    graphs_at_reopen = []
    real_reopen = Databases.reopen

    def reopen(dbs):
        graphs_at_reopen.append([d for d in "abcd"
                                 if dbs.data.contains_named_graph(ox.NamedNode(str(document_iri(d))))])
        real_reopen(dbs)
    monkeypatch.setattr(Databases, "reopen", reopen)
    monkeypatch.setattr(incremental, "REOPEN_BEFORE_LOAD", threshold)
    write_documents(tmp_path / "kg", add=[(RECORDS["b"], "b")])
    write_documents(tmp_path / "kg", add=[(RECORDS[d], d) for d in "acd"])  # and b moves: 4 documents
    assert graphs_at_reopen == [[]] * reopens
    _same(tmp_path / "kg", list(RECORDS.values()))


def test_incremental_one_named_graph_per_document(tmp_path):
    write_documents(tmp_path / "kg", add=[(r, d) for d, r in RECORDS.items()])
    names = [g.value.rsplit("/", 1)[-1] for g in document_graphs(open_reader(tmp_path / "kg"))]
    assert names == ["a", "b", "c", "d"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_generated_corpus_in_random_batches_equals_one_shot(tmp_path, seed):
    # people, acronyms, aliases and variants that merge across documents, written in random
    # batches, some documents changed and some removed on the way
    import random

    from bench.entity_records import entity_records

    rnd = random.Random(seed)
    records = {r.doc_id: r for r in entity_records(40, seed=seed, facts=True)}
    ids = rnd.sample(sorted(records), len(records))
    while ids:
        size = rnd.randint(1, 12)
        batch, ids = ids[:size], ids[size:]
        write_documents(tmp_path / "kg", add=[(records[d], d) for d in batch])
    gone = rnd.sample(sorted(records), 5)
    write_documents(tmp_path / "kg", remove=gone)
    kept = [r for d, r in records.items() if d not in gone]
    changed = kept[0].__class__(kept[0].doc_id, kept[0].text, kept[1].entities[:3], (),
                                title="changed")
    write_documents(tmp_path / "kg", add=[(changed, "changed")])
    _same(tmp_path / "kg", [changed, *kept[1:]])


def test_incremental_a_store_written_before_the_entity_index_gets_one(tmp_path):
    # the meta database of an older store: records, hashes and digests, no entity index
    import gc

    import pyoxigraph as ox

    from graph.store import META, open_writer

    write_documents(tmp_path / "kg", add=[(RECORDS["a"], "a"), (RECORDS["c"], "c")])
    with open_writer(tmp_path / "kg") as dbs:
        kept = ("contentHash", "record", "entityIris", "identifier")
        for q in list(dbs.meta.quads_for_pattern(None, None, None, META)):
            if not q.predicate.value.endswith(kept):
                dbs.meta.remove(q)
        assert not list(dbs.meta.quads_for_pattern(
            None, ox.NamedNode("urn:kgbuilder:store#dependsOn"), None, META))
    del dbs  # Oxigraph lets the database go with its last Store object
    gc.collect()
    write_documents(tmp_path / "kg", add=[(RECORDS["b"], "b"), (RECORDS["d"], "d")])
    write_documents(tmp_path / "kg", remove=["c"])
    _same(tmp_path / "kg", [RECORDS[d] for d in "abd"])


def test_incremental_a_write_hands_on_each_graph_it_wrote_as_stored(tmp_path):
    # validation reads a batch's graphs from the write rather than from the store, so they
    # must be what the store holds: offsets, dates and renamed entities included
    import pyoxigraph as ox
    from rdflib import Graph

    from graph.incremental import write_into
    from graph.iris import document_iri
    from graph.store import dump_graph, open_writer

    dated = record("e", agent="KH", target="Balad", time="2020-01-03", time_text="on Friday",
                   date="2020-01-04", reporter="Mark Esper")
    with open_writer(tmp_path / "kg") as dbs:
        write_into(dbs, add=[(RECORDS["b"], "b"), (dated, "e")])
        groups = []
        write_into(dbs, add=[(RECORDS["a"], "a"), (RECORDS["c"], "c")], written=groups.append, group=3)
        assert [sorted(g) for g in groups] == [["a", "b", "c"], ["e"]]  # b and e follow KH's new IRI
        for doc_id, triples in groups[0].items() | groups[1].items():
            written = Graph()
            for triple in triples:
                written.add(triple)
            stored = Graph().parse(data=dump_graph(dbs.data, ox.NamedNode(str(document_iri(doc_id)))),
                                   format="nt")
            assert len(written) > 0 and isomorphic(written, stored), doc_id


def test_incremental_the_document_count_follows_adds_replacements_and_removals(tmp_path):
    # the count is kept by each write rather than counted; it must stay what the store holds,
    # also in a store written before the count was kept
    import pyoxigraph as ox

    from graph.incremental import stored_documents, write_into
    from graph.store import META, open_writer

    with open_writer(tmp_path / "kg") as dbs:
        for add, remove in [("ab", []), ("a", []), ("cd", ["b"]), ("", ["a", "not-there"]), ("", ["c"])]:
            summary = write_into(dbs, add=[(RECORDS[d], d) for d in add], remove=remove)
            assert summary.documents == len(stored_documents(dbs.meta)), (add, remove)
        for q in list(dbs.meta.quads_for_pattern(None, ox.NamedNode("urn:kgbuilder:store#documents"),
                                                 None, META)):
            dbs.meta.remove(q)
        summary = write_into(dbs, add=[(RECORDS["b"], "b")])
        assert summary.documents == len(stored_documents(dbs.meta)) == 2
