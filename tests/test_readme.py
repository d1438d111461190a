"""The README, read as a newcomer reads it: its snippets run as they are written."""
from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language``, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.S | re.M)


def test_readme_python_snippet_runs_verbatim_in_an_empty_directory(tmp_path, monkeypatch, nlp):
    # ``nlp`` loads the model once for the session; the snippet's load_nlp() reuses it
    [snippet] = _blocks("python")
    monkeypatch.chdir(tmp_path)
    exec(compile(snippet, "README.md", "exec"), {"__name__": "readme"})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.jsonld", "graph.trig"]
    assert (tmp_path / "graph.html").exists()
