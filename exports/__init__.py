"""Exports: read a graph, write files. Never imports the extractors."""
from exports.html import render_html, write_html
from exports.turtle import to_turtle, write_turtle
from exports.view import graph_view

__all__ = ["render_html", "write_html", "to_turtle", "write_turtle", "graph_view"]
