"""The analyst's queries of examples/queries, on the examples' graph and on graphs whose
answer is known."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from exports import write_turtle
from extractors.records import Factuality
from graph.build import build_graph
from graph.cli import main
from graph.query import load_store, run_query, sparql_prefixes
from tests.conftest import ROOT
from tests.graph.factories import record

QUERIES = ROOT / "examples" / "queries"


def _ask(graph_file: Path, name: str) -> list[dict]:
    table = run_query(load_store(graph_file), sparql_prefixes() + (QUERIES / name).read_text(encoding="utf-8"))
    return [dict(zip(table.columns, row)) for row in table.rows]


def _graph_of(tmp_path: Path, *records) -> Path:
    return write_turtle(build_graph(records), tmp_path / "graph.ttl")


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_query_example_queries_start_with_a_comment_and_run_on_the_examples(examples_graph, name):
    assert (QUERIES / name).read_text(encoding="utf-8").startswith("# ")
    _ask(examples_graph, name)


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_query_example_query_answers_on_the_examples(examples_graph, name):
    # the bundled examples exercise what each example query shows
    assert _ask(examples_graph, name), f"{name} returns no row on the examples"


def test_query_attacks_when_dates_attacks_of_the_examples(examples_graph):
    dated = [r for r in _ask(examples_graph, "attacks_when.rq") if r["date"]]
    assert dated and all(r["granularity"] in {"day", "week", "month", "year"} for r in dated)
    assert {r["granularity"] for r in dated} >= {"day", "week"}


def test_query_backers_of_the_examples_name_a_backer_of_an_armed_group(examples_graph):
    rows = _ask(examples_graph, "backers.rq")
    assert ("Kataib Hezbollah", "Iran") in {(r["group"], r["backer"]) for r in rows}


def test_query_attacks_gives_asserted_attacks_with_their_sentence(tmp_path):
    g = _graph_of(tmp_path,
                  record("a", agent="Hamas", target="Sderot"),
                  record("b", agent="Hezbollah", target="Haifa", factuality=Factuality.NEGATED),
                  record("c", agent="ISIS", target="Mosul", verb="raided"))
    rows = [(r["attacker"], r["target"], r["sentence"]) for r in _ask(g, "attacks.rq")]
    assert rows == [("Hamas", "Sderot", "Hamas attacked Sderot."),
                    ("ISIS", "Mosul", "ISIS raided Mosul.")]


def test_query_entity_facts_give_the_evidence_sentence(examples_graph):
    rows = _ask(examples_graph, "entity_facts.rq")
    [row] = [r for r in rows if (r["subject"], r["relation"], r["object"], r["document"])
             == ("Kataib Hezbollah", "attacked", "Camp Taji", "01_taji_rockets")]
    assert "fired rockets at Camp Taji, north of Baghdad" in row["sentence"]
    assert row["factuality"] == "asserted"


def test_query_attacks_when_resolves_the_date_and_its_granularity(tmp_path):
    g = _graph_of(tmp_path,
                  record("a", agent="Hamas", target="Sderot", time="2023-W41", time_text="last week"),
                  record("b", agent="Hezbollah", target="Haifa", time="2023-10-06",
                         time_text="on Friday"),
                  record("c", agent="ISIS", target="Mosul"))
    rows = [(r["attacker"], r["target"], r["date"], r["granularity"], r["said"])
            for r in _ask(g, "attacks_when.rq")]
    assert rows == [("Hezbollah", "Haifa", "2023-10-06", "day", "on Friday"),
                    ("Hamas", "Sderot", "2023-10-09", "week", "last week"),
                    ("ISIS", "Mosul", None, None, None)]


def test_query_asserted_vs_reported_names_who_vouches(tmp_path):
    g = _graph_of(tmp_path,
                  record("a", agent="Hamas", target="Sderot", reporter="Avi Cohen"),
                  record("b", agent="Hezbollah", target="Haifa"),
                  record("c", agent="ISIS", target="Mosul", factuality=Factuality.NEGATED),
                  record("d", agent="Hamas", target="Ashdod", reporter="officials",
                         named_reporter=False))
    rows = [(r["source"], r["subject"], r["object"]) for r in _ask(g, "asserted_vs_reported.rq")]
    assert rows == [("reported by Avi Cohen", "Hamas", "Sderot"),
                    ("reported by officials", "Hamas", "Ashdod"),
                    ("the article", "Hezbollah", "Haifa")]


def test_query_timeline_orders_by_text_date_then_article_date(tmp_path):
    g = _graph_of(tmp_path,
                  record("a", agent="United States", target="Baghdad", verb="bombed",
                         date="2020-01-10"),
                  record("b", agent="Iran", target="United States", verb="attacked",
                         time="2020-01-08", time_text="on Wednesday", date="2020-01-12"),
                  record("c", agent="Hamas", target="Sderot", time="2019-05"))
    rows = [(r["when"], r["dated_by"], r["subject"], r["object"]) for r in _ask(g, "timeline.rq")]
    assert rows == [("2020-01-08", "text", "Iran", "United States"),
                    ("2020-01-10", "article", "United States", "Baghdad")]


def test_query_backers_of_armed_groups_only(tmp_path):
    g = _graph_of(tmp_path,
                  record("a", agent="Iran", verb="backed", target="Hezbollah", relation="supported",
                         agent_cls="Country", target_cls="ArmedGroup"),
                  record("b", agent="Iran", verb="funded", target="Hezbollah", relation="supported",
                         agent_cls="Country", target_cls="ArmedGroup"),
                  record("c", agent="Qatar", verb="backed", target="Doha", relation="supported"))
    rows = _ask(g, "backers.rq")
    assert [(r["group"], r["backer"], r["statements"]) for r in rows] == [("Hezbollah", "Iran", "2")]


def test_query_readme_query_finds_the_readme_fact(examples_graph):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sparql = readme.split("```sparql\n", 1)[1].split("```", 1)[0]
    table = run_query(load_store(examples_graph), sparql_prefixes() + sparql)
    rows = [dict(zip(table.columns, row)) for row in table.rows]
    assert {"subject": "US Treasury", "object": "Asaib Ahl al-Haq", "date": "2020-02-28",
            "offsets": "0-85"}.items() <= next(
        r for r in rows if r["object"] == "Asaib Ahl al-Haq" and r["relation"].endswith("#sanctioned")).items()


PLAIN = QUERIES / "plain"


def _rows(store, sparql: str) -> list[tuple]:
    table = run_query(store, sparql_prefixes() + sparql)
    return sorted(table.rows, key=lambda row: [(v is None, v or "") for v in row])


def _tuned_and_plain(name: str) -> tuple[str, str]:
    return ((QUERIES / name).read_text(encoding="utf-8"),
            (PLAIN / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(p.name for p in PLAIN.glob("*.rq")))
def test_query_tuned_example_gives_the_rows_of_its_plain_form_on_the_examples(examples_graph, name):
    tuned, plain = _tuned_and_plain(name)
    store = load_store(examples_graph)
    expected = _rows(store, plain)
    assert expected, f"plain/{name} returns no row on the examples"
    assert _rows(store, tuned) == expected


@pytest.mark.parametrize("name", sorted(p.name for p in PLAIN.glob("*.rq")))
def test_query_tuned_example_gives_the_rows_of_its_plain_form_on_a_store(tmp_path, name):
    # a store answers over the union of its graphs, where a statement sits in its
    # document's graph and the labels in the default graph
    from graph.incremental import write_documents
    from graph.store import open_reader

    records = [record("a", agent="Hamas", target="Sderot", reporter="Avi Cohen",
                      time="2023-10-07", time_text="on Saturday"),
               record("b", agent="Hezbollah", target="Haifa", time="2023-10"),
               record("c", agent="ISIS", target="Mosul", factuality=Factuality.NEGATED),
               record("d", agent="Hamas", target="Ashdod", reporter="officials",
                      named_reporter=False),
               record("e", agent="Iran", verb="praised", target="Hamas", relation="praise",
                      open_=True),
               record("f", agent="Hamas", target="Sderot", prefix="Again, ")]
    write_documents(tmp_path / "kg", add=[(r, r.doc_id) for r in records])
    tuned, plain = _tuned_and_plain(name)
    store = open_reader(tmp_path / "kg")
    expected = _rows(store, plain)
    assert len(expected) >= 3
    assert _rows(store, tuned) == expected
