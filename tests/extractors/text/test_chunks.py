"""Long documents in pieces: pieces cover the text, end at paragraphs or sentences, and
the records of the pieces have offsets into the whole document."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.text.chunks import pieces


@settings(max_examples=200)
@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
       max_chars=st.integers(min_value=2, max_value=60))
def test_chunks_pieces_cover_the_text_within_the_limit(text, max_chars):
    spans = list(pieces(text, max_chars=max_chars))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < end - start <= max_chars for start, end in spans) or text == ""


def test_chunks_pieces_end_at_a_paragraph_then_a_sentence_then_a_space():
    para = "Iran backed Hamas. Israel struck Gaza.\n\n"
    text = para * 3
    assert [text[s:e] for s, e in pieces(text, max_chars=len(para) + 10)] == [para] * 3
    sentence = "Iran backed Hamas. "
    text = sentence * 4
    assert [text[s:e] for s, e in pieces(text, max_chars=len(sentence) + 5)] == [sentence] * 4
    for text, max_chars, expected in (("aaaa bbbb cccc", 6, ["aaaa ", "bbbb ", "cccc"]),
                                      ("x" * 10, 4, ["xxxx", "xxxx", "xx"])):
        assert [text[s:e] for s, e in pieces(text, max_chars=max_chars)] == expected


def test_chunks_records_of_pieces_have_offsets_into_the_whole_text(read, monkeypatch):
    import extractors.pipeline

    paragraphs = ["Hezbollah fired rockets at Haifa on Monday.",
                  "Israel struck Beirut in response, the army said.",
                  "Hezbollah later attacked an Israeli patrol near Metula."]
    text = "\n\n".join(paragraphs) + "\n"
    whole = read(text, doc_id="whole")
    monkeypatch.setattr(extractors.pipeline, "MAX_CHARS", 60)      # one paragraph a piece
    split = read(text, doc_id="split")
    assert split.text == text
    assert {f.sentence.start for f in split.facts} == {f.sentence.start for f in whole.facts}
    assert max(f.sentence.start for f in split.facts) > 60        # facts from a later piece
    for fact in split.facts:
        assert text[fact.sentence.start:fact.sentence.end].strip() == fact.sentence.text.strip()
        for mention in (fact.subject, fact.object):
            assert text[mention.start:mention.end] == mention.text
    [hezbollah] = [e for e in split.entities if e.name == "Hezbollah"]
    assert hezbollah.mentions == 2                                 # one entity over two pieces
