"""A progress bar on stderr for long builds: documents done, rate and time left."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                           TextColumn, TimeRemainingColumn)
from rich.text import Text


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("  -- docs/s" if speed is None else f"{speed:6.1f} docs/s")


@contextmanager
def progress_bar(*, total: int, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """Show a bar of ``total`` documents on stderr; yields a function that advances it."""
    if quiet:
        yield lambda n=1: None
        return
    console = Console(stderr=True)
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
               _RateColumn(), TextColumn("eta"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False,
                  disable=not console.is_terminal and total < 2) as bar:
        task = bar.add_task("build", total=total)
        yield lambda n=1: bar.advance(task, n)
