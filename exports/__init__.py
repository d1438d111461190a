"""Exports: read a graph, write files. Never imports the extractors or the graph package."""
from exports.formats import Format, UnknownFormatError, format_text, parse_formats, write_format
from exports.gexf import to_gexf, write_gexf
from exports.graphml import to_graphml, to_networkx, write_graphml
from exports.html import render_html, select_view, to_html, write_html, write_view
from exports.jsonld import published_context, to_jsonld, write_jsonld
from exports.ntriples import to_ntriples, write_ntriples
from exports.quads import to_dataset, to_nquads, to_trig, write_nquads, write_trig
from exports.turtle import to_turtle, write_turtle
from exports.view import graph_view

__all__ = ["Format", "UnknownFormatError", "parse_formats", "format_text", "write_format",
           "render_html", "to_html", "write_html", "select_view", "write_view", "to_turtle", "write_turtle", "graph_view",
           "to_ntriples", "write_ntriples", "to_dataset", "to_trig", "write_trig",
           "to_nquads", "write_nquads", "published_context", "to_jsonld", "write_jsonld",
           "to_networkx", "to_graphml", "write_graphml", "to_gexf", "write_gexf"]
