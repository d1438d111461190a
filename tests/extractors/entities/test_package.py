"""The names the relation rules import from ``extractors.entities``, and its spaCy-free parts."""
from __future__ import annotations

import subprocess
import sys

import pytest

import extractors.entities as entities


@pytest.mark.parametrize("name", entities.__all__)
def test_package_every_exported_name_resolves(name):
    assert getattr(entities, name) is not None


def test_package_names_and_unionfind_load_without_spacy():
    code = ("import sys, extractors.entities.names, extractors.entities.unionfind, extractors.entities; "
            "assert 'spacy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
