"""Bulk loading on a thread: every batch lands, in order, and an error reaches the writer."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.background_load import BackgroundLoader


def _line(i: int) -> bytes:
    return f"<urn:s{i}> <urn:p> <urn:o{i}> <urn:g> .\n".encode()


def test_background_load_every_batch_is_in_the_store_when_the_block_ends(tmp_path):
    store = ox.Store(str(tmp_path / "db"))
    with BackgroundLoader(store, depth=1) as loader:
        for i in range(50):
            loader.load(_line(i))
    assert {q.subject.value for q in store} == {f"urn:s{i}" for i in range(50)}


def test_background_load_a_bad_batch_is_raised_in_the_writing_thread(tmp_path):
    store = ox.Store(str(tmp_path / "db"))
    with pytest.raises(SyntaxError):
        with BackgroundLoader(store) as loader:
            loader.load(b"<urn:s> <urn:p> this is not n-quads .\n")
    assert len(store) == 0


def test_background_load_an_error_of_the_writer_stops_the_loading(tmp_path):
    store = ox.Store(str(tmp_path / "db"))
    with pytest.raises(RuntimeError, match="writer failed"):
        with BackgroundLoader(store) as loader:
            loader.load(_line(0))
            raise RuntimeError("writer failed")
    assert len(store) <= 1
