"""pyproject.toml: what an install finds and what it prints."""
from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile

import pytest

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = ("extractors", "ontology", "graph", "exports")


def test_pyproject_license_is_an_spdx_string():
    # the table form ({text = "MIT"}) warns on every install and stops working in 2027
    assert PROJECT["project"]["license"] == "MIT"


def _package_dirs() -> set[str]:
    """Every folder under the four packages that holds a module or a data file."""
    found = set()
    for top in PACKAGES:
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                found.add(".".join(path.parent.relative_to(ROOT).parts))
    return found


def test_pyproject_finds_every_subpackage_without_a_list():
    from setuptools import find_namespace_packages

    find = PROJECT["tool"]["setuptools"]["packages"]["find"]
    discovered = set(find_namespace_packages(where=str(ROOT), include=find["include"]))
    assert _package_dirs() <= discovered


def test_pyproject_new_subpackage_is_found(tmp_path):
    # a subpackage added tomorrow (extractors/text, say) needs no edit of pyproject.toml
    from setuptools import find_namespace_packages

    for top in PACKAGES:
        (tmp_path / top / "newpart").mkdir(parents=True)
        (tmp_path / top / "newpart" / "__init__.py").write_text("")
    (tmp_path / "tests").mkdir()
    find = PROJECT["tool"]["setuptools"]["packages"]["find"]
    discovered = set(find_namespace_packages(where=str(tmp_path), include=find["include"]))
    assert {f"{top}.newpart" for top in PACKAGES} <= discovered
    assert "tests" not in discovered


@pytest.fixture(scope="module")
def wheel_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, set[str]]:
    """``pip wheel`` of the checkout: its output and the files the wheel holds."""
    out_dir = tmp_path_factory.mktemp("wheel")
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out_dir),
                          str(ROOT)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    [wheel] = out_dir.glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return out, set(zf.namelist())


@pytest.mark.slow
def test_pyproject_build_prints_no_warning(wheel_build):
    out, _ = wheel_build
    # pip's own notes about the machine's index configuration are not the project's
    warnings = [line for line in (out.stdout + out.stderr).splitlines()
                if "warn" in line.lower() and "Location 'file:" not in line]
    assert warnings == []


@pytest.mark.slow
def test_pyproject_wheel_holds_every_data_file(wheel_build):
    _, names = wheel_build
    data = {path.relative_to(ROOT).as_posix() for top in PACKAGES for path in (ROOT / top).rglob("*")
            if path.is_file() and path.suffix not in {".py", ".pyc"}}
    assert data and data <= names
