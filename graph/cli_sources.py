"""Where the build's records come from: worker processes on this machine or a Dask
cluster, read with a progress bar, in input order. Part of the composition root: with
``graph/cli.py``, the one module of ``graph`` that wires the extractors in."""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from functools import partial

import click

from graph.cli_store import _err
from graph.exits import Exit


def local_source(model: str | None, jobs: int):
    """Records read on this machine, by ``jobs`` processes; exits 2 when the model is missing."""
    from extractors import DEFAULT_MODEL, ModelNotFoundError, load_nlp
    from extractors.parallel import extract_parallel
    from ontology import load_cues

    try:
        nlp = load_nlp(model or DEFAULT_MODEL)
    except ModelNotFoundError as err:
        _err(str(err))
        sys.exit(Exit.USAGE)
    return partial(extract_parallel, nlp=nlp, cues=load_cues(), jobs=jobs)


def cluster_source(address: str, model: str | None, jobs: int | None):
    """Records read on the Dask cluster at ``address``; exits 2 when it cannot be used."""
    from extractors import DEFAULT_MODEL, ModelNotFoundError
    from extractors.cluster import ClusterError, connect, extract_on_cluster

    try:
        client = connect(address)
    except ClusterError as err:
        _err(str(err))
        sys.exit(Exit.USAGE)
    click.get_current_context().call_on_close(client.close)

    def read(texts: Sequence):
        try:
            yield from extract_on_cluster(texts, client=client, model=model or DEFAULT_MODEL,
                                          in_flight=jobs)
        except ClusterError as err:
            _err(str(err))
            sys.exit(Exit.USAGE)
        except ModelNotFoundError as err:
            _err(f"a worker of the Dask cluster at {address}: {err}")
            sys.exit(Exit.USAGE)
    return read


def read_texts(texts: Sequence, *, source, quiet: bool) -> Iterator:
    """The records ``source`` reads from ``texts``, with a progress bar, in input order, as
    they come (a store build writes them batch by batch)."""
    from graph.progress import progress_bar
    from graph.summary import count_words

    if texts:
        with progress_bar(total=len(texts), quiet=quiet) as advance:
            for rec in source(texts):
                yield rec
                advance(1, words=count_words(rec.text))
