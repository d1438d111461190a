"""The country a document is about: the one its names keep returning to.

Read by reference resolution ("government troops", "a government spokesman" stand for it)
and by the rules ("President X" with no country named heads it).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from extractors.records import Entity, Mention

# a country dominates when it has at least this many name mentions ...
MIN_MENTIONS = 5
# ... and this many times as many as the next country
DOMINANCE = 3


def document_country(names: Iterable[Mention], entities: Mapping[str, Entity]) -> Mention | None:
    """The country a document is about, when one clearly dominates its name mentions; its
    first mention, or None.

    >>> from extractors.records import Entity, Mention
    >>> ents = {"ke": Entity("ke", "Kenya", "Country"), "ug": Entity("ug", "Uganda", "Country")}
    >>> ms = [Mention("Kenya", i * 10, i * 10 + 5, "ke") for i in range(5)]
    >>> document_country(ms + [Mention("Uganda", 99, 105, "ug")], ents).start
    0
    >>> document_country(ms + [Mention("Uganda", 99 + i, 105 + i, "ug") for i in range(2)], ents)
    """
    counts: dict[str, list[Mention]] = {}
    for m in set(names):
        if entities[m.entity].cls == "Country":
            counts.setdefault(m.entity, []).append(m)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < MIN_MENTIONS or (
            len(ranked) > 1 and len(ranked[0]) < DOMINANCE * len(ranked[1])):
        return None
    return min(ranked[0], key=lambda m: m.start)
