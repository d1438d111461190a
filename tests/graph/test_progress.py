"""graph/progress.py: the bar shows documents, their rates and time left, on a terminal only."""
from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys

import pytest
from rich.console import Console

from graph.progress import progress_bar
from tests.conftest import ROOT


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=140, color_system=None), out


def _final_line(drawn: str) -> str:
    """The bar as last drawn: after the last carriage return, without terminal codes."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn).split("\r")[-1].strip()


@pytest.mark.parametrize("total,shown,absent", [
    (4, ["4/4 docs", "docs/s", "words/s", "eta"], []),
    (None, ["4 docs", "docs/s", "words/s"], ["eta", "/"]),
])
def test_progress_bar_shows_documents_rates_and_time_left_when_the_total_is_known(total, shown,
                                                                                  absent):
    console, out = _console(terminal=True)
    with progress_bar(total=total, console=console) as advance:
        for _ in range(4):
            advance(1, words=250)
    last = _final_line(out.getvalue())
    assert [text for text in shown if text not in last] == []
    assert [text for text in absent if text in last.replace("docs/s", "").replace("words/s", "")] == []


def test_progress_bar_without_words_shows_no_word_rate():
    console, out = _console(terminal=True)
    with progress_bar(total=2, console=console) as advance:
        advance(1, words=0)
        advance(1, words=0)
    assert _final_line(out.getvalue()).endswith("-- words/s eta 0:00:00")


@pytest.mark.parametrize("terminal,quiet", [(False, False), (True, True)])
def test_progress_bar_writes_nothing_off_a_terminal_or_when_quiet(terminal, quiet):
    console, out = _console(terminal=terminal)
    with progress_bar(total=3, quiet=quiet, console=console) as advance:
        for _ in range(3):
            advance(1, words=100)
    assert out.getvalue() == ""


def _run_build(tmp_path, stderr):
    for name, text in (("a.txt", "Iran backed Hamas on Monday."), ("b.txt", "Israel struck Gaza.")):
        (tmp_path / name).write_text(text)
    return subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(tmp_path / "a.txt"),
                             str(tmp_path / "b.txt"), "-o", str(tmp_path / "out")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr,
                            env={**os.environ, "COLUMNS": "120"})


def test_progress_bar_of_a_build_on_a_real_terminal(tmp_path):
    controller, terminal = pty.openpty()
    build = _run_build(tmp_path, terminal)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:       # the terminal closed: the build has ended
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    assert build.wait() == 0
    bar = [line for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn.decode()).split("\r")
           if "2/2 docs" in line]
    assert bar and "docs/s" in bar[-1] and "words/s" in bar[-1] and "eta" in bar[-1]


def test_progress_bar_of_a_build_off_a_terminal_is_not_drawn(tmp_path):
    build = _run_build(tmp_path, subprocess.PIPE)
    _, stderr = build.communicate()
    assert build.returncode == 0
    assert b"docs/s" not in stderr and b"documents  2 read, 0 failed" in stderr
