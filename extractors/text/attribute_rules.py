"""The matches of spaCy's ``attribute_ruler``, found by looking its patterns up per token.

The English pipelines map each fine tag to its part of speech and features, and fix some
words, with an ``attribute_ruler`` of about 180 one- and two-token patterns. spaCy's
``Matcher`` tries every pattern at every token, which costs about an eighth of the whole
parse. The patterns only test a token's ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` (equal,
``IN``, ``NOT_IN``, ``REGEX``), so :class:`AttributeMatches` indexes them by the tag or the
word their first token requires and tests only those: the same matches, in the same order,
which the ruler then applies as before (its ``set_annotations``). A ruler whose patterns
test anything else keeps spaCy's matcher (:func:`index_attribute_rules` returns False).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

# a token as the patterns see it: (tag, lower, dep, is_space)
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# the attributes a pattern is looked up by, the most selective first ("'s" before VBZ)
_INDEX_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")

TokenTest = Callable[[tuple], bool]


class UnsupportedPattern(ValueError):
    """A pattern tests an attribute or uses an operator this index does not know."""


def _value_test(field: int, spec) -> TokenTest:
    """A test of one attribute of a token, as spaCy's matcher reads the spec."""
    if isinstance(spec, (str, bool)):
        return lambda tok: tok[field] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, value), = spec.items()
        if op == "IN":
            values = frozenset(value)
            return lambda tok: tok[field] in values
        if op == "NOT_IN":
            values = frozenset(value)
            return lambda tok: tok[field] not in values
        if op == "REGEX" and field != _FIELDS["IS_SPACE"]:
            pattern = re.compile(value)
            return lambda tok: pattern.search(tok[field]) is not None
    raise UnsupportedPattern(f"unsupported value {spec!r}")


def _token_test(spec: dict) -> TokenTest:
    """A test of one pattern token: every attribute it names."""
    unknown = set(spec) - set(_FIELDS)
    if unknown:
        raise UnsupportedPattern(f"unsupported attributes {sorted(unknown)}")
    tests = [_value_test(_FIELDS[k], v) for k, v in spec.items()]
    return _all_of(tests)


def _all_of(tests: list[Callable]) -> Callable:
    """One test that holds when each of ``tests`` holds, in order (no generator per call)."""
    if len(tests) == 1:
        return tests[0]
    first, rest = tests[0], _all_of(tests[1:])
    return lambda *args: first(*args) and rest(*args)


class AttributeMatches:
    """``ruler.match(doc)`` of an ``AttributeRuler``: ``(attr_id, match_id, start, end)``, sorted.

    Raises:
        UnsupportedPattern: a pattern this index cannot read.
    """

    def __init__(self, ruler):
        self._by_first: dict[tuple[int, str], list] = {}  # (field, value) -> patterns
        self._always: list = []                           # patterns with no such key
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings[str(attr_id)]
            for pattern in entry["patterns"]:
                if not pattern or any("OP" in spec for spec in pattern):
                    raise UnsupportedPattern(f"unsupported pattern {pattern!r}")
                found = (attr_id, match_id, len(pattern), _pattern_test(pattern))
                keys = _index_keys(pattern[0])
                for key in keys:
                    self._by_first.setdefault(key, []).append(found)
                if not keys:
                    self._always.append(found)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        toks = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        n = len(toks)
        by_first, always = self._by_first, self._always
        out = []
        for i, tok in enumerate(toks):
            found = [p for key in enumerate(tok) for p in by_first.get(key, ())]
            for attr_id, match_id, length, test in (found + always if always else found):
                if i + length <= n and test(toks, i):
                    out.append((attr_id, match_id, i, i + length))
        out.sort()
        return out


def _pattern_test(pattern: list[dict]) -> Callable[[list, int], bool]:
    """``test(toks, i)``: whether the pattern matches the tokens from ``i`` (which exist)."""
    def at(k: int, test: TokenTest) -> Callable[[list, int], bool]:
        return lambda toks, i: test(toks[i + k])
    return _all_of([at(k, _token_test(spec)) for k, spec in enumerate(pattern)])


def _index_keys(spec: dict) -> list[tuple[int, object]]:
    """The ``(field, value)`` keys under which a pattern whose first token is ``spec`` is
    looked up: the values one of its attributes must have (equal, or ``IN``); none when
    no attribute is so bound (``REGEX``, ``NOT_IN``)."""
    for name in _INDEX_ORDER:
        field, value = _FIELDS[name], spec.get(name)
        if isinstance(value, (str, bool)):
            return [(field, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(field, v) for v in dict.fromkeys(value["IN"])]
    return []


def index_attribute_rules(nlp: Language) -> bool:
    """Give the ``attribute_ruler`` of ``nlp``, if any, the indexed matches; whether it did."""
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = AttributeMatches(ruler)
    except UnsupportedPattern:
        return False
    return True
