"""graph/frontmatter.py: a Markdown file's front matter and heading as its metadata."""
from __future__ import annotations

import pytest

from graph.frontmatter import Markdown, read_markdown

BODY = "The harbour board approved the route on Tuesday."


@pytest.mark.parametrize("text,expected", [
    # Jekyll / Hugo front matter: read and taken out of the text
    (f"---\ntitle: Ferry route approved\ndate: 2024-05-14\nurl: https://ledger.example.org/f\n---\n{BODY}",
     Markdown(BODY, "Ferry route approved", "2024-05-14", "https://ledger.example.org/f")),
    # quoted values, other keys, lists and nested keys passed over, link as the URL
    (f"---\ntitle: 'Route: approved'\ntags:\n  - ferry\nauthor:\n  name: Staff\n"
     f"link: \"https://x.example/r\"\n---\n{BODY}",
     Markdown(BODY, "Route: approved", None, "https://x.example/r")),
    # a heading is the title and stays the headline
    (f"# Ferry route approved\n\n{BODY}", Markdown(f"# Ferry route approved\n\n{BODY}",
                                                   "Ferry route approved")),
    # front matter without a title: the heading after it
    (f"---\ndate: 2024-05-14\n---\n# Ferry route approved\n\n{BODY}",
     Markdown(f"# Ferry route approved\n\n{BODY}", "Ferry route approved", "2024-05-14")),
    # a horizontal rule pair around prose is not front matter
    (f"---\n{BODY}\n---\nMore.", Markdown(f"---\n{BODY}\n---\nMore.")),
    # plain text: nothing
    (BODY, Markdown(BODY)),
])
def test_frontmatter_metadata_of_a_markdown_text(text, expected):
    assert read_markdown(text) == expected
