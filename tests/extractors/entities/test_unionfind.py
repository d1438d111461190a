"""One union-find for names within a document and entities across documents."""
from __future__ import annotations

from extractors.entities.unionfind import UnionFind


def test_unionfind_earliest_member_is_the_root_whatever_the_order():
    a, b = UnionFind(5), UnionFind(5)
    for i, j in [(3, 4), (1, 4), (0, 2)]:
        a.union(i, j)
    for i, j in [(0, 2), (4, 1), (4, 3)]:
        b.union(i, j)
    assert [a.root(i) for i in range(5)] == [b.root(i) for i in range(5)] == [0, 1, 0, 1, 1]


def test_unionfind_union_says_whether_it_joined():
    uf = UnionFind(3)
    assert (uf.union(0, 1), uf.union(1, 0), uf.union(2, 2)) == (True, False, False)
