"""Writing an export to disk: the one place files are written, their folder created first."""
from __future__ import annotations

from pathlib import Path


def write_text(path: Path | str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path``, creating its folder, and return the path.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_text(Path(tmp) / "new" / "graph.ttl", "").exists()
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
