"""Atomic writes: the old complete file or the new complete file, never a torn one."""
from __future__ import annotations

import errno
import os

import pytest

from exports.atomic import write_atomic


def test_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_atomic_disk_full_keeps_the_old_file(small_fs):
    target = small_fs / "graph.ttl"
    write_atomic(target, "old complete graph\n" * 1000)       # about 18 KB: fits
    with pytest.raises(OSError) as err:
        write_atomic(target, "x" * (400 * 1024))              # 400 KB on a 256 KB disk
    assert err.value.errno == errno.ENOSPC
    assert target.read_text() == "old complete graph\n" * 1000
    assert sorted(p.name for p in small_fs.iterdir()) == ["graph.ttl"]


def test_atomic_interrupt_during_write_removes_the_temporary(tmp_path, monkeypatch):
    """A KeyboardInterrupt raised by a patched fsync stands in for Ctrl-C mid-write (the
    real signal to a real process is tested in tests/graph/test_faults.py)."""
    target = tmp_path / "graph.ttl"
    target.write_text("old")

    def interrupted(fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_atomic_file_mode_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        path = write_atomic(tmp_path / "a.ttl", "x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o640
