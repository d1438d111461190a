"""The C library's heap in a store writer: large buffers keep pages of their own, so a long
build's heaps do not grow batch by batch. Real glibc, in child processes (a setting
of the heap lasts for the whole process)."""
from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

from tests.conftest import ROOT

glibc_only = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's mallopt")


def run_child(code: str, *args) -> list[str]:
    """``code`` run by a fresh Python in the checkout (``sys.argv[1:]``: ``args``) with
    glibc's own heap settings; the words it printed."""
    # a MALLOC_*_ variable fixes the threshold too (Dask's LocalCluster, started by other
    # tests of the session, sets MALLOC_TRIM_THRESHOLD_ in this process's environment)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@glibc_only
def test_native_heap_without_the_fix_a_freed_large_buffer_pulls_the_next_into_the_heap():
    # the cause: glibc's adaptive threshold rises to the size of a freed mapped buffer
    assert run_child("from tests.graph.heap_probe import large_buffer_mapped as m; print(m())") == ["False"]


@glibc_only
def test_native_heap_fixed_threshold_keeps_large_buffers_on_their_own_pages():
    assert run_child("from graph.native_heap import fix_mmap_threshold as fix\n"
                     "from tests.graph.heap_probe import large_buffer_mapped as m\n"
                     "print(fix(), m(), m())") == ["True", "True", "True"]

