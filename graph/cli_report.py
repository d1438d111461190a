"""What ``kgbuilder build`` says at its end: the summary on stderr and the ``--report`` file.

Called by :mod:`graph.cli`; the counting is :mod:`graph.summary`'s, the printing is here.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.exits import Exit

from graph.problems import os_reason, printable
from graph.summary import BuildTally, graph_counts, store_counts, summary_lines


def _err(message: str) -> None:
    click.echo(f"kgbuilder: {printable(message)}", err=True)


def summarise(tally: BuildTally, g) -> None:
    """The end summary of a build written to files: the built graph's entities and facts."""
    for line in summary_lines(tally, graph_counts(g)):
        click.echo(line, err=True)


def summarise_store(tally: BuildTally, path: Path) -> None:
    """The end summary of a build into a store: entities and facts are the whole store's."""
    from graph.store import StoreError, open_reader

    try:
        counts = store_counts(open_reader(path))
    except StoreError as err:
        _err(str(err))
        return
    for line in summary_lines(tally, counts, where=" in the store"):
        click.echo(line, err=True)


def write_report(tally: BuildTally, path: Path) -> None:
    """``--report FILE``, written atomically when the build ends, however it ends (an
    interrupted build reports what it had met).

    Called as the build's context closes, while the build's own ``sys.exit`` (or Ctrl-C)
    is in flight: a report that cannot be written is said in one line, and the exit
    status becomes 4 unless the build's own is higher.
    """
    from exports.atomic import write_atomic

    ending = sys.exc_info()[1]     # the build's SystemExit or KeyboardInterrupt, or None
    try:
        write_atomic(path, tally.report())
    except OSError as err:
        _err(f"{path}: cannot write the report ({os_reason(err)})")
        if isinstance(ending, KeyboardInterrupt):
            return                 # 130 follows
        status = ending.code if isinstance(ending, SystemExit) else Exit.OK
        raise SystemExit(max(int(status or 0), Exit.WRITE)) from None
