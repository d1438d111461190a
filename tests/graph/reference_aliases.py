"""Today's cross-document merge, written the straightforward way: every pair of entities
of a block compared (quadratic). The tests hold :func:`graph.aliases.resolve_entities`,
which finds the same pairs through an index, to exactly these decisions."""
from __future__ import annotations

from extractors.entities.names import is_acronym, name_key
from graph.aliases import Resolution, _Merge, _same_name


def reference_resolve(records) -> Resolution:
    """The merge as it was written before the index: all pairs of a block, then aliases."""
    m = _Merge(records)
    entries = m.entries
    for idx in m.blocks.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                reason = _same_name(entries[i][1], entries[j][1])
                if reason:
                    m.join(i, j, reason)
    for idx in m.by_kind.values():
        owners, spelt = m.name_owners(idx)
        for j in idx:
            ent = entries[j][1]
            if ent.cls == "Person" and len(ent.name.split()) == 1:
                continue
            groups = owners.get(name_key(ent.name), set()) - {m.uf.root(j)}
            reason = "a name it was given in another document"
            if not groups and is_acronym(ent.name):
                letters = "".join(c for c in ent.name if c.isalpha()).upper()
                groups = spelt.get(letters, set()) - {m.uf.root(j)}
                reason = "acronym of the initials"
            if len(groups) == 1:
                target = next(iter(groups))
                if (entries[target][1].cls == "Country") != (ent.cls == "Country"):
                    continue
                m.join(target, j, reason)
    return m.resolution()
