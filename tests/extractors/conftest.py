"""Fixtures for the rules without verbs: facts compared by any name of their entities."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def stated(read):
    """Whether a text asserts a fact ``(subject, relation, object)``.

    Each end matches when it equals one of the entity's names (canonical name or
    alias); ``"Iraq|Iraqi"`` accepts either name, so a test states the pattern, not
    how the entity is named.
    """
    def _stated(text: str, expected: tuple[str, str, str]) -> bool:
        rec = read(text)
        names = {e.key: {e.name, *e.aliases} for e in rec.entities}
        subj, rel, obj = expected
        for f in rec.facts:
            if f.open or f.factuality.value != "asserted" or f.relation != rel:
                continue
            if names[f.subject.entity] & set(subj.split("|")) \
                    and names[f.object.entity] & set(obj.split("|")):
                return True
        return False
    return _stated


@pytest.fixture(scope="session")
def facts_of(read):
    """Every fact a text yields, as (subject, relation, object, factuality, rule) names."""
    def _facts(text: str) -> set[tuple[str, str, str, str, str]]:
        rec = read(text)
        names = {e.key: e.name for e in rec.entities}
        return {(names[f.subject.entity], f.relation, names[f.object.entity],
                 f.factuality.value, f.rule) for f in rec.facts}
    return _facts
