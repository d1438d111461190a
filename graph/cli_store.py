"""The store's commands of the ``kgbuilder`` CLI: ``remove``, ``stats``, and ``build --store``.

Registered on the command group by :mod:`graph.cli`; spaCy-free (the build passes its
reader in).
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import click

STORE_HELP = ("The store [default: $KGB_STORE, else the configuration file's store, else "
              "~/.local/share/kgbuilder/store].")
#: Seconds a request of ``serve`` may run when neither --timeout nor the configuration says.
SERVE_TIMEOUT = 30.0


def _err(message: str) -> None:
    click.echo(f"kgbuilder: {message}", err=True)


def store_option(func):
    """The ``--store PATH`` option every store command takes."""
    return click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help=STORE_HELP)(func)


def resolve_store(store_path: Path | None) -> Path:
    """The store asked for, or the default one."""
    from graph.store import default_store
    return store_path if store_path is not None else default_store()


def build_store(texts: Sequence, path: Path, *, read: Callable[[Sequence], Iterable], quiet: bool,
                batch_docs: int):
    """Add ``texts`` to the store at ``path`` batch by batch (:mod:`graph.store_build`);
    return the validation report of the batches and the ids skipped as unchanged. Exits 2 with one line when the store is
    busy or cannot be opened, and 130 on Ctrl-C, saying what was stored (a re-run resumes)."""
    from graph.exits import Exit
    from graph.store import StoreError
    from graph.store_build import BuildInterrupted, build_into_store
    from graph.validate import Report

    try:
        done = build_into_store(texts, path, read=read, batch_docs=batch_docs)
    except StoreError as err:
        _err(str(err))
        sys.exit(2)
    except BuildInterrupted as stop:
        stored = stop.progress.stored
        _err(f"interrupted: {stored} document{'s' if stored != 1 else ''} of this build "
             f"stored in {path}; run the same command again to resume")
        sys.exit(Exit.INTERRUPTED)
    if not quiet:
        click.echo(f"{path}: {done.added} added, {done.replaced} replaced, "
                   f"{done.unchanged} unchanged; {done.documents} document"
                   f"{'s' if done.documents != 1 else ''} in the store", err=True)
    lines = done.violations.lines()
    return Report(conforms=not lines, violations=lines), list(done.skipped)


@click.command(epilog="""
\b
Examples:
  kgbuilder remove 01_taji_rockets 02_muhandis
  kgbuilder remove --store kg old-story
""")
@click.argument("doc_ids", metavar="DOC...", nargs=-1, required=True)
@store_option
def remove(doc_ids: tuple[str, ...], store_path: Path | None) -> None:
    """Take documents out of the store, by id; the entities are merged again without them."""
    from graph.incremental import stored_documents, write_into
    from graph.store import StoreError, open_writer

    path = resolve_store(store_path)
    try:
        with open_writer(path, create=False) as dbs:
            missing = sorted(set(doc_ids) - set(stored_documents(dbs.meta)))
            summary = write_into(dbs, remove=doc_ids)
    except StoreError as err:
        _err(str(err))
        sys.exit(2)
    for doc_id in missing:
        _err(f"warning: {path}: no document {doc_id!r}")
    click.echo(f"{path}: removed {len(summary.removed)}; {summary.documents} documents left",
               err=True)


_STATS = """
SELECT ?relation (COUNT(?st) AS ?statements) (SUM(IF(?f = "asserted", 1, 0)) AS ?asserted)
WHERE { ?st a <https://w3id.org/kgbuilder/ontology#Statement> ; rdf:predicate ?p ;
            <https://w3id.org/kgbuilder/ontology#factuality> ?f .
        BIND(REPLACE(STR(?p), "^.*[#/]", "") AS ?relation) }
GROUP BY ?relation ORDER BY DESC(?statements) ?relation
"""


@click.command(epilog="""
\b
Examples:
  kgbuilder stats
  KGB_STORE=kg kgbuilder stats
