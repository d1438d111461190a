"""The README, read as a newcomer reads it: its snippets run as they are written."""
from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language`` ("" for plain blocks), in order."""
    blocks, current, lang = [], None, ""
    for line in README.splitlines(keepends=True):
        if line.startswith("```"):
            if current is None:
                current, lang = [], line[3:].strip()
            else:
                if lang == language:
                    blocks.append("".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_readme_python_snippet_runs_verbatim_in_an_empty_directory(tmp_path, monkeypatch, nlp):
    # ``nlp`` loads the model once for the session; the snippet's load_nlp() reuses it
    [snippet] = _blocks("python")
    monkeypatch.chdir(tmp_path)
    exec(compile(snippet, "README.md", "exec"), {"__name__": "readme"})
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.jsonld", "graph.trig"]
    assert (tmp_path / "graph.html").exists()


def test_readme_explain_sample_is_what_the_demo_prints(examples_graph):
    from click.testing import CliRunner

    from graph.cli import main

    [sample] = [b for b in _blocks("") if b.startswith("Kataib Hezbollah (")]
    shown = CliRunner().invoke(main, ["entities", str(examples_graph), "--explain", "KH"])
    assert shown.exit_code == 0, shown.output
    assert shown.output == sample


def test_readme_says_how_to_reach_kgbuilder_before_first_using_it():
    first_use = re.search(r"`kgbuilder [a-z]|^kgbuilder ", README, flags=re.M).start()
    assert README.index(". .venv/bin/activate") < first_use
    assert README.index('make kgbuilder ARGS="') < first_use
