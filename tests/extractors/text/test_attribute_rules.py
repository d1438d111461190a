"""The indexed attribute rules find exactly the matches of spaCy's Matcher."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from extractors.text.attribute_rules import AttributeMatches, index_attribute_rules

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _stock(ruler, doc):
    """The matches as spaCy's own ``AttributeRuler.match`` finds them."""
    return AttributeRuler.match(ruler, doc)


def test_attribute_rules_are_indexed_in_the_loaded_pipeline(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").match, AttributeMatches)


def test_attribute_rules_match_as_the_matcher_on_the_examples(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner", "kgb_entity_fixes"]):
        docs = list(nlp.pipe(texts))
    for doc in docs:
        found = ruler.match(doc)
        assert found, "the tag map matches every word"
        assert found == _stock(ruler, doc)


def _hand_doc(vocab):
    # tags and dependencies set by hand: no model needed
    words = ["There", "'s", "nothin'", "y'", "all", "do", "\n", "it", "did", "that"]
    tags = ["EX", "VBZ", "NN", "PRP", "DT", "VBP", "_SP", "PRP", "VBD", "DT"]
    deps = ["expl", "ROOT", "attr", "nsubj", "det", "conj", "dep", "nsubj", "aux", "dobj"]
    heads = [1, 1, 1, 5, 3, 1, 5, 8, 8, 8]
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


PATTERNS = [  # every kind of test the English tag map uses, with its index
    ([[{"TAG": "VBZ"}]], {"POS": "VERB"}, 0),
    ([[{"LOWER": "'s", "TAG": "VBZ"}]], {"LEMMA": "be"}, 0),
    ([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"}, 0),
    ([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"}, 0),
    ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "'s"]}}]], {"POS": "AUX"}, 1),
    ([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], {"POS": "AUX"}, 0),
    ([[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]], {"POS": "PRON"}, 0),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}, 0),
    ([[{"IS_SPACE": True}]], {"TAG": "_SP"}, 0),
]


def test_attribute_rules_match_as_the_matcher_for_every_kind_of_pattern():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in PATTERNS:
        ruler.add(patterns, attrs, index=index)
    doc = _hand_doc(nlp.vocab)
    found = AttributeMatches(ruler)(doc)
    assert found == _stock(ruler, doc)
    # each pattern matched somewhere: the test tells the kinds apart
    assert {attr_id for attr_id, *_ in found} == set(range(len(PATTERNS)))


@pytest.mark.parametrize("pattern", [[{"POS": "NOUN"}], [{"TAG": "NN", "OP": "+"}],
                                     [{"LOWER": {"FUZZY": "house"}}]])
def test_attribute_rules_leave_a_ruler_they_cannot_read_to_the_matcher(pattern):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([pattern], {"LEMMA": "x"})
    assert index_attribute_rules(nlp) is False
    assert "match" not in vars(ruler)
