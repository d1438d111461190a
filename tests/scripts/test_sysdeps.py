"""scripts/sysdeps.sh: where it cannot install the test suite's Debian packages, one line."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "sysdeps.sh"
BASH = shutil.which("bash")


def _run(bin_dir: Path, *, uid: int, apt: bool) -> subprocess.CompletedProcess:
    """The script on a PATH of stubs only: no rapper, ``id -u`` saying ``uid``, apt-get or not."""
    stubs = {"id": f"echo {uid}"}
    if apt:
        stubs["apt-get"] = "echo apt-get ran >&2; exit 9"
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!{BASH}\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return subprocess.run([BASH, str(SCRIPT)], capture_output=True, text=True,
                          env={"PATH": str(bin_dir)})


@pytest.mark.parametrize("uid,apt,says", [
    (1000, True, "install them as root (sudo apt-get install raptor2-utils"),
    (0, False, "no apt-get here"),
])
def test_sysdeps_cannot_install_fails_in_one_line(tmp_path, uid, apt, says):
    out = _run(tmp_path, uid=uid, apt=apt)
    assert out.returncode == 1
    [line] = out.stderr.splitlines()
    assert line.startswith("sysdeps: missing Debian packages raptor2-utils") and says in line


def test_sysdeps_as_root_with_apt_installs_and_says_what(tmp_path):
    out = _run(tmp_path, uid=0, apt=True)
    assert out.stderr.splitlines()[0].startswith(
        "sysdeps: installing Debian packages raptor2-utils")
    assert "apt-get ran" in out.stderr and out.returncode == 9
