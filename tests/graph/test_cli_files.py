"""The files a build writes: every chosen format, the first in this process and the others
made on a forked one, each the same text the format gives alone."""
from __future__ import annotations

from exports import Format
from exports.formats import format_text
from graph.build import build_graph
from graph.cli_files import write_built
from tests.graph.factories import record


def test_cli_files_write_built_writes_each_chosen_format_as_it_reads_alone(tmp_path):
    g = build_graph([record(), record("d2", agent="Chad", agent_cls="Country")])
    chosen = [Format.TURTLE, Format.NTRIPLES, Format.HTML]
    written = write_built(g, chosen, tmp_path)
    assert written == [tmp_path / fmt.filename for fmt in chosen]
    for fmt in chosen:
        assert (tmp_path / fmt.filename).read_text(encoding="utf-8") == format_text(g, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.filename for f in chosen)


def test_cli_files_write_built_calls_meanwhile_once_after_the_first_format(tmp_path):
    g = build_graph([record()])
    seen = []
    write_built(g, [Format.TURTLE, Format.HTML], tmp_path,
                meanwhile=lambda: seen.append(sorted(p.name for p in tmp_path.iterdir())))
    [[turtle]] = seen  # once, when only the Turtle was written (the set is renamed in at the end)
    assert "graph.ttl" in turtle