""")
@store_option
def stats(store_path: Path | None) -> None:
    """Show the documents, entities, facts per relation and size of the store."""
    import pyoxigraph as ox

    from graph.store import StoreError, disk_size, document_graphs, open_reader

    path = resolve_store(store_path)
    try:
        store = open_reader(path)
    except StoreError as err:
        _err(str(err))
        sys.exit(2)
    kgb = "https://w3id.org/kgbuilder/ontology#"
    entities = sum(1 for _ in store.quads_for_pattern(None, ox.NamedNode(kgb + "mentionCount"),
                                                      None, ox.DefaultGraph()))
    triples = len(store)
    click.echo(f"store      {path}")
    click.echo(f"documents  {len(document_graphs(store))}")
    click.echo(f"entities   {entities}")
    click.echo(f"quads      {triples}")
    click.echo(f"size       {disk_size(path) / 1e6:.1f} MB on disk")
    rows = store.query(_STATS, use_default_graph_as_union=True,
                       prefixes={"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"})
    click.echo("\nrelation                    statements  asserted")
    for row in rows:
        click.echo(f"{row['relation'].value:<28}{int(row['statements'].value):>10}"
                   f"{int(row['asserted'].value):>10}")


@click.command(epilog="""
\b
Examples:
  kgbuilder serve                         # http://127.0.0.1:7878/sparql
  kgbuilder serve --store kg --port 8000 --timeout 10
  kgbuilder serve --memory                # answers from a copy in memory, once loaded
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s kgb:attacked ?o }' \\
       http://127.0.0.1:7878/sparql

The endpoint is read-only (updates get 403), runs no SERVICE, stops each query at its
timeout, and serves the HTML view at / and each document's graph at
/rdf-graphs?graph=IRI (the Graph Store Protocol's read side).
""")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help=f"Seconds a query may run [default: [serve] timeout of the configuration "
                   f"file, else {SERVE_TIMEOUT:g}].")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Rows of one answer at most.")
@click.option("--memory", is_flag=True,
              help="Answer from a copy of the store in memory (several times faster; up to "
                   "about 2 KB of memory per quad with the four workers), loaded in the "
                   "background and again after each build; from disk until it is loaded.")
@click.option("-v", "--verbose", is_flag=True, help="Log each request on stderr.")
def serve(store_path: Path | None, host: str, port: int, timeout: float | None, max_rows: int,
          memory: bool, verbose: bool) -> None:
    """Serve the store as a SPARQL 1.1 endpoint at /sparql, until Ctrl-C."""
    from graph.config import load_config
    from graph.serve import Endpoint, ServeOptions
    from graph.store import StoreError, open_reader

    path = resolve_store(store_path)
    if timeout is None:
        timeout = load_config().serve_timeout or SERVE_TIMEOUT
    try:
        open_reader(path)
        server = Endpoint(path, host=host, port=port, verbose=verbose,
                          options=ServeOptions(timeout=timeout, max_rows=max_rows,
                                               memory=memory))
    except StoreError as err:
        _err(str(err))
        sys.exit(2)
    except OSError as err:
        _err(f"{host}:{port}: cannot listen ({err.strerror})")
        sys.exit(2)
    click.echo(f"serving {path} at http://{host}:{server.server_address[1]}/sparql "
               "(Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command(epilog="""
\b
Examples:
  oxigraph serve --location server-db --bind 127.0.0.1:7879 &
  kgbuilder push --endpoint http://127.0.0.1:7879/store
  kgbuilder push --store kg --endpoint http://localhost:3030/news/data --auth admin:secret

ENDPOINT is a Graph Store HTTP Protocol URL: /store for Oxigraph server, /DATASET/data
for Fuseki. The shared default graph and each document's graph are PUT (replacing
them), then the graphs of documents removed since the last push to ENDPOINT are
DELETEd (the store remembers what it pushed where, in STORE/pushed.json).
""")
@store_option
@click.option("--endpoint", required=True, metavar="URL", help="The Graph Store Protocol URL.")
@click.option("--auth", metavar="USER:PASSWORD", envvar="KGB_PUSH_AUTH",
              help="HTTP Basic credentials [env: KGB_PUSH_AUTH].")
@click.option("--token", metavar="TOKEN", envvar="KGB_PUSH_TOKEN",
              help="A bearer token [env: KGB_PUSH_TOKEN].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def push(store_path: Path | None, endpoint: str, auth: str | None, token: str | None,
         quiet: bool) -> None:
    """Load the store into a SPARQL server, one named graph per document (re-push replaces)."""
    from graph.progress import progress_bar
    from graph.push import PushError, PushTarget, push_count, push_store
    from graph.store import StoreError

    path = resolve_store(store_path)
    if not endpoint.startswith(("http://", "https://")):
        _err(f"{endpoint}: not an http(s) URL")
        sys.exit(2)
    try:
        with progress_bar(total=push_count(path, endpoint), quiet=quiet) as advance:
            pushed = push_store(path, PushTarget(endpoint, auth=auth, token=token),
                                progress=advance)
    except StoreError as err:
        _err(str(err))
        sys.exit(2)
    except PushError as err:
        _err(str(err))
        sys.exit(1)
    if not quiet:
        click.echo(f"pushed {pushed.sent} graphs of {path} to {endpoint}"
                   + (f", deleted {pushed.deleted} of removed documents" if pushed.deleted else ""),
                   err=True)
