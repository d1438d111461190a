"""graph/webpages.py: the article of an HTML page, without its furniture, and its metadata."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from graph.problems import InputProblem
from graph.webpages import read_page
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "data" / "pages"

FURNITURE = ["Home", "Sport", "cookies", "Accept all", "Most read", "Storm closes coast road",
             "Subscribe", "All rights reserved", "Privacy", "Front page", "Share this article",
             "Advertise", "By a staff reporter"]


@pytest.mark.parametrize("name,title,date,url,first,last", [
    ("ferry_route.html", "Harbour board approves new ferry route", "2024-05-14",
     "https://ledger.example.org/news/ferry-route",
     "Harbour board approves new ferry route",
     "The Varnholm Island Council welcomed the decision. Its leader, Tomas Brandt, said the "
     "route would bring visitors back to the island's small harbour."),
    ("militia_statement.htm", "Militia says it will leave the river towns", "2023-11-02",
     "https://courier.example.net/2023/11/02/militia-statement",
     "Militia says it will leave the river towns",
     "Residents of Kessel said they would wait to see the fighters go before they believed it."),
])
def test_webpages_article_text_and_metadata_without_the_furniture(name, title, date, url, first, last):
    doc = read_page((PAGES / name).read_text(), name, "page")
    paragraphs = doc.text.split("\n\n")
    assert (doc.doc_id, doc.title, doc.date, doc.url) == ("page", title, date, url)
    assert (paragraphs[0], paragraphs[-1], len(paragraphs)) == (first, last, 4)
    assert [word for word in FURNITURE if word in doc.text] == []


def test_webpages_page_without_an_article_is_a_problem_naming_it():
    problem = read_page((PAGES / "sign_in.html").read_text(), "sign_in.html", "sign_in")
    assert isinstance(problem, InputProblem) and problem.fatal
    assert str(problem).startswith("sign_in.html: an HTML page with no article text")


@pytest.mark.parametrize("head,body,fallback,expected", [
    ("", "<p>BEIRUT, 2 March 2020 - Rockets hit the port.</p>", "2021-01-01", "2020-03-02"),
    ("", "<p>Rockets hit the port on Friday.</p>", "2021-01-01", "2021-01-01"),
    ('<meta property="article:published_time" content="2019-07-08T10:00:00+02:00">',
     "<p>BEIRUT, 2 March 2020 - Rockets hit the port.</p>", "2021-01-01", "2019-07-08"),
])
def test_webpages_date_is_the_page_s_then_the_dateline_then_the_fallback(head, body, fallback,
                                                                         expected):
    html = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    assert read_page(html, "p.html", "p", fallback).date == expected


def test_webpages_read_a_page_without_any_network():
    """trafilatura fetches nothing at import or extraction: the page is read inside a
    network namespace that has no interface at all (unshare -n)."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        pytest.skip("unshare -n is not available")
    script = ("import sys; from graph.webpages import read_page; "
              "print(read_page(open(sys.argv[1]).read(), 'p', 'p').title)")
    done = subprocess.run(["unshare", "-n", sys.executable, "-c", script, str(PAGES / "ferry_route.html")],
                          cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "Harbour board approves new ferry route\n"), done.stderr
