"""Writing an export to disk: the one place files are written, their folder created first.

Files are written atomically (:func:`exports.atomic.write_atomic`): a kill, Ctrl-C or a
full disk leaves the old complete file or the new one, never a truncated one.
"""
from __future__ import annotations

from pathlib import Path

from exports.atomic import write_atomic


def write_text(path: Path | str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path``, creating its folder, and return the path.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_text(Path(tmp) / "new" / "graph.ttl", "").exists()
    True
    """
    return write_atomic(path, text)
