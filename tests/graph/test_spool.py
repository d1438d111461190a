"""The documents a build has read live in a temporary file, not in memory (graph/spool.py)."""
import os
import tracemalloc

import pytest

from extractors.records import TextInput
from graph.spool import Picked, Spool


def _documents(n: int, words: int = 5) -> list[TextInput]:
    return [TextInput(f"doc-{i}", " ".join(f"word{i}x{j}" for j in range(words)) + ".",
                      title=f"Title {i}" if i % 2 else None, url=f"https://example.org/{i}",
                      date="2024-03-0%d" % (i % 9 + 1) if i % 3 else None)
            for i in range(n)]


def test_a_spool_gives_back_every_document_as_read_in_order():
    docs = _documents(50)
    with Spool(iter(docs)) as spool:
        assert len(spool) == 50
        assert list(spool) == docs
        assert list(spool) == docs   # read again, from the start


def test_a_spool_is_a_sequence_like_the_list_it_replaces():
    docs = _documents(7)
    with Spool(docs) as spool:
        assert spool[0] == docs[0] and spool[6] == docs[6] and spool[-1] == docs[-1]
        assert spool[2:5] == docs[2:5] and spool[::3] == docs[::3] and spool[5:] == docs[5:]
        with pytest.raises(IndexError):
            spool[7]
        assert bool(spool) and not Spool([])


def test_a_spool_reads_long_documents_across_its_read_runs():
    docs = [TextInput(f"long-{i}", "word " * (150_000 + i)) for i in range(12)]  # 0.75 MB each
    with Spool(docs) as spool:
        assert [len(d.text) for d in spool] == [len(d.text) for d in docs]
        assert list(spool) == docs


def test_a_spool_holds_its_documents_out_of_memory():
    docs = _documents(2_000, words=400)   # about 8 MB of text
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        spool = Spool(iter(docs))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    with spool:
        assert held < 500_000, f"a spool of 2,000 documents holds {held} bytes (a list: 8 MB)"
        assert list(spool) == docs


def test_a_spool_leaves_no_file_behind(tmp_path):
    with Spool(_documents(3), directory=str(tmp_path)) as spool:
        assert os.listdir(tmp_path) == []   # unnamed: gone even if the process is killed
        assert len(spool) == 3


def test_a_process_forked_from_the_reader_reads_the_spool_beside_it():
    docs = _documents(200)
    with Spool(docs) as spool:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:   # the child reads every other document while the parent reads all
            os.close(read)
            ok = [d.doc_id for d in spool[::2]] == [d.doc_id for d in docs[::2]]
            os.write(write, b"1" if ok else b"0")
            os._exit(0)
        os.close(write)
        parent = list(spool)
        child = os.read(read, 1)
        os.waitpid(pid, 0)
        os.close(read)
        assert parent == docs and child == b"1"


def test_picked_documents_are_those_at_the_positions_in_their_order():
    docs = _documents(10)
    with Spool(docs) as spool:
        picked = Picked(spool, [1, 4, 9])
        assert len(picked) == 3
        assert list(picked) == [docs[1], docs[4], docs[9]]
        assert picked[1] == docs[4] and picked[-1] == docs[9] and picked[1:] == [docs[4], docs[9]]
    assert list(Picked(docs, [])) == []
