"""graph/summary.py: counts read as English; the build's tally, end summary and report lines."""
from __future__ import annotations

import json

import pytest

from extractors.records import TextInput
from graph.aliases import read_entities
from graph.build import build_graph
from graph.problems import InputProblem
from graph.summary import BuildTally, GraphCounts, counted, graph_counts, summary_lines
from ontology import KGB
from tests.graph.factories import record


@pytest.mark.parametrize("n,noun,plural,expected", [
    (1, "document", None, "1 document"),
    (2, "document", None, "2 documents"),
    (0, "mention", None, "0 mentions"),
    (1, "entity", "entities", "1 entity"),
    (5, "entity", "entities", "5 entities"),
])
def test_summary_counts_read_as_english(n, noun, plural, expected):
    assert counted(n, noun, plural) == expected


def test_summary_entities_are_the_merged_nodes_kgbuilder_entities_lists():
    # two documents name Hamas: four entities in the records, three nodes in the graph
    g = build_graph([record("d1", agent="Hamas", target="Sderot"),
                     record("d2", agent="Hamas", target="Ashdod")])
    assert len(read_entities(g)) == 3
    assert graph_counts(g) == GraphCounts(3, {str(KGB.attacked): 2})


class _Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _tally(clock=None):
    said = []
    tally = BuildTally(say=said.append, clock=clock or _Clock())
    items = [("a.txt", TextInput("a", "Iran backed Hamas.")),
             InputProblem("b.pdf", "a PDF document, not plain text"),
             InputProblem("c.txt", "not valid UTF-8 (byte 3)", fatal=False),
             ("d.jsonl:1", TextInput("d1", "Israel struck Gaza on Monday.")),
             InputProblem("d.jsonl:2", "malformed JSON (Expecting value)")]
    docs = list(tally.track(items))
    return tally, docs, said


def test_summary_tally_passes_documents_on_and_keeps_every_problem_it_is_told():
    tally, docs, said = _tally()
    assert [d.doc_id for d in docs] == ["a", "d1"]
    assert [p.source for p in said] == ["b.pdf", "c.txt", "d.jsonl:2"]
    assert (tally.read, tally.words) == (2, 8)
    assert [(o.input, o.status) for o in tally.failures] == [("b.pdf", "failed"),
                                                             ("d.jsonl:2", "failed")]


def test_summary_report_is_one_json_object_a_line_for_every_failed_and_skipped_input():
    tally, _, _ = _tally()
    tally.skip(["d1"])
    lines = [json.loads(line) for line in tally.report().splitlines()]
    assert lines == [
        {"input": "b.pdf", "status": "failed", "reason": "a PDF document, not plain text"},
        {"input": "d.jsonl:2", "status": "failed", "reason": "malformed JSON (Expecting value)"},
        {"input": "d.jsonl:1", "status": "skipped",
         "reason": "unchanged since it was added to the store"}]


def test_summary_lines_say_documents_entities_facts_per_relation_and_time():
    clock = _Clock()
    tally, _, _ = _tally(clock)
    tally.skip(["a"])
    clock.now += 4.0
    counts = GraphCounts(7, {str(KGB.attacked): 3, str(KGB.leaderOf): 5,
                             "https://w3id.org/kgbuilder/open#praise": 2})
    assert summary_lines(tally, counts, where=" in the store") == [
        "documents  2 read, 1 skipped (unchanged in the store), 2 failed",
        "entities   7 nodes in the store",
        "facts      10 in the store: leaderOf 5, attacked 3, open relations 2",
        "time       4.0 s (0.5 documents/s, 2 words/s)",
        "failed     b.pdf: a PDF document, not plain text",
        "           d.jsonl:2: malformed JSON (Expecting value)"]


def test_summary_lists_a_few_failures_and_points_to_the_report_for_the_rest():
    tally = BuildTally()
    list(tally.track([InputProblem(f"f{n}.txt", "empty file") for n in range(8)]))
    lines = summary_lines(tally, GraphCounts(0, {}))
    assert lines[4:] == ["failed     f0.txt: empty file", *[f"           f{n}.txt: empty file"
                                                          for n in range(1, 5)],
                         "           ... and 3 more (--report FILE lists every one)"]
    assert lines[2] == "facts      0"
