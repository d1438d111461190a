"""The Makefile a newcomer starts from: the demo says how to reach the command; make runs it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
# this interpreter's bin folder holds kgbuilder; -o: never reinstall .venv from a test
MAKE = ["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", f"BIN={Path(sys.executable).parent}"]


def test_makefile_kgbuilder_target_passes_arguments():
    out = subprocess.run([*MAKE, "kgbuilder", "ARGS=--version"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("kgbuilder, version ")


def test_makefile_demo_says_how_to_reach_the_command():
    out = subprocess.run([*MAKE, "-n", "demo"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "activate" in out.stdout and 'make kgbuilder ARGS=' in out.stdout
