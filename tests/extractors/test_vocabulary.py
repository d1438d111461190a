"""English vocabulary lives in the lexicon's data files, not in Python (text and entities)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("extractors/text", "extractors/entities")
MAX_WORDS = 4   # a few words inline are fine ("former", "late", "acting")


def _word_lists(path: Path):
    """Literal sets, lists, tuples and dict keys of more than MAX_WORDS lower-case words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        items = node.elts if isinstance(node, (ast.Set, ast.List, ast.Tuple)) else \
            node.keys if isinstance(node, ast.Dict) else []
        words = [e.value for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)
                 and e.value.isalpha() and e.value.islower()]
        if len(words) > MAX_WORDS:
            yield node.lineno, words


@pytest.mark.parametrize("path", sorted(p for pkg in PACKAGES for p in (ROOT / pkg).glob("*.py")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_vocabulary_no_word_list_in_python(path):
    assert list(_word_lists(path)) == []
