"""The output directory of a build: checked before the work, tidied after it.

A build's files are one set. Before any document is read, the directory is made (if
missing) and a file is written in it and removed, so that a directory under a file,
on a read-only disk or with a name too long fails at once rather than after the
build. After the new files are in place, files of the other formats that an earlier
build left there (``graph.trig`` beside a new ``graph.ttl``) are removed, and so are the
temporary files of a build that was killed while writing.
"""
from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from graph.problems import os_reason


class OutputDirError(Exception):
    """An output directory a build cannot write to; the message names it and says why."""


def prepare_outdir(outdir: Path) -> bool:
    """Make sure files can be written in ``outdir``; return whether it was created.

    Raises:
        OutputDirError: when it is not a directory, cannot be created or not written to.

    >>> prepare_outdir(Path("/dev/null"))
    Traceback (most recent call last):
    ...
    graph.outputs.OutputDirError: /dev/null: not a directory
    """
    created = False
    try:
        if not stat.S_ISDIR(os.stat(outdir).st_mode):
            raise OutputDirError(f"{outdir}: not a directory")
    except FileNotFoundError:
        try:
            outdir.mkdir(parents=True)
        except OSError as err:
            raise OutputDirError(f"{outdir}: cannot create the output directory ({os_reason(err)})") from None
        created = True
    except OSError as err:   # a name too long, a loop of links, a file on the way
        raise OutputDirError(f"{outdir}: cannot use as the output directory ({os_reason(err)})") from None
    try:
        fd, probe = tempfile.mkstemp(dir=outdir, prefix=".kgbuilder-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise OutputDirError(f"{outdir}: cannot write in the output directory ({os_reason(err)})") from None
    return created


def remove_stale(outdir: Path, written: Iterable[Path], names: Iterable[str]) -> list[Path]:
    """Remove what earlier builds left in ``outdir``: the files called one of ``names``
    that this build did not write, and the temporary files of a build that was killed
    while writing (``.graph.ttl.*.tmp``).

    >>> d = Path(tempfile.mkdtemp()); _ = (d / "graph.trig").write_text("old")
    >>> _ = (d / ".graph.ttl.x1y2.tmp").write_text("torn")
    >>> [p.name for p in remove_stale(d, [d / "graph.ttl"], ["graph.ttl", "graph.trig"])]
    ['.graph.ttl.x1y2.tmp', 'graph.trig']
    """
    keep = {Path(p).name for p in written}
    stale = []
    for name in names:
        if name not in keep and (outdir / name).is_file():
            stale.append(outdir / name)
        stale.extend(sorted(outdir.glob(f".{glob.escape(name)}.*.tmp")))
    removed = []
    for path in stale:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def remove_if_empty(outdir: Path) -> None:
    """Remove a directory this build created when nothing was written in it."""
    with contextlib.suppress(OSError):
        outdir.rmdir()
