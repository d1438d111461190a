"""The kgbuilder build command and its inputs, end to end with the real model: nothing
lost, nothing mixed up, each problem one safe line and an exit status that says so."""
from __future__ import annotations

import gzip
import json
import random
import re
import shutil
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, XSD

from graph.cli import main
from graph.exits import Exit
from graph.iris import document_iri
from ontology import KGB, NIF, SCHEMA
from tests.conftest import ROOT

ARTICLE = "Hezbollah fired rockets at Haifa on Monday. Israel struck Beirut in response.\n"


def _build(*args, input=None):
    return CliRunner().invoke(main, ["build", *args, "--quiet"], input=input)


def _documents(path: Path) -> dict[str, URIRef]:
    g = Graph().parse(path)
    return {str(g.value(doc, DCTERMS.identifier)): doc for doc in g.subjects(DCTERMS.identifier, None)}


@pytest.mark.slow
def test_cli_build_long_document_beside_a_small_one(tmp_path):
    """Regression: a text over spaCy's max_length (1,000,000 characters) ended in a worker
    traceback, no output and every other document lost."""
    # a real sentence every ~100,000 characters, between paragraphs of long filler words
    # (unique, so that none is taken for repeated page furniture; long, so the parse is quick)
    rng = random.Random(7)
    parts, size, k = [], 0, 0
    while size < 2_000_000:
        if size >= 100_000 * k:
            k += 1
            parts.append(f"Hezbollah fired {k} rockets at Haifa on Monday, the army said.\n\n")
        else:
            parts.append(" ".join("".join(rng.choices(string.ascii_lowercase, k=60))
                                  for _ in range(80)) + ".\n\n")
        size += len(parts[-1])
    long_text = "".join(parts)
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "small.txt").write_text(ARTICLE, encoding="utf-8")
    result = _build(str(tmp_path / "long.txt"), str(tmp_path / "small.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    docs = {str(g.value(d, DCTERMS.identifier)) for d in g.subjects(DCTERMS.identifier, None)}
    assert docs == {"long", "small"}
    long_doc = document_iri("long")
    evidence = [(int(g.value(span, NIF.beginIndex)), int(g.value(span, NIF.endIndex)),
                 str(g.value(st, KGB.sentence)))
                for st in g.subjects(PROV.wasDerivedFrom, long_doc)
                for span in g.objects(st, KGB.evidence)]
    assert len(evidence) >= 20 and max(begin for begin, _, _ in evidence) > 1_900_000
    for begin, end, sentence in evidence:   # the offsets point at the sentence, in the whole text
        assert " ".join(long_text[begin:end].split()) == " ".join(sentence.split())


def test_cli_build_reads_jsonl_on_standard_input(tmp_path):
    lines = [{"id": "a", "text": ARTICLE, "date": "2020-01-06"},
             {"id": "b", "text": "Iran backed Hamas in Gaza."}]
    result = _build("-", "-o", str(tmp_path), input="".join(json.dumps(l) + "\n" for l in lines))
    assert result.exit_code == 0, result.stderr
    assert set(_documents(tmp_path / "graph.ttl")) == {"a", "b"}


def test_cli_build_date_option_dates_text_documents_without_a_dateline(tmp_path):
    (tmp_path / "plain.txt").write_text(ARTICLE)
    (tmp_path / "dated.txt").write_text("BEIRUT, March 2, 2020 (Reuters) - " + ARTICLE)
    result = _build(str(tmp_path / "plain.txt"), str(tmp_path / "dated.txt"), "--date", "2020-01-03",
                    "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    dates = {str(g.value(doc, DCTERMS.identifier)): str(g.value(doc, DCTERMS.date))
             for doc in g.subjects(DCTERMS.identifier, None)}
    assert dates == {"plain": "2020-01-03", "dated": "2020-03-02"}


def test_cli_build_date_option_not_a_date_is_a_usage_error(tmp_path):
    result = _build("-", "--date", "3 Jan", "-o", str(tmp_path), input=ARTICLE)
    assert result.exit_code == Exit.USAGE
    assert "is not a date in the form YYYY-MM-DD" in result.stderr


def test_cli_build_same_id_twice_is_refused_not_merged(tmp_path):
    """Regression: news.txt and news.md became one document, statements mixed under one IRI."""
    (tmp_path / "news.txt").write_text(ARTICLE)
    (tmp_path / "news.md").write_text("Iran backed Hamas in Gaza.")
    result = _build(str(tmp_path / "news.txt"), str(tmp_path / "news.md"), "-o", str(tmp_path / "out"))
    assert result.exit_code == Exit.INPUTS
    assert (f"kgbuilder: {tmp_path / 'news.md'}: document id 'news' is already used by "
            f"{tmp_path / 'news.txt'}") in result.stderr
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert "Hamas" not in {str(o) for o in g.objects()}      # the second was not mixed in


def test_cli_build_file_names_are_printed_on_one_line_without_raw_escapes(tmp_path):
    bad = tmp_path / "bad\nname\x1b]0;pwned\x07.txt"
    bad.write_bytes(b"")
    (tmp_path / "good.txt").write_text(ARTICLE)
    result = _build(str(bad), str(tmp_path / "good.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == Exit.INPUTS
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"kgbuilder: {tmp_path}/bad\\nname\\x1b]0;pwned\\x07.txt: empty file")


def test_cli_build_every_input_failed_keeps_the_existing_graph(tmp_path):
    """Regression: a build in which every input failed replaced the graph with an empty one."""
    out = tmp_path / "out"
    assert _build("-", "-o", str(out), input=ARTICLE).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = _build(str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == Exit.INPUTS
    assert result.stderr.strip().splitlines()[-1] == (
        f"kgbuilder: no document could be read; nothing written to {out} "
        "(the files already there are kept)")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_build_removes_formats_an_earlier_build_wrote(tmp_path):
    """A build's files are one set: no graph.trig of an earlier build beside a new graph.ttl."""
    out = tmp_path / "out"
    assert _build("-", "-o", str(out), "-f", "trig,nt", input=ARTICLE).exit_code == 0
    assert _build("-", "-o", str(out), "-f", "nt", input="Iran backed Hamas in Gaza.").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.nt", "graph.ttl"]


def test_cli_build_jobs_are_capped_at_the_usable_cores(tmp_path, monkeypatch):
    import extractors.parallel

    seen = []
    real = extractors.parallel.extract_parallel

    def spy(texts, *, jobs, **kwargs):
        seen.append(jobs)
        return real(texts, jobs=jobs, **kwargs)
    monkeypatch.setattr(extractors.parallel, "extract_parallel", spy)
    monkeypatch.setattr(extractors.parallel, "usable_cores", lambda: 2)
    result = _build("-", "-o", str(tmp_path), "-j", "33", input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    assert seen == [2]
    assert "kgbuilder: warning: -j 33 is more than the 2 usable cores; using 2" in result.stderr


def test_cli_exit_statuses_are_listed_in_help_and_readme():
    from graph.exits import EXIT_STATUSES

    help_text = CliRunner().invoke(main, ["build", "--help"]).output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## When things go wrong", 1)[1].split("\n## ", 1)[0]
    for status in Exit:
        assert re.search(rf"^\s+{status.value}\s+\S", EXIT_STATUSES, re.M), status
        assert re.search(rf"^\s+{status.value}\s+\S", help_text, re.M), status
        assert re.search(rf"^\| `?{status.value}`? \|", section, re.M), status


def test_cli_build_trig_and_jsonld_are_byte_identical_whatever_the_input_order(tmp_path):
    """Regression: TriG and JSON-LD followed the order of rdflib's tables (input order,
    string hashing), unlike the other formats."""
    files = sorted(str(p) for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".jsonl"})
    outputs = []
    for name, order in (("forward", files), ("backward", files[::-1])):
        result = _build(*order, "-o", str(tmp_path / name), "-f", "trig,jsonld")
        assert result.exit_code == 0, result.stderr
        outputs.append({fmt: (tmp_path / name / f"graph.{fmt}").read_bytes() for fmt in ("trig", "jsonld")})
    assert outputs[0] == outputs[1]


def test_cli_build_document_metadata_reaches_provenance_for_every_input_kind(tmp_path):
    """A page's title, date and URL, a JSONL line's id, title, date and url (gzipped or
    not), a Markdown front matter's, a text file's dateline: each document's own triples,
    after a real build."""
    (tmp_path / "pages").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "pages" / "ferry_route.html", tmp_path / "pages")
    lines = [{"id": "j1", "text": ARTICLE, "title": "Rockets on Haifa", "date": "2020-01-06",
              "url": "https://news.example.org/j1"},
             {"id": "j2", "text": "Iran backed Hamas on Monday.", "title": "Backing",
              "date": "2021-02-01", "url": "https://news.example.org/j2"}]
    (tmp_path / "one.jsonl").write_text(json.dumps(lines[0]) + "\n")
    (tmp_path / "two.jsonl.gz").write_bytes(gzip.compress((json.dumps(lines[1]) + "\n").encode()))
    (tmp_path / "wire.txt").write_text("BEIRUT, March 2, 2020 (Reuters) - " + ARTICLE)
    (tmp_path / "post.md").write_text("---\ntitle: Rockets again\ndate: 2020-01-09\n"
                                      "url: https://blog.example.org/p\n---\n" + ARTICLE)
    result = _build(f"{tmp_path}/pages/*.html", str(tmp_path / "one.jsonl"),
                    str(tmp_path / "two.jsonl.gz"), str(tmp_path / "wire.txt"),
                    str(tmp_path / "post.md"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    found = {str(g.value(doc, DCTERMS.identifier)): (g.value(doc, DCTERMS.title), g.value(doc, DCTERMS.date),
                                                     g.value(doc, SCHEMA.url))
             for doc in g.subjects(DCTERMS.identifier, None)}
    date = lambda text: Literal(text, datatype=XSD.date)
    url = lambda text: Literal(text, datatype=XSD.anyURI)
    assert found == {
        "ferry_route": (Literal("Harbour board approves new ferry route"), date("2024-05-14"),
                        url("https://ledger.example.org/news/ferry-route")),
        "j1": (Literal("Rockets on Haifa"), date("2020-01-06"), url("https://news.example.org/j1")),
        "j2": (Literal("Backing"), date("2021-02-01"), url("https://news.example.org/j2")),
        "wire": (None, date("2020-03-02"), None),
        "post": (Literal("Rockets again"), date("2020-01-09"), url("https://blog.example.org/p"))}


def test_cli_build_html_page_text_without_furniture_reaches_the_graph(tmp_path):
    page = ROOT / "tests" / "data" / "pages" / "militia_statement.htm"
    result = _build(str(page), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    anchors = " ".join(str(o) for o in g.objects(None, NIF.anchorOf))
    assert "Red Ridge Brigade" in anchors
    assert [word for word in ("cookie", "Privacy", "Share this") if word in anchors] == []


def test_cli_build_pattern_matching_nothing_is_one_line_and_the_rest_is_built(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    pattern = f"{tmp_path}/missing/**/*.txt"
    result = _build(pattern, str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == Exit.INPUTS
    assert [l for l in result.stderr.splitlines() if pattern in l] == [
        f"kgbuilder: {pattern}: no file matches this pattern"]
    assert set(_documents(tmp_path / "out" / "graph.ttl")) == {"a"}
