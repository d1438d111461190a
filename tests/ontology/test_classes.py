"""Class groups come from rdfs:subClassOf in kgb.ttl."""
from __future__ import annotations

import pytest

from ontology.classes import subclasses_of


@pytest.mark.parametrize("name,expected", [
    ("Organization", {"Organization", "ArmedGroup", "GovernmentBody"}),
    ("Place", {"Place", "Country", "City", "Region", "Facility"}),
    ("Actor", {"Actor", "Person", "Organization", "ArmedGroup", "GovernmentBody", "Country"}),
    ("Person", {"Person"}),
])
def test_classes_subclasses_of(name, expected):
    assert subclasses_of(name) == expected


def test_classes_unknown_class_lists_the_choices():
    with pytest.raises(ValueError, match="no class kgb:Militia.*ArmedGroup"):
        subclasses_of("Militia")
