"""The interactive HTML network view, through pyvis, fully offline.

pyvis inlines vis-network from the installed package with ``cdn_resources="in_line"``;
its template still links Bootstrap from a CDN, which the view does not use, so those
tags are removed. The file loads nothing from the network.
"""
from __future__ import annotations

import re
from pathlib import Path

from pyvis.network import Network

from exports.files import write_text
from exports.view import CLASS_COLOURS, View

_REMOTE_TAG = re.compile(
    r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']https?://[^>]*>(?:\s*</script>)?",
    re.IGNORECASE | re.DOTALL)


def _legend(view: View) -> str:
    classes = sorted({n.cls for n in view.nodes})
    items = "".join(
        f'<span style="margin-right:1em"><span style="display:inline-block;width:0.9em;'
        f'height:0.9em;border-radius:50%;background:{CLASS_COLOURS[c]}"></span> {c}</span>'
        for c in classes)
    return f'<div id="kgb-legend" style="font-family:sans-serif;padding:4px">{items}</div>'


def render_html(view: View, *, title: str = "kgbuilder graph") -> str:
    """Render a :class:`~exports.view.View` as a self-contained HTML page."""
    net = Network(height="820px", width="100%", directed=True, cdn_resources="in_line",
                  heading="")
    for node in view.nodes:
        net.add_node(node.iri, label=node.label, title=f"{node.label} ({node.cls})",
                     color=CLASS_COLOURS.get(node.cls, "#BBBBBB"))
    for edge in view.edges:
        hover = "\n\n".join(edge.evidence) or edge.relation
        net.add_edge(edge.source, edge.target, label=edge.relation, title=hover,
                     dashes=edge.open, color="#bbbbbb" if edge.open else "#555555",
                     arrows="to")
    net.set_options('{"edges": {"font": {"size": 11, "align": "middle"}, "smooth": {"type": "dynamic"}},'
                    ' "physics": {"stabilization": {"iterations": 200}}, '
                    '"interaction": {"hover": true, "tooltipDelay": 100}}')
    html = net.generate_html()
    html = _REMOTE_TAG.sub("", html)
    html = html.replace("<head>", f"<head>\n<title>{_escape(title)}</title>", 1)
    html = html.replace('<div class="card"', _legend(view) + '\n<div class="card"', 1)
    return html


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_html(view: View, path: Path | str, *, title: str = "kgbuilder graph") -> Path:
    """Write the HTML view to ``path`` and return the path."""
    return write_text(path, render_html(view, title=title))
