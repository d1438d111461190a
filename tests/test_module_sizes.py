"""Small modules with one concept each: no module of the project is over 400 lines."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extractors", "graph", "exports", "ontology", "bench")
LIMIT = 400


def test_module_sizes_no_module_over_400_lines():
    modules = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")]
    assert len(modules) > 50
    too_long = {str(p.relative_to(ROOT)): n for p in modules
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert too_long == {}
