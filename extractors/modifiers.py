"""Modifiers."""
from __future__ import annotations


def modifier_facts(sent, index, cues):
    return iter(())
