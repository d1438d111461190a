"""serve --memory's copy of a store: the newest snapshot's quads, loaded in the background,
used by a query worker only while it is of the newest snapshot."""
from __future__ import annotations

import io

from graph import memory_copy
from graph.incremental import write_documents
from graph.memory_copy import MemoryCopy, copy_for
from graph.query_worker import QueryJob, _open_cached, execute
from graph.results import ResultFormat
from graph.store import current_snapshot, open_reader
from tests.graph.factories import record


def _quads(store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_memory_copy_holds_the_newest_snapshot_and_follows_a_new_build(tmp_path, monkeypatch):
    monkeypatch.setattr(memory_copy, "_COPY", None)
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record(f"d{i}", agent=f"Group {i}"), str(i)) for i in range(3)])
    loads = []
    copy = MemoryCopy(kg, loaded=lambda: loads.append(current_snapshot(kg)))
    copy.refresh()
    assert copy.wait(60)
    first = current_snapshot(kg)
    assert loads == [first] and _quads(copy_for(kg, first)) == _quads(open_reader(kg))
    # a new build: no copy of its snapshot until the next refresh has loaded it
    write_documents(kg, add=[(record("late", agent="Late Group"), "x")])
    newest = current_snapshot(kg)
    assert copy_for(kg, newest) is None and copy_for(kg, first) is not None
    copy.refresh()
    assert copy.wait(60) and loads == [first, newest]
    assert _quads(copy_for(kg, newest)) == _quads(open_reader(kg))
    assert copy_for(kg, first) is None and copy_for(tmp_path / "other", newest) is None


def test_memory_copy_a_worker_answers_from_the_copy_only_while_it_is_the_newest(tmp_path,
                                                                                monkeypatch):
    monkeypatch.setattr(memory_copy, "_COPY", None)
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("d0", agent="Group 0"), "0")])
    job = QueryJob(kg, "ASK { kgo:late kgb:attacked ?o }", ResultFormat.JSON)
    copy = MemoryCopy(kg)
    copy.refresh()
    assert copy.wait(60)
    assert _open_cached(job, {})[0] is copy_for(kg, current_snapshot(kg))
    write_documents(kg, add=[(record("late", agent="Late"), "x")])
    store, _ = _open_cached(job, {})
    assert store is not copy_for(kg, current_snapshot(kg)) and len(store) == len(open_reader(kg))
    out = io.BytesIO()
    execute(job, out, cache={})   # from disk meanwhile: the new document is seen
    assert b"true" in out.getvalue()


def test_memory_copy_a_snapshot_that_cannot_be_read_leaves_an_error_and_no_copy(tmp_path,
                                                                                  monkeypatch):
    import shutil

    monkeypatch.setattr(memory_copy, "_COPY", None)
    kg = tmp_path / "kg"
    write_documents(kg, add=[(record("d0", agent="Group 0"), "0")])
    shutil.rmtree(current_snapshot(kg) / "db")
    reasons = []
    copy = MemoryCopy(kg, failed=reasons.append)
    copy.refresh()
    assert not copy.wait(60) and "no copy in memory" in copy.error and reasons == [copy.error]
    copy.refresh()   # the same snapshot is not tried again
    assert not copy.wait(60) and len(reasons) == 1
    write_documents(kg, add=[(record("d1", agent="Group 1"), "1")])
    copy.refresh()   # the next build's is
    assert copy.wait(60) and len(reasons) == 1
