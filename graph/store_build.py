"""``build --store``: documents stream from extraction into the store, batch by batch.

The texts are compared with what the store holds (id and content hash): unchanged
documents are skipped unread, so a build that was interrupted (Ctrl-C, a kill) and is
run again with the same arguments resumes where its last finished batch ended. The
records of the others arrive as an iterator (local workers or a cluster feed it) and are
written a batch at a time (:func:`graph.incremental.write_into`): at most ``batch_docs``
documents or ``batch_chars`` characters of text, so neither the corpus's records nor a
graph of the whole store is ever held. Each batch is validated against the shapes
(:func:`graph.validate.validate_batch`) and then checkpointed (:func:`graph.store.checkpoint`).
spaCy-free: the build passes its reader in.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extractors.records import DocumentRecord, TextInput
from graph.validate import StoreViolations

#: documents of one store write at most. Every write adds table files that overlap every key
#: of the store (Oxigraph's keys are hashes), so RocksDB's compaction rewrites about the
#: whole database once or twice a write: fewer, larger writes cost less CPU per document
#: as the store grows, and more memory a write (bench/RESULTS.md, "Scale: larger store
#: writes": 137 CPU s for 3,000 documents in writes of 200, 90 s in writes of 500)
BATCH_DOCS = 500
#: characters of a store write's text at most
BATCH_CHARS = 2_000_000


@dataclass
class StoreBuild:
    """What a store build did so far."""

    unchanged: int = 0
    skipped: tuple[str, ...] = ()         # ids of the documents skipped as unchanged
    added: int = 0
    replaced: int = 0
    stored: int = 0                       # documents of this build written, batch by batch
    documents: int = 0                    # documents in the store after the last batch
    violations: StoreViolations = field(default_factory=StoreViolations)


class BuildInterrupted(Exception):
    """Ctrl-C during a store build; carries what was stored before it."""

    def __init__(self, progress: StoreBuild):
        super().__init__("interrupted")
        self.progress = progress


def batches(records: Iterable[DocumentRecord], *, docs: int = BATCH_DOCS,
            chars: int = BATCH_CHARS) -> Iterator[list[DocumentRecord]]:
    """Records in batches of at most ``docs`` documents or about ``chars`` characters.

    >>> from extractors.records import DocumentRecord
    >>> recs = [DocumentRecord(str(i), "x" * 10, (), ()) for i in range(5)]
    >>> [len(b) for b in batches(recs, docs=2)], [len(b) for b in batches(recs, chars=25)]
    ([2, 2, 1], [3, 2])
    """
    batch, size = [], 0
    for rec in records:
        batch.append(rec)
        size += len(rec.text)
        if len(batch) >= docs or size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@contextmanager
def _ctrl_c_waits() -> Iterator[None]:
    """Hold Ctrl-C back for the block; it takes effect when the block ends.

    A handler that only notes the signal, rather than a blocked signal mask: the mask is
    per thread, and a SIGINT the kernel hands to another thread of the process (Oxigraph's,
    a pool's) would still raise in the main thread inside the block.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def build_into_store(texts: Sequence[TextInput], path: Path, *,
                     read: Callable[[Sequence[TextInput]], Iterable[DocumentRecord]],
                     batch_docs: int = BATCH_DOCS) -> StoreBuild:
    """Add ``texts`` to the store at ``path`` batch by batch; return what was done.

    Raises:
        graph.store.StoreError: the store is busy or cannot be opened.
        BuildInterrupted: on Ctrl-C; the batches finished before it are in the store.
    """
    from graph.incremental import stored_documents, write_into
    from graph.native_heap import fix_mmap_threshold
    from graph.recordjson import content_hash
    from graph.spool import Picked
    from graph.store import checkpoint, open_writer
    from graph.validate import validate_batch

    progress = StoreBuild()
    try:
        with open_writer(path) as dbs:
            known = stored_documents(dbs.meta)
            hashes, changed, skipped = {}, [], []
            for i, t in enumerate(texts):  # one pass: texts may be read from a file (graph.spool)
                h = hashes[t.doc_id] = content_hash(t)
                if t.doc_id not in known or known[t.doc_id].content_hash != h:
                    changed.append(i)
                else:
                    skipped.append(t.doc_id)
            todo = Picked(texts, changed)  # read as the workers take them, not held
            progress.unchanged = len(texts) - len(todo)
            progress.skipped = tuple(skipped)
            progress.documents = len(known)
            del known
            for batch in batches(read(todo), docs=batch_docs):
                # a batch's buffers of several MB get pages of their own, given back when
                # dropped, or the heaps grow batch by batch (graph.native_heap); set once the
                # readers run, so processes forked to parse keep glibc's own setting
                fix_mmap_threshold()
                summary = write_into(dbs, add=[(r, hashes[r.doc_id]) for r in batch], group=batch_docs,
                                     written=lambda layers: progress.violations.add(
                                         validate_batch(dbs.data, layers)))
                with _ctrl_c_waits():  # a batch is committed and counted together
                    checkpoint(path, dbs)
                    progress.added += len(summary.added)
                    progress.replaced += len(summary.replaced)
                    progress.stored += len(batch)
                    progress.documents = summary.documents
                del summary, batch  # what the batch held goes before the databases reopen
                dbs.reopen()
            progress.violations.drop_missing(dbs.data)
    except KeyboardInterrupt:
        raise BuildInterrupted(progress) from None
    return progress
