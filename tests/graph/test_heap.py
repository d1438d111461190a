"""What a build makes is spared by the garbage collector until the build ends."""
from __future__ import annotations

import gc
import weakref

from graph.heap import spared, spared_while


class _Node:
    """An object that can be part of a reference cycle."""

    def __init__(self) -> None:
        self.other = None


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_heap_spares_what_is_alive_at_entry_and_unfreezes_on_exit():
    assert gc.get_freeze_count() == 0
    with spared_while():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_heap_spared_items_come_unchanged_and_are_frozen_as_they_come():
    with spared_while():
        before = gc.get_freeze_count()
        kept = [[n] for n in range(4)]  # new objects, alive when spared() freezes
        assert list(spared(iter(kept), every=2)) == [[0], [1], [2], [3]]
        assert gc.get_freeze_count() > before


def test_heap_a_cycle_that_died_during_the_build_is_collected_after_it():
    gc.disable()  # no collection between the cycle's death and the freeze
    try:
        with spared_while():
            cycle = _cycle()  # garbage already, not yet collected: frozen with the rest
            list(spared(range(2), every=1))
            gc.collect()
            assert cycle() is not None  # spared while the build runs
        gc.collect()
        assert cycle() is None
    finally:
        gc.enable()


def test_heap_leaves_an_outer_freeze_in_place():
    gc.freeze()
    try:
        with spared_while():
            pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
