"""English vocabulary and relation names live in data, not in the extractors' Python.

Word lists are lexicon files (``extractors/data/lexicon``); relation names come from the
ontology (``ontology.REL``, the cue table). This test reads the source of every module
of the package and fails on a literal list of more than a few lower-case words, or on a
string that is a relation name.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ontology import load_relations

PACKAGE = Path(__file__).resolve().parents[2] / "extractors"
#: more lower-case words than this in one literal is a word list
MAX_WORDS = 4
_WORD = re.compile(r"^[a-z][a-z' -]*$")
#: more ontology class names than this in one literal is a class group restated in Python
MAX_CLASSES = 2


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node.body and isinstance(node.body[0], ast.Expr) \
                and isinstance(node.body[0].value, ast.Constant):
            out.add(id(node.body[0].value))
    return out


def _word_lists(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        items = node.keys if isinstance(node, ast.Dict) else \
            node.elts if isinstance(node, (ast.Set, ast.List, ast.Tuple)) else []
        words = [e.value for e in items if isinstance(e, ast.Constant)
                 and isinstance(e.value, str) and _WORD.match(e.value)]
        if len(words) > MAX_WORDS:
            out.append(f"line {node.lineno}: {words[:5]}")
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_words_in_python_no_word_list_and_no_relation_name(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relations = {r.name for r in load_relations()}
    docs = _docstrings(tree)
    names = [f"line {n.lineno}: {n.value!r}" for n in ast.walk(tree)
             if isinstance(n, ast.Constant) and n.value in relations and id(n) not in docs]
    assert not _word_lists(tree), "word lists belong in extractors/data/lexicon"
    assert not names, "relation names come from the ontology (ontology.REL)"


def _class_groups(tree: ast.AST, classes: set[str]) -> list[str]:
    """Set literals naming several classes (an ordering, a tuple, is a preference, not a group)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Set):
            named = [e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in classes]
            if len(named) > MAX_CLASSES:
                out.append(f"line {node.lineno}: {named}")
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_words_in_python_class_groups_come_from_the_ontology(path):
    from ontology.terms import CLASSES
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not _class_groups(tree, set(CLASSES)), \
        "class groups come from rdfs:subClassOf (ontology.classes.subclasses_of)"


def test_no_words_in_python_the_scan_finds_a_class_group():
    from ontology.terms import CLASSES
    tree = ast.parse('X = {"Organization", "ArmedGroup", "GovernmentBody"}')
    assert _class_groups(tree, set(CLASSES))


def test_no_words_in_python_the_scan_finds_a_word_list():
    tree = ast.parse('X = {"a", "b", "c", "d", "e"}\nY = "attacked"')
    assert _word_lists(tree)
