"""The C library's heap in a process that writes the store for a long time.

glibc serves an allocation of at least its *mmap threshold* (128 KiB at the start) with
pages of its own, which go back to the system when it is freed. But the threshold adapts:
each time such a block is freed, the threshold rises to its size (up to 32 MiB) and the
heap's trim threshold to twice that. A store write makes buffers of many MB and drops
them (a batch's N-Quads as one text, then as bytes: 18 MiB for 200 news articles), so
after the first batch glibc serves them from its heaps instead, where the small
allocations that outlive a batch (the databases opened again after each checkpoint,
Python's) settle between them: the heaps grow from batch to batch while what is in use
stays flat, and ``malloc_trim`` gets little back, as few pages are wholly free. Setting
the threshold (:func:`fix_mmap_threshold`) turns the adaptation off: large buffers keep
pages of their own and go back whole (``bench/RESULTS.md``, "Scale: the store build's
memory, branch `rss7`").

Nothing here changes a result; where the C library is not glibc, nothing happens.
"""
from __future__ import annotations

import ctypes
import ctypes.util

#: glibc's ``mallopt`` parameter for the mmap threshold (malloc.h: ``M_MMAP_THRESHOLD``)
_M_MMAP_THRESHOLD = -3
#: Allocations of at least this many bytes get pages of their own in a store writer:
#: glibc's own starting value, so a batch's buffers (MB) are always mapped and given
#: back, while the many small objects of a write stay in the heaps.
MMAP_THRESHOLD = 128 * 1024


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None)
    except OSError:
        return None


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Have glibc map every allocation of ``size`` bytes or more on pages of its own, from
    now on in this process (and in processes it forks later); return whether it could
    (False where the C library has no ``mallopt``). Called once the parse's processes are
    forked, it leaves them glibc's own setting.
    """
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    return bool(mallopt is not None and mallopt(_M_MMAP_THRESHOLD, size) == 1)


def give_back_freed_memory() -> None:
    """Return the wholly free pages of the heaps to the system (glibc keeps them
    otherwise, a closed database's among them); nothing where the C library has no
    ``malloc_trim``."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)
