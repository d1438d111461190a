"""``kgbuilder query``: SPARQL over a store or a graph file, offline, bounded and streamed.

Registered on the command group by :mod:`graph.cli`; spaCy-free.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from graph.query_worker import DEFAULT_TIMEOUT
from graph.results import ResultFormat

QUERY_EXAMPLES = f"""
\b
Examples:
  kgbuilder query 'SELECT ?s ?o WHERE {{ ?s kgb:attacked ?o }}'      # the default store
  kgbuilder query -f examples/queries/attacks.rq --format csv
  kgbuilder query --store kg -f q.rq --limit 20
  kgbuilder query out/graph.ttl 'SELECT * WHERE {{ ?s a kgb:ArmedGroup }}'
  kgbuilder query --update 'DELETE WHERE {{ ?s kgb:rule "verb-active" }}'

SOURCE is a store directory or a graph file (.ttl, .nt, .nq, .trig, .jsonld); without
it the store of --store, $KGB_STORE or ~/.local/share/kgbuilder/store is queried.
The default graph is the union of all graphs; GRAPH kgd:ID reads one document's graph.

The prefixes kgb:, kgr:, open:, rdf:, rdfs:, skos:, prov:, dcterms:, schema:, xsd:,
nif:, itsrdf:, time:, and kgp: kgo: kgl: kgd: kgs: (people, organisations, places,
documents and statements) are predeclared.

Queries run offline: SERVICE, LOAD and FROM of a graph that is not kgbuilder's are
refused unless --allow-remote is given. Updates are refused unless --update is given.
A query is stopped after --timeout seconds [default: the [query] timeout of the
configuration file, else {DEFAULT_TIMEOUT:g}] or at Ctrl-C.
Exit status: 0 answered, 2 a mistake in the command or the query, 3 timed out, 130 Ctrl-C.
"""


def _err(message: str) -> None:
    click.echo(f"kgbuilder: {message}", err=True)


def _source_and_text(args: tuple[str, ...], query_file: Path | None, store_path: Path | None):
    """Where to query and what, from ``[SOURCE] [QUERY]``, ``-f`` and ``--store``."""
    from graph.store import default_store

    args = list(args)
    source = None
    if len(args) == 2 or (len(args) == 1 and (query_file is not None or os.path.exists(args[0]))):
        source = Path(args.pop(0))
    if source is not None and store_path is not None:
        raise click.UsageError("give a SOURCE or --store, not both")
    if len(args) > 1 or (args and query_file is not None) or (not args and query_file is None):
        raise click.UsageError("give one query: as an argument or with -f FILE")
    if query_file is not None:
        try:
            text = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise click.UsageError(f"{query_file}: cannot read ({getattr(err, 'strerror', err)})")
    else:
        text = args[0]
    return source or store_path or default_store(), text, (f"{query_file}: " if query_file else "")


@click.command(epilog=QUERY_EXAMPLES)
@click.argument("args", metavar="[SOURCE] [QUERY]", nargs=-1)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the query from a file.")
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Query this store.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in ResultFormat]),
              default="table", show_default=True,
              help="table, or a W3C results format (csv, tsv, json, xml); CONSTRUCT and "
                   "DESCRIBE answers are Turtle unless ntriples is asked.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N rows.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help=f"Stop the query after SECONDS [default: [query] timeout of the "
                   f"configuration file, else {DEFAULT_TIMEOUT:g}].")
@click.option("--allow-remote", is_flag=True, help="Let SERVICE, LOAD and FROM reach other machines.")
@click.option("--update", "allow_update", is_flag=True, help="Allow a SPARQL update of the store.")
def query(args: tuple[str, ...], query_file: Path | None, store_path: Path | None, fmt: str,
          limit: int | None, timeout: float | None, allow_remote: bool, allow_update: bool) -> None:
    """Run a SPARQL query over a store or a graph file and print its answer as it comes."""
    from graph.config import load_config
    from graph.query import QueryError, prefix_map
    from graph.query_worker import QueryJob, QueryTimeout, run_to_writer
    from graph.sparql_guard import QueryRefused, check_sparql

    source, text, name = _source_and_text(args, query_file, store_path)
    try:
        update = check_sparql(text, prefixes=prefix_map(), allow_remote=allow_remote,
                              allow_update=allow_update)
    except QueryRefused as err:
        _err(f"{name}{err}")
        sys.exit(2)
    if update:
        _run_update(source, text, name)
        return
    if timeout is None:
        timeout = load_config().query_timeout or DEFAULT_TIMEOUT
    out = sys.stdout.buffer

    def write(chunk: bytes) -> None:
        out.write(chunk)
        out.flush()  # rows appear as they come
    try:
        run_to_writer(QueryJob(source, text, ResultFormat(fmt), limit), write, timeout=timeout)
    except QueryError as err:
        _err(f"{name}{err}" if str(err).startswith("invalid SPARQL") else str(err))
        sys.exit(2)
    except QueryTimeout as err:
        _err(f"{name}{err}")
        sys.exit(3)
    except KeyboardInterrupt:
        _err(f"{name}stopped (Ctrl-C)")
        sys.exit(130)


def _run_update(source: Path, text: str, name: str) -> None:
    """Apply an update to a store, published as one write."""
    from graph.query import prefix_map
    from graph.sparql_guard import syntax_message
    from graph.store import StoreError, is_store, open_writer

    if not is_store(source):
        _err(f"{source}: updates change a store; a graph file is only read")
        sys.exit(2)
    try:
        with open_writer(source, create=False) as dbs:
            dbs.data.update(text, prefixes=prefix_map())
    except SyntaxError as err:
        _err(f"{name}{syntax_message(err)}")
        sys.exit(2)
    except (StoreError, OSError) as err:
        _err(str(err))
        sys.exit(2)
    click.echo(f"{source}: updated", err=True)
