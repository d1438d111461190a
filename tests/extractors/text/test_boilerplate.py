"""Page boilerplate yields no text to read, and offsets stay true."""
from __future__ import annotations

import pytest

from extractors.text.boilerplate import blank_boilerplate, boilerplate_spans


@pytest.mark.parametrize("line", [
    "197 views0 comments", "Support comes from", "Copyright 2021 Agence Press. All rights reserved.",
    "News 90.1 WXYZ", "top of page", "Subscribe to our newsletter",
])
def test_boilerplate_page_furniture_is_found(line):
    text = f"{line}\nThe army shelled Kharkiv."
    assert boilerplate_spans(text) == [(0, len(line))]


def test_boilerplate_repeated_caption_is_read_once():
    caption = "Soldiers inspect a destroyed depot near Mosul on Monday."
    text = f"{caption}\n\n{caption}\n\nThe rest of the story."
    spans = boilerplate_spans(text)
    assert spans == [(len(caption) + 2, 2 * len(caption) + 2)]


def test_boilerplate_donation_plea_is_found():
    plea = ("Reader-funded news needs you. Make a pledge today and keep our reporting free "
            "for everyone who reads it.")
    assert boilerplate_spans(plea) == [(0, len(plea))]


def test_boilerplate_blanking_keeps_offsets():
    text = "Support comes from\nIran backed the group."
    blanked = blank_boilerplate(text)
    assert len(blanked) == len(text)
    assert blanked.endswith("Iran backed the group.")
    assert not blanked[:18].strip()


def test_boilerplate_article_sentences_are_kept():
    text = "Iraq Condemns Strikes Against Militia\n\nThe ministry said the strikes were illegal."
    assert boilerplate_spans(text) == []


def test_boilerplate_yields_no_facts(read):
    rec = read("Copyright 2020 Syria Today. Russia bombed Idlib.\nTurkey condemned Russia.")
    assert {f.relation for f in rec.facts if f.subject.text == "Russia"} == set()
