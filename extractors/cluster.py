"""Reading documents on a Dask cluster: the records of a local build, in input order.

The client sends the documents in partitions of a few MB of text, with the name of the
spaCy pipeline (never the loaded one). Each worker process loads the pipeline once, on
its first partition, and keeps it (a per-process cache); the records it returns are
frozen dataclasses of plain values, pickled on the way back. Partitions are submitted a
few at a time ahead of the one the caller waits for, so memory stays bounded, and their
records are yielded in input order as they complete.
"""
from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import CancelledError
from itertools import islice

from distributed import Client, KilledWorker, as_completed
from distributed.comm import resolve_address

from extractors.records import DocumentRecord, TextInput

#: characters of text per partition, at most: a few MB travel in one message
PARTITION_CHARS = 2_000_000
#: seconds to wait for the scheduler, and then for a first worker
CONNECT_TIMEOUT = 10.0

# threads of one worker process share its one pipeline: they read one partition at a time
_WORKER_LOCK = threading.Lock()


class ClusterError(RuntimeError):
    """The cluster cannot be reached or has failed; the message names its address."""


def connect(address: str, *, timeout: float = CONNECT_TIMEOUT) -> Client:
    """A client of the Dask scheduler at ``address`` that has at least one worker.

    Raises:
        ClusterError: the address is malformed, nothing answers there within ``timeout``
            seconds, or the scheduler has no worker.
    """
    try:  # before a Client exists: a half-made one takes 20 s to give up
        resolve_address(address)
    except ValueError as err:
        raise ClusterError(f"{address!r} is not a Dask scheduler address: {err} "
                           f"(expected tcp://HOST:PORT)") from None
    except OSError as err:  # the host name is not known
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: "
                           f"{err.strerror or err}") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except OSError:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: no answer within "
                           f"{timeout:g} s (start one with `dask scheduler`)") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError):
        client.close()
        raise ClusterError(f"the Dask scheduler at {address} has no worker (start one with "
                           f"`dask worker {address}`)") from None
    return client


def read_partition(texts: list[TextInput], model: str) -> list[DocumentRecord]:
    """On a worker: the records of one partition, read with the worker's one pipeline."""
    from extractors.pipeline import extract
    from extractors.text.model import load_nlp
    from ontology import load_cues

    with _WORKER_LOCK:
        return list(extract(texts, nlp=load_nlp(model), cues=load_cues()))


def partitions(inputs: Iterable[TextInput], *, max_chars: int) -> Iterator[list[TextInput]]:
    """Consecutive documents in groups of about ``max_chars`` characters (one at least).

    >>> docs = [TextInput(f"d{i}", "x" * 40) for i in range(5)]
    >>> [[t.doc_id for t in part] for part in partitions(docs, max_chars=100)]
    [['d0', 'd1', 'd2'], ['d3', 'd4']]
    """
    part: list[TextInput] = []
    size = 0
    for item in inputs:
        part.append(item)
        size += len(item.text)
        if size >= max_chars:
            yield part
            part, size = [], 0
    if part:
        yield part


def extract_on_cluster(inputs: Sequence[TextInput], *, client: Client, model: str,
                       in_flight: int | None = None,
                       partition_chars: int = PARTITION_CHARS) -> Iterator[DocumentRecord]:
    """Like :func:`extractors.extract`, on the workers of ``client``; records in input order.

    Args:
        inputs: the documents.
        client: a connected client (:func:`connect`).
        model: the name of the spaCy pipeline, installed on every worker.
        in_flight: partitions submitted ahead of the one awaited [twice the cluster's threads].
        partition_chars: characters per partition at most; smaller when the corpus is
            small, so that every worker thread gets two partitions.

    Raises:
        ClusterError: a worker died on a partition again and again, or the cluster went away.
        ModelNotFoundError: the model is not installed on a worker.
    """
    threads = max(1, sum(client.nthreads().values()))
    in_flight = in_flight or 2 * threads
    total = sum(len(t.text) for t in inputs)
    size = max(1, min(partition_chars, -(-total // (2 * threads))))
    parts = partitions(inputs, max_chars=size)
    batch = uuid.uuid4().hex
    pending = as_completed(loop=client.loop)
    index_of: dict[str, int] = {}
    running: dict[str, object] = {}
    ready: dict[int, list[DocumentRecord]] = {}
    submitted = wanted = 0

    def top_up() -> None:
        nonlocal submitted
        for part in islice(parts, max(0, in_flight - (submitted - wanted))):
            future = client.submit(read_partition, part, model, pure=False,
                                   key=f"kgb-read-{batch}-{submitted}")
            index_of[future.key] = submitted
            running[future.key] = future
            pending.add(future)
            submitted += 1

    top_up()
    try:
        for future in pending:
            ready[index_of.pop(future.key)] = _result(future, client)
            del running[future.key]
            future.release()
            while wanted in ready:
                yield from ready.pop(wanted)
                wanted += 1
            top_up()
    finally:  # stopped early (an error, Ctrl-C): the cluster need not read the rest
        if running:
            client.cancel(list(running.values()))


def _result(future, client: Client) -> list[DocumentRecord]:
    """A partition's records; a dead worker or scheduler as a :class:`ClusterError`."""
    address = client.scheduler.address
    try:
        return future.result()
    except KilledWorker:
        raise ClusterError(f"the Dask cluster at {address}: workers died reading one partition "
                           f"(out of memory?)") from None
    except (CancelledError, OSError) as err:
        raise ClusterError(f"the Dask cluster at {address} went away ({type(err).__name__})") from None
