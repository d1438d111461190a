"""A progress bar on stderr for long builds: documents done, their rates and time left.

Shown only on a terminal: a build whose stderr goes to a file or a pipe writes nothing
of it. With a known total the bar shows documents done of the total and the time left;
for a stream of unknown length (JSONL on standard input) the counts and rates alone.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                           TextColumn, TimeRemainingColumn)
from rich.text import Text

#: advances the bar by some documents and their words
Advance = Callable[..., None]


class _DocRateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("  -- docs/s" if speed is None else f"{speed:6.1f} docs/s")


class _WordRateColumn(ProgressColumn):
    """Words per second, over the whole run so far (documents differ too much in length
    for a moving window of a few documents to mean much)."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        words = task.fields.get("words", 0)
        if not elapsed or not words:
            return Text("     -- words/s")
        return Text(f"{words / elapsed:8,.0f} words/s")


class _DoneColumn(ProgressColumn):
    """Documents done, when no total is known."""

    def render(self, task: Task) -> Text:
        return Text(f"{int(task.completed):,} docs")


def columns(total: int | None) -> tuple[ProgressColumn, ...]:
    """The bar's columns: with a total, a bar, done/total and time left; always the rates."""
    rates = (_DocRateColumn(), _WordRateColumn())
    if total is None:
        return (TextColumn("reading"), _DoneColumn(), *rates)
    return (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"), *rates,
            TextColumn("eta"), TimeRemainingColumn())


@contextmanager
def progress_bar(*, total: int | None, quiet: bool = False,
                 console: Console | None = None) -> Iterator[Advance]:
    """Show a bar of ``total`` documents (None: unknown) on stderr, on a terminal only.

    Yields ``advance(docs=1, words=0)``. ``console``: where to draw (stderr by default).
    """
    console = console or Console(stderr=True)
    if quiet or not console.is_terminal:
        yield lambda docs=1, words=0: None
        return
    with Progress(*columns(total), console=console, transient=False) as bar:
        task = bar.add_task("build", total=total, words=0)
        done_words = 0

        def advance(docs: int = 1, words: int = 0) -> None:
            nonlocal done_words
            done_words += words
            bar.update(task, advance=docs, words=done_words)

        yield advance
