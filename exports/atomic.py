"""Writing a file so that it is never seen half-written.

The text goes to a temporary file in the target's directory, is flushed to disk, and
is renamed over the target: a reader, a kill or a full disk sees the old complete file
or the new complete file, never a truncated one. Every writer in ``exports`` uses it.

Inside :func:`one_set`, the renames wait until every file of the set is written: a
failure on the third file (a full disk) leaves all the old files, not two new ones
beside an old one.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

#: how temporary files start: hidden, and named after the file they will become
TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"

# the (temporary, target) pairs of the set being written, if one is
_PENDING: ContextVar[list[tuple[str, Path]] | None] = ContextVar("pending_renames", default=None)


def write_atomic(path: Path | str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically; create its directory; return the path.

    On any failure (a full disk, an interrupt) the temporary file is removed and the
    file that was at ``path`` is left as it was.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "sub" / "a.txt", "new").read_text()
    'new'
    """
    data = text.encode("utf-8")
    return write_stream_atomic(path, lambda out: out.write(data))


def write_stream_atomic(path: Path | str, write: Callable[[BinaryIO], object]) -> Path:
    """:func:`write_atomic` for a writer that streams bytes into the open file ``write(out)``
    (a serialiser that never holds the whole text).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_stream_atomic(d / "b.txt", lambda out: out.write(b"streamed")).read_text()
    'streamed'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the name is chosen before the file is made, so that an interrupt at any point after
    # (even inside the call that creates it) finds a name to remove
    tmp = str(path.parent / f"{TEMP_PREFIX}{path.name}.{secrets.token_hex(8)}{TEMP_SUFFIX}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _file_mode())
        pending = _PENDING.get()
        if pending is not None:
            pending.append((tmp, path))
            return path
        os.replace(tmp, path)
    except FileExistsError:
        raise   # another writer's file had that name (odds 2**-64): not ours to remove
    except BaseException:
        _remove(tmp)
        raise
    _sync_directory(path.parent)
    return path


@contextlib.contextmanager
def one_set() -> Iterator[None]:
    """Write the files of one set: each :func:`write_atomic` inside waits, and all are
    renamed into place together when the block ends without an error; on an error
    (or an interrupt) none is, and the temporary files are removed.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with one_set():
    ...     _ = write_atomic(d / "a.ttl", "a")
    ...     (d / "a.ttl").exists()
    False
    >>> (d / "a.ttl").read_text()
    'a'
    """
    pending: list[tuple[str, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            _remove(tmp)
        raise
    finally:
        _PENDING.reset(token)
    i = 0
    try:
        for i, (tmp, path) in enumerate(pending):
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in pending[i:]:
            _remove(tmp)
        raise
    for directory in {path.parent for _, path in pending}:
        _sync_directory(directory)


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


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
