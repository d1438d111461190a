"""The interactive HTML view: one self-contained page, safe by construction, offline.

The page is our own template (``exports/page/``): vis-network (the copy the pyvis package
ships) and our script are inlined, the data is one JSON block that the script reads and
writes into the page as text only. A Content-Security-Policy forbids every network
request and runs only the two inline scripts whose hashes it lists, so even markup that
slipped into the page could not run. Positions come from :mod:`exports.layout`: the page
opens drawn, with physics off.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

from rdflib import Graph

from exports.files import write_text
from exports.layout import layout
from exports.page_data import page_data
from exports.selection import focus, limit_nodes
from exports.view import View, graph_view

#: Entities drawn at most, the most connected first (``kgbuilder view --max-nodes``).
DEFAULT_MAX_NODES = 3000
#: vis-network as pyvis 0.3.2 ships it.
VIS_NETWORK = ("pyvis", "lib/vis-9.1.2/vis-network.min.js")


@lru_cache(maxsize=None)
def _asset(package: str, name: str) -> str:
    # found, not imported: importing pyvis (networkx, jinja2 ...) costs a second or two
    spec = find_spec(package)
    folder = spec.submodule_search_locations if spec is not None else None
    if not folder:
        return files(package).joinpath(name).read_text(encoding="utf-8")
    return Path(folder[0], name).read_text(encoding="utf-8")


def _json_in_script(data: dict) -> str:
    """JSON that cannot end its ``<script>`` element: ``<``, ``>`` and ``&`` are escaped.

    >>> _json_in_script({"a": "</script><b>"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(view: View, *, title: str = "kgbuilder graph",
                positions: dict[str, tuple[float, float]] | None = None) -> str:
    """Render a :class:`~exports.view.View` as a self-contained HTML page.

    Args:
        view: what to draw.
        title: the graph's name, in the title bar.
        positions: IRI -> (x, y); computed by :func:`exports.layout.layout` when not given.
    """
    if positions is None:
        positions = layout([n.iri for n in view.nodes], [(e.source, e.target) for e in view.edges])
    vis = _asset(*VIS_NETWORK)
    script = _asset("exports", "page/symbols.js") + "\n" + _asset("exports", "page/view.js")
    csp = ("default-src 'none'; script-src " + _sha256(vis) + " " + _sha256(script)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    # one pass over the template, so no piece can plant a marker for a later one
    parts = {"__CSP__": csp, "__TITLE__": _escape(title), "__STYLE__": _asset("exports", "page/view.css"),
             "__DATA__": _json_in_script(page_data(view, positions, title=title)),
             "__VIS__": vis, "__SCRIPT__": script}
    template = _asset("exports", "page/view.html")
    out, rest = [], template
    for marker in ("__CSP__", "__TITLE__", "__STYLE__", "__DATA__", "__VIS__", "__SCRIPT__"):
        before, rest = rest.split(marker, 1)
        out += [before, parts[marker]]
    return "".join(out) + rest


def write_html(view: View, path: Path | str, *, title: str = "kgbuilder graph") -> Path:
    """Write the HTML view to ``path`` and return the path."""
    return write_text(path, render_html(view, title=title))


def select_view(g: Graph, *, max_nodes: int = DEFAULT_MAX_NODES, focus_on: str | None = None,
                depth: int = 1) -> View:
    """The part of ``g`` to draw: the neighbourhood of ``focus_on`` if given, then the
    ``max_nodes`` most connected entities (0: all).

    Raises:
        exports.selection.UnknownEntityError: no entity is named ``focus_on``.
    """
    view = graph_view(g)
    if focus_on is not None:
        view = focus(view, focus_on, depth=depth)
    return limit_nodes(view, max_nodes)


def write_view(g: Graph, path: Path | str, *, title: str = "kgbuilder graph",
               max_nodes: int = DEFAULT_MAX_NODES, focus_on: str | None = None,
               depth: int = 1) -> Path:
    """Write the HTML view of ``g`` to ``path`` (see :func:`select_view`); return the path.

    The page is written atomically (:func:`exports.files.write_text`), so an existing
    page stays whole when anything fails.
    """
    return write_text(path, to_html(g, title=title, max_nodes=max_nodes, focus_on=focus_on,
                                    depth=depth))


def to_html(g: Graph, *, title: str = "kgbuilder graph", max_nodes: int = DEFAULT_MAX_NODES,
            focus_on: str | None = None, depth: int = 1) -> str:
    """The HTML view of ``g`` as a page (see :func:`select_view`)."""
    return render_html(select_view(g, max_nodes=max_nodes, focus_on=focus_on, depth=depth),
                       title=title)
