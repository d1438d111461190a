"""The documents a build has read, kept in a temporary file rather than in memory.

A build reads all its inputs before the first is parsed: it counts them (the progress
bar's total), compares their hashes with the store's (unchanged documents are skipped)
and sizes the workers' chunks by their words. Held as a list, a corpus costs its text
and more in every process of the build (40 MiB for 10,000 news articles of 400 words);
a :class:`Spool` holds only where each document starts in an unnamed temporary file, a
few bytes per document, and reads a document back when it is asked for. It is a
:class:`~collections.abc.Sequence`, so whatever takes a list of inputs takes it.

Reads go through :func:`os.pread`, which moves no shared file position: a process
forked while a spool is open (a build's workers) reads it as safely as the parent.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from extractors.records import TextInput


class Spool(Sequence[TextInput]):
    """Documents written once to an unnamed temporary file, read back on demand.

    >>> docs = Spool([TextInput("a", "One text."), TextInput("b", "Another.")])
    >>> len(docs), docs[1].doc_id, [d.text for d in docs], docs[-1:] == [docs[1]]
    (2, 'b', ['One text.', 'Another.'], True)
    >>> docs.close()
    """

    def __init__(self, documents: Iterable[TextInput], *, directory: str | None = None):
        self._file = tempfile.TemporaryFile(prefix="kgbuilder-inputs-", dir=directory)
        self._starts = array("q", [0])   # document i is bytes starts[i]:starts[i + 1]
        end = 0
        try:
            for doc in documents:
                data = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
                self._file.write(data)
                end += len(data)
                self._starts.append(end)
            self._file.flush()
        except BaseException:   # no room left, Ctrl-C: the file goes at once
            self._file.close()
            raise
        self._fd = self._file.fileno()

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, index: int) -> TextInput: ...
    @overload
    def __getitem__(self, index: slice) -> list[TextInput]: ...

    def __getitem__(self, index):
        at = range(len(self))[index]   # negative indices, slices and IndexError as a list has them
        return [self._read(i) for i in at] if isinstance(index, slice) else self._read(at)

    def __iter__(self) -> Iterator[TextInput]:
        # read in runs of about a MB: one system call for many short documents
        i, n = 0, len(self)
        while i < n:
            j = i + 1
            while j < n and self._starts[j + 1] - self._starts[i] < _RUN_BYTES:
                j += 1
            data = os.pread(self._fd, self._starts[j] - self._starts[i], self._starts[i])
            base = self._starts[i]
            for k in range(i, j):
                yield pickle.loads(data[self._starts[k] - base:self._starts[k + 1] - base])
            i = j

    def _read(self, i: int) -> TextInput:
        start, end = self._starts[i], self._starts[i + 1]
        return pickle.loads(os.pread(self._fd, end - start, start))

    def close(self) -> None:
        """Give the file back (it has no name: it goes when the process ends in any case)."""
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


#: bytes read at once when a spool is read through
_RUN_BYTES = 1 << 20


class Picked(Sequence[TextInput]):
    """The documents of ``documents`` at ``positions``, in that order, read when asked for.

    >>> Picked(["a", "b", "c"], [0, 2])[:]
    ['a', 'c']
    """

    def __init__(self, documents: Sequence[TextInput], positions: Sequence[int]):
        self._documents = documents
        self._positions = array("q", positions)

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._documents[p] for p in self._positions[index]]
        return self._documents[self._positions[index]]

    def __iter__(self) -> Iterator[TextInput]:
        for p in self._positions:
            yield self._documents[p]
