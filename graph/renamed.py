"""Entities a store renamed: ``old owl:sameAs new``, so saved queries and links keep working.

An entity's IRI comes from its canonical name, and a later document may give a better
one ("KH" becomes "Kataib Hezbollah" once a text spells it out). The store then writes
the entity under its new IRI, as a one-shot build of all its documents would, and keeps
a link from the old IRI to the new one in a named graph of its own
(:data:`RENAMED_GRAPH`), apart from the documents' graphs and the shared default graph,
so that what the store holds besides it still equals a one-shot build.

The links always point at an entity the store holds: a rename of a rename shortens to
the newest IRI, an IRI that names an entity again loses its link, and a link to an
entity that left the store (its documents removed) is dropped.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from ontology.terms import KGR

#: The named graph of the renaming links.
RENAMED_GRAPH = ox.NamedNode(f"{KGR}graph/renamed")
SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")


def renamed_iris(before: Mapping[str, str], after: Mapping[str, str]) -> dict[str, str]:
    """Old IRI -> new IRI of the entity keys of one unchanged document whose IRI changed.

    >>> renamed_iris({"a": "kgo:kh", "b": "kgl:x"}, {"a": "kgo:kataib", "b": "kgl:x"})
    {'kgo:kh': 'kgo:kataib'}
    """
    return {before[key]: iri for key, iri in after.items()
            if key in before and before[key] != iri}


def updated_links(links: Mapping[str, str], renamed: Mapping[str, str],
                  live: Iterable[str]) -> dict[str, str]:
    """The store's links after a write: old ones and new ``renamed`` ones, each pointing at
    an IRI in ``live`` (the entities the store now holds), chains shortened.

    >>> updated_links({"kgo:k": "kgo:kh"}, {"kgo:kh": "kgo:kataib"}, {"kgo:kataib"})
    {'kgo:k': 'kgo:kataib', 'kgo:kh': 'kgo:kataib'}
    >>> updated_links({"kgo:kh": "kgo:kataib"}, {}, {"kgo:kh"})   # "kgo:kh" is an entity again
    {}
    """
    live = set(live)
    merged = {**links, **renamed}

    def newest(iri: str) -> str:
        seen = set()
        while iri not in live and iri in merged and iri not in seen:
            seen.add(iri)
            iri = merged[iri]
        return iri

    out = {}
    for old, new in merged.items():
        target = newest(new)
        if old not in live and target in live and target != old:
            out[old] = target
    return dict(sorted(out.items()))


def stored_links(store: ox.Store) -> dict[str, str]:
    """The links the store holds, old IRI -> new IRI."""
    return {q.subject.value: q.object.value
            for q in store.quads_for_pattern(None, SAME_AS, None, RENAMED_GRAPH)}


def write_links(store: ox.Store, links: Mapping[str, str]) -> None:
    """Replace the store's links by ``links`` (nothing is written when they are the same)."""
    if dict(links) == stored_links(store):
        return
    store.remove_graph(RENAMED_GRAPH)
    if links:
        store.extend(ox.Quad(ox.NamedNode(old), SAME_AS, ox.NamedNode(new), RENAMED_GRAPH)
                     for old, new in links.items())
