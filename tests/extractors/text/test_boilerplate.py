"""Page boilerplate yields no text to read, news stays whole, and offsets stay true."""
from __future__ import annotations

import pytest

from extractors.text.boilerplate import blank_boilerplate, boilerplate_spans


@pytest.mark.parametrize("line", [
    "197 views0 comments", "Support comes from", "Copyright 2021 Agence Press. All rights reserved.",
    "News 90.1 WXYZ", "top of page", "Subscribe to our newsletter",
    "Sign up for our daily newsletter", "Donate today", "Home | World | Middle East | Opinion",
])
def test_boilerplate_page_furniture_is_found(line):
    text = f"{line}\nThe army shelled Kharkiv."
    assert boilerplate_spans(text) == [(0, len(line))]


def test_boilerplate_repeated_caption_is_read_once():
    caption = "Soldiers inspect a destroyed depot near Mosul on Monday."
    text = f"{caption}\n\n{caption}\n\nThe rest of the story."
    spans = boilerplate_spans(text)
    assert spans == [(len(caption) + 2, 2 * len(caption) + 2)]


def test_boilerplate_appeal_after_the_article_is_found():
    end = "Copyright 2024 Gulf Radio."
    plea = ("Reader-funded news needs you. If you can, make a pledge today and keep our "
            "reporting free for everyone who reads it.")
    text = f"The strike hit Sanaa.\n{end}\n{plea}"
    start = text.index(end)
    assert boilerplate_spans(text) == [(start, start + len(end)), (text.index(plea), len(text))]


# real news with the words the old filter blanked on sight: every sentence stays
@pytest.mark.parametrize("sentence", [
    "Iran renewed its pledge to back the Houthis with weapons and money, the foreign ministry "
    "said on Tuesday after talks in Tehran.",
    "Qatar announced a donation of $50 million to the UN agency for Palestinian refugees, "
    "which Israel accuses of employing members of Hamas.",
    "The Islamic State group's weekly newsletter, al-Naba, claimed the attack on the army "
    "post near Diffa and named two of the bombers.",
    "Officials in Kyiv said the subscription to the new air-defence fund by twelve European "
    "governments would pay for three more Patriot batteries this year.",
    "No matter where you hide, if you are a threat to our people, the United States will "
    "find you, the president said of the men behind the attack.",
])
def test_boilerplate_news_with_plea_words_is_kept(sentence):
    text = f"BAGHDAD (Reuters) - Rockets struck the base.\n\n{sentence}\n\nCopyright 2024 Reuters."
    assert blank_boilerplate(text).count(sentence) == 1


@pytest.mark.parametrize("sentence,expected", [
    ("Iran renewed its pledge to back the Houthis, the foreign minister said.",
     {("Iran", "supported", "Houthis")}),
    ("Saudi Arabia funded the Lebanese Army with a donation of $20 million, its embassy said.",
     {("Saudi Arabia", "supported", "Lebanese Army")}),
])
def test_boilerplate_plea_words_keep_their_facts(triples, sentence, expected):
    assert triples(sentence + "\nSubscribe to our newsletter") == expected


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
