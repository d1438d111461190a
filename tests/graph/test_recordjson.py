"""Records survive JSON unchanged, so a store can merge entities again from them."""
from __future__ import annotations

from extractors.records import Factuality, TextInput
from graph.recordjson import content_hash, record_from_json, record_to_json
from tests.graph.factories import record


def test_recordjson_round_trip_keeps_every_field():
    rec = record("d", reporter="officials", named_reporter=False, time="2020-W12",
                 time_text="last week", factuality=Factuality.PLANNED, title="T", url="http://x",
                 date="2020-03-20", open_=True, relation="praise")
    assert record_from_json(record_to_json(rec)) == rec


def test_recordjson_content_hash_changes_with_text_or_metadata():
    base = TextInput("a", "Hamas attacked Sderot.")
    assert content_hash(base) != content_hash(TextInput("a", "Hamas attacked Ashdod."))
    assert content_hash(base) != content_hash(TextInput("a", base.text, date="2020-01-01"))
