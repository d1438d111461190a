"""The ``kgbuilder view`` command: the interactive HTML page of a graph file or a store.

Registered on the command group by :mod:`graph.cli`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.problems import printable


def _err(message: str) -> None:
    """One line on stderr; control characters from file names are escaped, never printed raw."""
    click.echo(f"kgbuilder: {printable(message)}", err=True)


VIEW_EXAMPLES = """
\b
Examples:
  kgbuilder view out/graph.ttl -o page.html --open
  kgbuilder view out/graph.trig -o big.html --max-nodes 5000
  kgbuilder view out/graph.ttl -o hamas.html --focus Hamas --depth 2
  kgbuilder view --store ~/news-kg -o news.html     # a store (the default one without GRAPH)

The page is one self-contained file: search, filters, a date slider, the evidence of
every fact. It loads nothing from the network. Above --max-nodes entities it keeps the
most connected ones and says how many it left out (0 draws them all).
"""


@click.command("view", epilog=VIEW_EXAMPLES)
@click.argument("graph_file", metavar="[GRAPH]", required=False,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Draw this store [the default store when no GRAPH is given].")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML page to write.")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@click.option("--max-nodes", type=click.IntRange(min=0), default=None, metavar="N",
              help="Draw at most N entities, the most connected [default: 3000; 0: all].")
@click.option("--focus", "focus_on", metavar="NAME", help="Draw only the neighbourhood of NAME.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="With --focus: how many facts away from NAME to go.")
@click.option("--title", default=None, help="The page's title [default: the file name].")
def view_command(graph_file: Path | None, store_path: Path | None, out: Path, open_page: bool,
                 max_nodes: int | None, focus_on: str | None, depth: int,
                 title: str | None) -> None:
    """Write an interactive HTML page of GRAPH, a file written by build, or of a store."""
    from exports.html import DEFAULT_MAX_NODES, write_view
    from exports.selection import UnknownEntityError
    from graph.load import GraphFileError, read_graph, read_store
    from graph.store import StoreError, default_store

    if graph_file is not None and out.exists() and out.resolve() == graph_file.resolve():
        _err(f"{out}: is the input graph; choose another -o file")
        sys.exit(2)
    if out.is_dir():
        _err(f"{out}: is a directory; give the page's file name")
        sys.exit(2)
    source = graph_file or Path(store_path or default_store())
    try:
        g = read_graph(graph_file) if graph_file else read_store(source)
    except (GraphFileError, StoreError) as err:
        _err(str(err))
        sys.exit(2)
    try:
        page = write_view(g, out, title=title or source.name, focus_on=focus_on, depth=depth,
                          max_nodes=DEFAULT_MAX_NODES if max_nodes is None else max_nodes)
    except UnknownEntityError as err:
        _err(f"{source}: {err}")
        sys.exit(1)
    except OSError as err:
        _err(f"{out}: cannot write ({err.strerror})")
        sys.exit(2)
    click.echo(str(page))
    if open_page:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())
