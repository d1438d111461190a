"""Writing a file so that it is never seen half-written.

The text goes to a temporary file in the target's directory, is flushed to disk, and
is renamed over the target: a reader, a kill or a full disk sees the old complete file
or the new complete file, never a truncated one. Every writer in ``exports`` uses it.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

#: how temporary files start: hidden, and named after the file they will become
TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path | str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; create its directory; return the path.

    On any failure (a full disk, an interrupt) the temporary file is removed and the
    file that was at ``path`` is left as it was.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "sub" / "a.txt", "new").read_text()
    'new'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{path.name}.",
                               suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_directory(path.parent)
    return path


def _file_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give: 0o666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
