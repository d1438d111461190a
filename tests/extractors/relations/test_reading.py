"""Reading a document's relations: every rule once per fact, the narrowest relation per pair."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,expected", [
    # the head of a group is a member too: leaderOf (rdfs:subPropertyOf memberOf) is kept alone
    ("A drone strike killed the emir of the Red Hand, Omar Tahir, on Sunday. Tahir had been a "
     "leader of the Red Hand for a decade.",
     {("Omar Tahir", "leaderOf", "Red Hand")}),
    # a member who heads nothing stays a member
    ("Omar Tahir had been a leader of the Red Hand for a decade.",
     {("Omar Tahir", "memberOf", "Red Hand")}),
])
def test_reading_keeps_the_narrowest_relation_of_a_pair(triples, text, expected):
    assert triples(text) == expected
