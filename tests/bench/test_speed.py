"""bench/speed.py (make bench): without the shared corpus, one line says what it needs."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_speed_without_shared_data_says_in_one_line_what_it_needs(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "speed.py"),
                          "--shared", str(tmp_path / "shared")], capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == ""
    [line] = out.stderr.splitlines()
    assert line.startswith(f"speed: needs {tmp_path / 'shared' / 'seeds'}, ")
    assert "--examples-only" in line and "../shared" in line


def test_speed_examples_only_corpus_is_the_examples_alone():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import speed
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = speed.corpus(None, words=1)
    assert len(texts) == 1 and texts[0] in {
        p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.txt")}
