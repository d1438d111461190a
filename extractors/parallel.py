"""Reading many documents on several cores.

The parse dominates a build. With more than one job, worker processes each hold the
pipeline (forked from the parent, which loaded it once) and turn chunks of documents
into :class:`~extractors.records.DocumentRecord` s; only the small records travel back.
With one job on a machine of several cores, one forked process parses and sends the
parsed documents back (``Doc.to_bytes``, about 2 % of the parse each way) while this
process runs the rule-based components (:data:`READER_COMPONENTS`) and reads their
entities and facts: the rules run beside the parse, not after it.
Records come back in input order, so the result is the same as with one job.
Every process reads inside ``nlp.memory_zone()``, :data:`ZONE_DOCS` documents at a time (a
worker's zone spans its chunks until it has read as many, :class:`RollingZone`), so spaCy's
string store does not grow with every new word of a corpus; records hold plain strings
only, so they outlive the zone.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue as queues
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from extractors.lexicon import Lexicon, load_lexicon
from extractors.pipeline import Piece, extract, parse, read_parsed
from extractors.records import DocumentRecord, TextInput
from extractors.relations.registry import rules

#: documents read in one memory zone (big enough for nlp.pipe)
ZONE_DOCS = 256

# set in each worker before it reads: the pipeline and cue table inherited from the parent
_WORKER: dict = {}


def usable_cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    """Jobs to run by default: the cores this process may use, at most 4."""
    return min(4, usable_cores())


def _read_chunk(chunk: list[TextInput]) -> list[DocumentRecord]:
    zone = _WORKER.get("zone")
    if zone is None:  # the worker's first chunk
        zone = _WORKER["zone"] = RollingZone(_WORKER["nlp"])
    return zone.read(chunk, cues=_WORKER["cues"])


class RollingZone:
    """One ``nlp.memory_zone()`` held across the chunks a worker reads, renewed once it has
    read :data:`ZONE_DOCS` documents: memory stays bounded by a zone's words, and the words
    a zone has met are not made again for every chunk (in a zone per chunk, a worker made
    each new word's lexeme and tokenised it afresh for every chunk: a third of the
    tokenizer's time, 1 to 2 % of a worker's CPU on the bench corpus).
    """

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._stack: ExitStack | None = None
        self._docs = 0

    def read(self, chunk: list[TextInput], *, cues) -> list[DocumentRecord]:
        """The records of ``chunk``, read inside the current zone (a new one when the
        current one has read its documents); they hold plain strings and outlive it."""
        if self._stack is not None and self._docs >= ZONE_DOCS:
            self.close()
        if self._stack is None:
            self._stack = ExitStack()
            self._stack.enter_context(self._nlp.memory_zone())
            self._docs = 0
        self._docs += len(chunk)
        return list(extract(chunk, nlp=self._nlp, cues=cues))

    def close(self) -> None:
        """End the current zone: the strings its words added to the vocabulary go."""
        if self._stack is not None:
            self._stack.close()
            self._stack = None


def read_zoned(chunk: list[TextInput], *, nlp: Language, cues) -> list[DocumentRecord]:
    """The records of ``chunk``, read inside ``nlp.memory_zone()``: the strings its words add
    to the vocabulary are dropped afterwards, so a long build's memory does not grow with
    every new word (the records hold plain strings, never the Doc's)."""
    with nlp.memory_zone():
        return list(extract(chunk, nlp=nlp, cues=cues))


def _quiet_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool, a worker says nothing
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(items: Iterable[TextInput], size: int) -> Iterator[list[TextInput]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def shrinking_chunks(inputs: Sequence[TextInput], *, jobs: int,
                     chunk_words: int) -> Iterator[list[TextInput]]:
    """``inputs`` in chunks of about ``chunk_words`` words, then of a quarter of what is left
    per job pair, down to an eighth of ``chunk_words``: the workers finish together rather than
    one core reading a whole last chunk while the others wait.

    >>> docs = [TextInput(str(i), "word " * 100) for i in range(100)]
    >>> [len(c) for c in shrinking_chunks(docs, jobs=2, chunk_words=2000)]
    [20, 20, 15, 12, 9, 6, 5, 4, 3, 3, 3]
    """
    words = [len(item.text.split()) for item in inputs]
    left = sum(words)
    chunk: list[TextInput] = []
    n = 0
    for item, count in zip(inputs, words):
        chunk.append(item)
        n += count
        if n >= max(chunk_words // 8, min(chunk_words, left // (2 * jobs))):
            yield chunk
            left -= n
            chunk, n = [], 0
    if chunk:
        yield chunk


def extract_parallel(inputs: Sequence[TextInput], *, nlp: Language, cues, jobs: int = 1,
                     chunk_words: int = 4000) -> Iterator[DocumentRecord]:
    """Like :func:`extractors.extract`, on ``jobs`` processes; records in input order.

    Args:
        inputs: the documents.
        nlp: the loaded pipeline; workers inherit it by forking, so it loads once.
        cues: the ontology's cue table.
        jobs: worker processes; with 1, one process parses while this one reads the
            parses (when there are two usable cores), else all is read in this process.
        chunk_words: about how many words a worker reads per task, fewer toward the
            end (:func:`shrinking_chunks`).
    """
    total = sum(len(t.text.split()) for t in inputs)
    small = len(inputs) < 2 or total < 2 * chunk_words or "fork" not in mp.get_all_start_methods()
    if small or (jobs <= 1 and usable_cores() < 2):
        for chunk in _chunks(inputs, ZONE_DOCS):
            yield from read_zoned(chunk, nlp=nlp, cues=cues)
        return
    if jobs <= 1:
        # one process parses while this one reads the parses
        yield from _parse_ahead(inputs, nlp=nlp, cues=cues, lexicon=load_lexicon())
        return
    # what every worker would otherwise load for itself: the lexicon and the rule modules
    load_lexicon()
    rules()
    _WORKER.update(nlp=nlp, cues=cues)
    ctx = mp.get_context("fork")
    try:
        with ctx.Pool(processes=jobs, initializer=_quiet_worker) as pool:
            # a few chunks ahead of the reader, no more: a consumer slower than the workers
            # (a store build writing and validating) holds a bounded number of records
            chunks = shrinking_chunks(inputs, jobs=jobs, chunk_words=chunk_words)
            pending = deque(pool.apply_async(_read_chunk, (c,)) for c in islice(chunks, 2 * jobs))
            while pending:
                records = pending.popleft().get()
                pending.extend(pool.apply_async(_read_chunk, (c,)) for c in islice(chunks, 1))
                yield from records
    finally:
        _WORKER.clear()


#: parsed documents sent back at once by the parsing process
DOCS_PER_MESSAGE = 8


def _parse_ahead(inputs: Sequence[TextInput], *, nlp: Language, cues,
                 lexicon: Lexicon) -> Iterator[DocumentRecord]:
    """Records of ``inputs``: parsed on a forked process, read in this one as they come."""
    ctx = mp.get_context("fork")
    parsed = ctx.Queue()  # its feeder thread buffers: the parser never waits for the reader
    # Ctrl-C waits while the child is forked (Python drops one raised in the at-fork hooks)
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        child = ctx.Process(target=_parse_into, args=(parsed, inputs, nlp, lexicon), daemon=True)
        child.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    try:
        yield from _read_in_zones(_received(parsed, child, inputs, nlp, lexicon), nlp=nlp,
                                  cues=cues, lexicon=lexicon)
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        parsed.close()


#: components the reading process runs on a Doc the parsing one sent, rather than the
#: parsing process itself: the rule-based ones (part of or tags, lemmas, our entity fixes),
#: which read what the statistical ones wrote and which none of those reads (the NER reads
#: the words' forms only), so the Doc is the one the whole pipeline makes. They cost about
#: a fifth of the parse; the reading process has the time to spare.
READER_COMPONENTS = ("attribute_ruler", "lemmatizer", "kgb_entity_fixes")


def reader_components(nlp: Language) -> list[str]:
    """The components of ``nlp`` that the reading process runs, in pipeline order."""
    return [name for name in nlp.component_names if name in READER_COMPONENTS]


def parsed_pieces(inputs: Sequence[TextInput], nlp: Language,
                  lexicon: Lexicon) -> Iterator[tuple[int, bool, bytes]]:
    """In the parsing process: ``(start, last, doc bytes)`` of every piece, in input order,
    parsed without the :func:`reader_components`."""
    with nlp.select_pipes(disable=reader_components(nlp)):
        for chunk in _chunks(inputs, ZONE_DOCS):
            # the bytes carry the strings they need: none has to outlive the zone here
            with nlp.memory_zone():
                for doc, piece in parse(chunk, nlp=nlp, lexicon=lexicon):
                    yield piece.start, piece.last, doc.to_bytes(exclude=["tensor"])


def _read_in_zones(pieces: Iterable[tuple[Doc, Piece]], *, nlp: Language, cues,
                   lexicon: Lexicon) -> Iterator[DocumentRecord]:
    """:func:`read_parsed` of ``pieces``, every :data:`ZONE_DOCS` documents inside one
    ``nlp.memory_zone()``: the Docs are made from bytes (:func:`finish`) inside it, and the
    records, plain strings, outlive it."""
    pieces = iter(pieces)
    while True:
        read = 0
        with nlp.memory_zone():
            for record in read_parsed(_documents(pieces, ZONE_DOCS), cues=cues, lexicon=lexicon):
                read += 1
                yield record
        if not read:
            return


def _documents(pieces: Iterator[tuple[Doc, Piece]], n: int) -> Iterator[tuple[Doc, Piece]]:
    """The next pieces of ``pieces``, up to the last piece of the ``n``-th document."""
    for doc, piece in pieces:
        yield doc, piece
        if piece.last:
            n -= 1
            if not n:
                return


def finish(data: bytes, nlp: Language) -> Doc:
    """A Doc the parsing process sent (:func:`parsed_pieces`), with the reader's components run."""
    doc = Doc(nlp.vocab).from_bytes(data)
    for name in reader_components(nlp):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _parse_into(parsed, inputs: Sequence[TextInput], nlp: Language, lexicon: Lexicon) -> None:
    """In the parsing process: every piece parsed, a few at a time, in input order."""
    # Ctrl-C reaches the whole process group: the child ends quietly, the parent reports
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    batch = []
    for piece in parsed_pieces(inputs, nlp, lexicon):
        batch.append(piece)
        if len(batch) >= DOCS_PER_MESSAGE:
            parsed.put(batch)
            batch = []
    parsed.put(batch)
    parsed.put(None)


def _received(parsed, child, inputs: Sequence[TextInput], nlp: Language,
              lexicon: Lexicon) -> Iterator[tuple[Doc, Piece]]:
    """The parsed pieces the child sends, each with the document it belongs to. Should
    the child die (killed, out of memory), the rest is parsed in this process."""
    position, done = 0, 0  # the document the next piece belongs to; its pieces already here
    while True:
        try:
            batch = parsed.get(timeout=1)
        except queues.Empty:
            if child.is_alive():
                continue
            yield from islice(parse(inputs[position:], nlp=nlp, lexicon=lexicon), done, None)
            return
        if batch is None:
            return
        for start, last, data in batch:
            yield finish(data, nlp), Piece(inputs[position], start, last)
            position, done = (position + 1, 0) if last else (position, done + 1)
