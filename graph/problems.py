"""What went wrong with an input, said in one line that is safe to print.

Names come from the user's file system and JSONL files: a newline or a terminal escape
sequence in a name must neither break the one-line message nor reach the terminal raw.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with control, format and separator characters written as escapes.

    Bytes of a file name that are not UTF-8 (surrogate escapes) are shown as ``\\xNN``.

    >>> printable("a\\nb\\x1b[31mc\\u2028d")
    'a\\\\nb\\\\x1b[31mc\\\\u2028d'
    >>> printable("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif cat == "Cs" and 0xDC80 <= ord(ch) <= 0xDCFF:
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif cat in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read (``fatal``), or was read with a warning."""

    source: str
    reason: str
    fatal: bool = True

    def __str__(self) -> str:
        return printable(f"{self.source}: {self.reason}")


def os_reason(err: OSError) -> str:
    """The reason of an OS error in the words users know ("no such file or directory").

    >>> os_reason(FileNotFoundError(2, "No such file or directory"))
    'no such file or directory'
    """
    reason = err.strerror or str(err)
    return reason[:1].lower() + reason[1:]
