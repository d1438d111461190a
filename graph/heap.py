"""The garbage collector during a build: what a build makes lives until the build ends.

Python's cyclic collector walks every object of its oldest generation at each full
collection, and runs one whenever that generation has grown by a quarter. A build's graph
grows to hundreds of thousands of objects beside the loaded pipeline, all alive until the
end, so the collector walked them again and again: a quarter of the build process's CPU
on the bench corpus. Objects moved to the permanent generation (``gc.freeze``) are left
alone by the collector (reference counting still frees them); :func:`spared_while` moves
them back when the build ends, so a cycle among them that died meanwhile is collected
then. Forked workers inherit the permanent generation, so their collections leave the
parent's heap alone too (and do not copy its pages).
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def spared_while() -> Iterator[None]:
    """Within: what is alive at entry is spared by the collector, and what :func:`spared`
    adds; on exit, all of it is collected again as usual. Inside another freeze (a forked
    child's, :mod:`graph.forked`), nothing is unfrozen on exit.

    >>> with spared_while():
    ...     gc.get_freeze_count() > 0
    True
    """
    outer = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not outer:
            gc.unfreeze()


def spared(items: Iterable[T], *, every: int = 8) -> Iterator[T]:
    """``items`` as they come; after every ``every`` of them, what is alive then (the graph
    built so far) is spared by the collector too. Use inside :func:`spared_while`.

    >>> list(spared(range(3), every=2))
    [0, 1, 2]
    """
    for n, item in enumerate(items, 1):
        yield item
        if n % every == 0:
            gc.freeze()
