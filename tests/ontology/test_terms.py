"""The closed ``kgb:`` namespace against the terms ``kgb.ttl`` declares."""
from __future__ import annotations

import pytest
from rdflib import URIRef

from ontology import KGB, load_ontology


def _ttl_terms() -> set[str]:
    ns = str(KGB)
    return {str(t)[len(ns):] for triple in load_ontology() for t in triple
            if isinstance(t, URIRef) and str(t).startswith(ns) and str(t) != ns}


def test_terms_namespace_members_are_the_ontology_terms():
    declared = {name for name in KGB.__annotations__}
    assert declared == _ttl_terms()


def test_terms_misspelt_term_fails_at_once():
    with pytest.raises(AttributeError, match="attackd"):
        KGB.attackd  # noqa: B018
    with pytest.raises(AttributeError):
        KGB["attackd"]
