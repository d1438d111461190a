"""The merge over name forms decides as merging every document entity does."""
from __future__ import annotations

import random

import pytest

from extractors.records import Entity
from graph.aliases import resolve_entities
from graph.forms import Form, form_key, merge_forms
from tests.graph.reference_aliases import reference_resolve
from tests.graph.test_aliases import CLASSES, TRICKY_NAMES, _doc


def _corpus(rnd: random.Random) -> list:
    """Up to 25 documents drawing on a few tricky names, so forms recur across documents."""
    names = rnd.sample(TRICKY_NAMES, rnd.randint(3, 10))
    return [_doc(f"d{rnd.randint(0, 99):02d}-{i}",
                 *[(rnd.choice(names), rnd.choice(CLASSES), *rnd.sample(names, rnd.randint(0, 2)))
                   for _ in range(rnd.randint(1, 5))])
            for i in range(rnd.randint(2, 25))]


@pytest.mark.parametrize("seed", range(4))
def test_forms_merge_decides_as_comparing_every_entity_when_forms_recur(seed):
    # a form's later entity decides again once its group took a new root (step 2)
    rnd = random.Random(seed)
    for _ in range(150):
        records = _corpus(rnd)
        assert resolve_entities(records) == reference_resolve(records)


def test_forms_form_key_is_name_and_class_unless_the_name_has_no_letters():
    assert form_key("a", Entity("e1", "KH", "ArmedGroup")) == form_key("b", Entity("e7", "KH", "ArmedGroup"))
    assert form_key("a", Entity("e1", "KH", "ArmedGroup")) != form_key("a", Entity("e1", "KH", "Organization"))
    assert form_key("a", Entity("e1", "--", "City")) != form_key("b", Entity("e1", "--", "City"))


def test_forms_merge_gives_each_form_its_node_and_reasons():
    forms = [Form("KH", "ArmedGroup", ("b", "e0"), (), 1),
             Form("Kataib Hezbollah", "ArmedGroup", ("a", "e0"), ("KH",), 2),
             Form("Hamas", "ArmedGroup", ("c", "e0"), (), 1)]
    merged = merge_forms(forms, later=lambda i, at: None)
    assert merged.group == (1, 1, 2)
    assert merged.first_why == (("a name it was given in another document", "Kataib Hezbollah"),
                                None, None)
    assert merged.rest_why == (("same name", "KH"), ("same name", "Kataib Hezbollah"),
                               ("same name", "Hamas"))
