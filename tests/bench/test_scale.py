"""bench/scale.py: sizes it cannot read are refused with one line naming --docs."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("docs", ["1000,five", "0"])
def test_scale_refuses_sizes_it_cannot_build(docs):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "--docs", docs],
                         capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.splitlines()[-1].startswith("scale.py: error: --docs: ")


def _scale_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scale_reads_the_time_per_1000_documents_within_one_build():
    scale = _scale_module()
    stored = {200: 30.0, 1000: 100.0, 1200: 125.0, 5000: 600.0, 9800: 1270.0, 10000: 1300.0,
              10200: 1310.0}   # the last: the final snapshot of the build, no new document
    assert scale.in_run(stored, 10000) == ("within the largest build, s per 1,000 documents so "
                                           "far at 1000: 100.0, 5000: 120.0 (+20%), 10000: 130.0 (+30%)")
    assert scale.in_run({200: 30.0}, 10000) == "within the largest build: too few batches seen"


def test_scale_notes_when_each_batch_of_a_store_build_was_stored(tmp_path):
    import time
    scale = _scale_module()
    watch = scale.Milestones(tmp_path, time.perf_counter())
    for number in (1, 2, 5):
        (tmp_path / "current").write_text(f"{number:06d}")
        time.sleep(0.6)
    seen = watch.stop()
    assert sorted(seen) == [n * scale.BATCH_DOCS for n in (1, 2, 5)]
    assert seen[scale.BATCH_DOCS] < seen[2 * scale.BATCH_DOCS] < seen[5 * scale.BATCH_DOCS]
