"""Readers' leases on a store's snapshots, so that a superseded snapshot goes as soon as
no reader holds it.

Each snapshot directory has an empty file ``readers``. A process that reads a snapshot
holds a shared ``flock`` on it (:func:`lease`) for as long as it may read: until it ends
(the kernel lets go of the lock however it ends, even killed) or it lets go itself
(:func:`release_older`, for the long-lived readers of ``serve``). The writer removes a
superseded snapshot only when it gets the exclusive lock at once (:func:`collect`); a
snapshot a reader holds waits for the next write. Before leases, every superseded
snapshot was kept 15 minutes in case a reader had it open: a long build's checkpoints
and the compactions between them kept 18 GiB of snapshots beside a 1.6 GiB store.

The race between a reader that has just read ``current`` and the writer publishing a
newer snapshot is settled by the lock: the writer renames a snapshot away while it holds
the exclusive lock, and a reader whose lock came on a file no longer in its place
reports the snapshot gone (:func:`lease` returns False) and reads ``current`` again.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import threading
from pathlib import Path

#: the file of a snapshot directory that its readers lock
LEASE_FILE = "readers"
#: the suffix of a snapshot directory being removed
GONE = ".gone"

#: snapshot directory -> the descriptor this process holds its lease through
_HELD: dict[str, int] = {}
_HELD_LOCK = threading.Lock()   # serve's request threads open readers side by side


def create_lease_file(snapshot: Path) -> None:
    """Give a new snapshot its lease file (before it is published)."""
    (snapshot / LEASE_FILE).touch()


def lease(snapshot: Path) -> bool:
    """Hold a lease on ``snapshot`` for this process; False when the snapshot is gone.

    A snapshot written before leases (no lease file) counts as leased: the writer keeps
    those by their age alone.
    """
    with _HELD_LOCK:
        if str(snapshot) in _HELD:
            return True
        fd = _locked(snapshot / LEASE_FILE)
        if fd is None:
            return snapshot.is_dir() and not (snapshot / LEASE_FILE).exists()
        _HELD[str(snapshot)] = fd
        return True


def _locked(lease_file: Path) -> int | None:
    """A descriptor holding a shared lock on ``lease_file``, or None when it is gone."""
    try:
        fd = os.open(lease_file, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    fcntl.flock(fd, fcntl.LOCK_SH)   # waits only while the writer removes the snapshot
    try:
        same = os.stat(lease_file).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        same = False
    if not same:
        os.close(fd)
        return None
    return fd


def release(snapshot: Path) -> None:
    """Let go of this process's lease on ``snapshot`` (none held: nothing happens)."""
    with _HELD_LOCK:
        fd = _HELD.pop(str(snapshot), None)
    if fd is not None:
        os.close(fd)


def release_older(snapshots: Path) -> None:
    """Let go of this process's leases on the snapshots in ``snapshots`` but the newest it
    holds: a long-lived reader calls it once it reads a newer snapshot."""
    with _HELD_LOCK:
        mine = sorted(k for k in _HELD if Path(k).parent == Path(snapshots))
    for key in mine[:-1]:
        release(Path(key))


def collect(snapshot: Path) -> bool | None:
    """Remove a superseded snapshot unless a reader holds it: whether it went, or None
    for a snapshot written before leases (the caller decides by its age)."""
    try:
        fd = os.open(snapshot / LEASE_FILE, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None if snapshot.is_dir() else True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        gone = snapshot.with_name(snapshot.name + GONE)
        shutil.rmtree(gone, ignore_errors=True)   # left by a writer killed while removing
        with contextlib.suppress(FileNotFoundError):
            os.rename(snapshot, gone)   # out of the readers' way while the lock is held
        shutil.rmtree(gone, ignore_errors=True)
        return True
    finally:
        os.close(fd)


def _new_lock_in_child() -> None:
    """A process forked while another thread held the lock starts with a free one."""
    global _HELD_LOCK
    _HELD_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_lock_in_child)
