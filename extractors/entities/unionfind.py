"""One union-find for every merge of names: within a document (:mod:`extractors.entities.grouping`)
and across documents (:mod:`graph.aliases`). spaCy-free."""
from __future__ import annotations


class UnionFind:
    """Disjoint sets over ``0..n-1``; the smaller root stays the root, so the earliest
    member names a group whatever the order of the unions.

    >>> uf = UnionFind(4)
    >>> uf.union(2, 3), uf.union(3, 2), uf.union(1, 3)
    (True, False, True)
    >>> [uf.root(i) for i in range(4)]
    [0, 1, 1, 1]
    """

    def __init__(self, n: int):
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        """The representative of ``i``'s set."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        """Join the sets of ``i`` and ``j``; False when they were one already."""
        ri, rj = self.root(i), self.root(j)
        if ri == rj:
            return False
        self.parent[max(ri, rj)] = min(ri, rj)
        return True
