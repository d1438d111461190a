"""The shared test helpers: data from ../shared is required, never a reason to skip."""
from __future__ import annotations

import re

import pytest

from tests import conftest
from tests.conftest import ROOT


def test_conftest_missing_shared_data_fails_saying_what_and_where(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "shared")
    with pytest.raises(pytest.fail.Exception) as err:
        conftest.shared("eval", "GUIDELINE.md")
    message = str(err.value)
    assert message.startswith(f"needs {tmp_path / 'shared' / 'eval' / 'GUIDELINE.md'}: ")
    assert "beside the checkout as ../shared" in message and "\n" not in message


def test_conftest_present_shared_data_is_returned(monkeypatch, tmp_path):
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    assert conftest.shared("seeds") == tmp_path / "seeds"


def test_conftest_no_test_skips_for_want_of_the_shared_data():
    skips = [f"{path.relative_to(ROOT)}:{n}"
             for path in (ROOT / "tests").rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"(pytest\.skip|mark\.skipif)\(.*(shared|SHARED|seeds|GUIDELINE)", line)]
    assert skips == []
