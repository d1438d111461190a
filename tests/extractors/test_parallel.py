"""Reading on several processes gives the same records, in the same order."""
from __future__ import annotations

from itertools import islice

from extractors import TextInput, extract
from extractors.lexicon import load_lexicon
from extractors.parallel import (default_jobs, extract_parallel, finish, parsed_pieces,
                                 read_zoned, reader_components)

TEXTS = [
    "Hezbollah fired rockets at Haifa on Monday. Israel struck Beirut in response.",
    "Russia supplied Syria with drones. Turkey condemned Russia.",
    "France withdrew from Mali in 2022. The junta welcomed Wagner fighters.",
] * 4


def _inputs():
    return [TextInput(f"d{i}", t) for i, t in enumerate(TEXTS)]


def test_parallel_two_jobs_give_the_records_of_one(nlp, cues):
    one = list(extract(_inputs(), nlp=nlp, cues=cues))
    two = list(extract_parallel(_inputs(), nlp=nlp, cues=cues, jobs=2, chunk_words=20))
    assert [r.doc_id for r in two] == [f"d{i}" for i in range(len(TEXTS))]
    assert two == one


def test_parallel_small_inputs_stay_in_process(nlp, cues):
    records = list(extract_parallel(_inputs()[:1], nlp=nlp, cues=cues, jobs=2))
    assert [r.doc_id for r in records] == ["d0"]


def test_parallel_default_jobs_is_between_one_and_four():
    assert 1 <= default_jobs() <= 4


def test_parallel_one_job_parses_on_another_process_and_gives_the_records_of_one(
        nlp, cues, monkeypatch):
    import extractors.parallel
    monkeypatch.setattr(extractors.parallel, "usable_cores", lambda: 2)
    parents = []
    real = extractors.parallel._received
    monkeypatch.setattr(extractors.parallel, "_received",
                        lambda *args: parents.append(args[1].pid) or real(*args))
    one = list(extract(_inputs(), nlp=nlp, cues=cues))
    ahead = list(extract_parallel(_inputs(), nlp=nlp, cues=cues, jobs=1, chunk_words=20))
    assert len(parents) == 1                      # the parses came from a child process
    assert [r.doc_id for r in ahead] == [f"d{i}" for i in range(len(TEXTS))]
    assert ahead == one


