"""The files a ``build`` or an ``export`` writes: one set, all or none, and a build's
formats made on two cores. Part of the command line."""
from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import click

from graph.exits import Exit
from graph.problems import os_reason, printable


def write_set(write, chosen, outdir: Path) -> list[Path]:
    """Write every chosen format (``write(fmt, outdir)``) as one set, or none: on a
    failure, one line on stderr, the old files stay, and the exit status says so."""
    from exports.atomic import one_set

    written = []
    target = outdir
    try:
        with one_set():
            for fmt in chosen:
                target = outdir / fmt.filename
                written.append(write(fmt, outdir))
    except OSError as err:
        click.echo(printable(f"kgbuilder: {target}: cannot write ({os_reason(err)}); nothing was "
                             f"replaced, the files already in {outdir} are kept"), err=True)
        sys.exit(Exit.WRITE)
    return written


def write_built(g, chosen, outdir: Path, *, meanwhile=None) -> list[Path]:
    """:func:`write_set` of a built graph: the first format written by this process while a
    forked one makes the texts of the others on another core (the HTML view's selection
    and layout cost about as much as the Turtle). ``meanwhile``: a function this process
    calls after writing the first format, before it waits for the others."""
    from exports import write_format
    from exports.files import write_text
    from graph.forked import Forked

    others = Forked(partial(_format_texts, g, chosen[1:]))

    def write(fmt, outdir: Path) -> Path:
        if fmt is chosen[0]:
            path = write_format(g, fmt, outdir)
            if meanwhile is not None:
                meanwhile()
            return path
        return write_text(outdir / fmt.filename, others.result()[fmt])
    try:
        return write_set(write, chosen, outdir)
    finally:
        others.stop()


def _format_texts(g, formats) -> dict:
    from exports import format_text

    return {fmt: format_text(g, fmt) for fmt in formats}
