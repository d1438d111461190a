"""bench/newsgen.py: a deterministic news corpus of ~400-word documents whose names keep growing."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
try:
    import newsgen
finally:
    sys.path.remove(str(ROOT / "bench"))


def _capitalised(docs) -> set[str]:
    return {w for d in docs for w in re.findall(r"\b[A-Z][a-z]{2,}\b", d["text"])}


def test_newsgen_same_seed_same_corpus_and_a_smaller_one_is_its_start():
    assert list(newsgen.generate(30, seed=3)) == list(newsgen.generate(60, seed=3))[:30]
    assert list(newsgen.generate(30, seed=3)) != list(newsgen.generate(30, seed=4))


def test_newsgen_documents_are_about_400_words_with_a_dateline_and_paragraphs():
    docs = list(newsgen.generate(200))
    words = [len(d["text"].split()) for d in docs]
    assert 370 <= min(words) and max(words) <= 520 and 400 <= sum(words) / len(words) <= 470
    for d in docs:
        title, _, body = d["text"].partition("\n\n")
        assert title == d["title"]
        assert re.match(r"[A-Z' -]+, [A-Z][a-z]+ \d{1,2}, \d{4} \(Kgb Wire\) - ", body)
        assert body.count("\n\n") >= 4


def test_newsgen_new_names_keep_appearing_as_the_corpus_grows():
    docs = list(newsgen.generate(1200))
    first, second, third = (_capitalised(docs[i:i + 400]) for i in (0, 400, 800))
    assert len(second - first) > 300 and len(third - first - second) > 300


def test_newsgen_a_few_people_recur_in_many_documents_most_in_few():
    room = newsgen.Newsroom(seed=1)
    docs = [room.document(i) for i in range(300)]
    in_docs = sorted((sum(name in d["text"] for d in docs) for name in room.people.actors),
                     reverse=True)
    assert in_docs[0] >= 15                                # a well-known actor
    assert sum(n <= 2 for n in in_docs) > len(in_docs) / 2  # most people are in the news once


def test_newsgen_writes_jsonl_gz_and_txt_folders_with_the_same_documents(tmp_path):
    for out in (tmp_path / "c.jsonl.gz", tmp_path / "folder"):
        done = subprocess.run([sys.executable, str(ROOT / "bench" / "newsgen.py"), "--docs", "5",
                               "--out", str(out)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    expected = list(newsgen.generate(5))
    with gzip.open(tmp_path / "c.jsonl.gz", "rt", encoding="utf-8") as f:
        assert [json.loads(line) for line in f] == expected
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == [
        f"{d['id']}.txt" for d in expected]
    assert (tmp_path / "folder" / "news-00002.txt").read_text(encoding="utf-8") == expected[1]["text"]