def test_parallel_one_job_joins_the_pieces_of_a_long_document(nlp, cues, monkeypatch):
    import extractors.parallel
    monkeypatch.setattr(extractors.parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(nlp, "max_length", 200)   # pieces of at most 200 characters
    inputs = [TextInput("long", "\n\n".join(TEXTS)), *_inputs()[:2]]
    one = list(extract(inputs, nlp=nlp, cues=cues))
    assert len(one[0].facts) > 4
    assert list(extract_parallel(inputs, nlp=nlp, cues=cues, jobs=1, chunk_words=20)) == one


def _parse_then_die(parsed, inputs, nlp, lexicon):
    """A parsing process killed after it sent the first two pieces of a long document."""
    import os

    from extractors.parallel import parsed_pieces
    parsed.put(list(islice(parsed_pieces(inputs, nlp, lexicon), 2)))
    parsed.close()
    parsed.join_thread()
    os._exit(9)


def test_parallel_one_job_parses_the_rest_itself_when_the_parsing_process_dies(
        nlp, cues, monkeypatch):
    import extractors.parallel
    monkeypatch.setattr(extractors.parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(extractors.parallel, "_parse_into", _parse_then_die)
    monkeypatch.setattr(nlp, "max_length", 200)
    inputs = [TextInput("long", "\n\n".join(TEXTS)), *_inputs()[:2]]
    one = list(extract(inputs, nlp=nlp, cues=cues))
    assert list(extract_parallel(inputs, nlp=nlp, cues=cues, jobs=1, chunk_words=20)) == one


def test_parallel_a_doc_finished_by_the_reader_is_the_doc_of_the_whole_pipeline(nlp):
    # the parsing process leaves the rule-based components to the reading one
    assert reader_components(nlp) == ["attribute_ruler", "lemmatizer", "kgb_entity_fixes"]
    texts = [*TEXTS[:3], "Defense Secretary Lloyd Austin met Kataib Hezbollah (KH) leaders in "
                         "Baghdad.\n\nThe Islamic State in the Greater Sahara (ISGS) denied it."]
    inputs = [TextInput(f"d{i}", t) for i, t in enumerate(texts)]
    # all parsed first: a Doc made while the parsing generator is inside its memory zone
    # would not outlive the zone (the parsing process sends bytes, which do)
    sent = [finish(data, nlp) for _, _, data in list(parsed_pieces(inputs, nlp, load_lexicon()))]
    whole = [nlp(t) for t in texts]
    assert [d.to_json() for d in sent] == [d.to_json() for d in whole]
    assert [[(e.text, e.label_) for e in d.ents] for d in sent] == \
        [[(e.text, e.label_) for e in d.ents] for d in whole]
    assert [[t.lemma_ for t in d] for d in sent] == [[t.lemma_ for t in d] for d in whole]


def _new_words(n: int, tag: str = "") -> list[TextInput]:
    """Documents each naming people and places no other names: words the vocabulary lacks
    (and no other test's, with a ``tag`` of its own)."""
    return [TextInput(f"n{i}", f"Commander Vorlakin Tresh{i}ovar{tag} of Quenmoor{i}dale{tag} met "
                               f"Minister Olabrek Zaffit{i}er{tag} in Brissenhold{i}port{tag} "
                               f"on Monday.")
            for i in range(n)]


def test_parallel_one_job_reads_in_memory_zones_so_the_string_store_stays_flat(
        nlp, cues, monkeypatch):
    import extractors.parallel
    monkeypatch.setattr(extractors.parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(extractors.parallel, "ZONE_DOCS", 3)   # several zones for 12 documents
    inputs = _new_words(12)
    before = len(nlp.vocab.strings)
    sizes = []
    ahead = []
    for record in extract_parallel(inputs, nlp=nlp, cues=cues, jobs=1, chunk_words=20):
        ahead.append(record)
        sizes.append(len(nlp.vocab.strings))
    assert len(nlp.vocab.strings) == before
    # inside a zone the store holds that zone's new words only (9 or so a document): after
    # four zones it has grown by less than two zones' words, not by the twelve documents'
    one_zone = max(sizes[:3]) - before
    assert one_zone > 0 and max(sizes) - before < 2 * one_zone
    one = list(extract(inputs, nlp=nlp, cues=cues))   # outside any zone: the strings stay
    assert len(nlp.vocab.strings) > before
    assert ahead == one and all(r.facts for r in one)


def test_parallel_the_parsing_process_parses_in_memory_zones(nlp, monkeypatch):
    import extractors.parallel
    monkeypatch.setattr(extractors.parallel, "ZONE_DOCS", 2)
    inputs = _new_words(6)
    before = len(nlp.vocab.strings)
    sent = list(parsed_pieces(inputs, nlp, load_lexicon()))
    assert len(nlp.vocab.strings) == before
    # the bytes outlive the zone: they carry their own strings
    assert [finish(data, nlp).text for _, _, data in sent] == [i.text for i in inputs]


def test_parallel_a_worker_reads_its_chunk_in_a_memory_zone(nlp, cues):
    inputs = _new_words(4)
    before = len(nlp.vocab.strings)
    zoned = read_zoned(inputs, nlp=nlp, cues=cues)
    assert len(nlp.vocab.strings) == before
    assert zoned == list(extract(inputs, nlp=nlp, cues=cues))


def test_parallel_a_workers_zone_spans_its_chunks_and_is_renewed_after_zone_docs(
        nlp, cues, monkeypatch):
    import extractors.parallel
    from extractors.parallel import RollingZone
    monkeypatch.setattr(extractors.parallel, "ZONE_DOCS", 4)
    inputs = _new_words(12, tag="ux")
    before = len(nlp.vocab.strings)
    zone, records, sizes = RollingZone(nlp), [], []
    for chunk in (inputs[i:i + 2] for i in range(0, 12, 2)):   # six chunks of two
        records += zone.read(chunk, cues=cues)
        sizes.append(len(nlp.vocab.strings) - before)
    zone.close()
    assert len(nlp.vocab.strings) == before
    # two chunks a zone: the second chunk's words join the first's, then a new zone begins
    assert sizes[0] < sizes[1] and sizes[2] < sizes[1] and sizes[4] < sizes[3]
    assert records == list(extract(inputs, nlp=nlp, cues=cues))


def test_parallel_chunks_shrink_toward_the_end_so_the_workers_finish_together():
    from extractors.parallel import shrinking_chunks
    docs = [TextInput(str(i), "word " * (50 + i % 7 * 20)) for i in range(400)]
    chunks = list(shrinking_chunks(docs, jobs=2, chunk_words=4000))
    assert [d for c in chunks for d in c] == docs            # every document once, in order
    words = [sum(len(d.text.split()) for d in c) for c in chunks]
    assert 4000 <= words[0] < 4200                            # full chunks first
    assert all(w < 1000 for w in words[-3:])                  # small ones last
    # never bigger than the one before but for the document that crosses the target
    assert all(b <= a + 170 for a, b in zip(words, words[1:]))
