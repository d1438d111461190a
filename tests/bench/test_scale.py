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
