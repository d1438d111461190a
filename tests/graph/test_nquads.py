"""graph/nquads.py: N-Quads text for the store's bulk loads, and a bulk load on a thread."""
from __future__ import annotations

import os
import signal
import threading

import pyoxigraph as ox
import pytest
from rdflib import XSD, BNode, Literal, URIRef

from graph.nquads import LoadBehind, TripleSet, nquads, term_nt, triple_lines

A, B, C = URIRef("urn:kgb:a"), URIRef("urn:kgb:b"), URIRef("urn:kgb:c")
TERMS = [Literal('she said "no"\nthen left \\ twice'), Literal("Hallo", lang="de"),
         Literal(7, datatype=XSD.nonNegativeInteger), Literal("2024-03-01", datatype=XSD.date), C]


@pytest.mark.parametrize("term", TERMS)
def test_nquads_term_written_as_oxigraph_reads_it(term):
    [quad] = ox.parse(nquads(TripleSet().add((A, B, term)), "urn:kgb:g").encode(), ox.RdfFormat.N_QUADS)
    assert quad.graph_name == ox.NamedNode("urn:kgb:g")
    assert term_nt(term) == str(quad.object)
    assert quad.object.value == str(term)


def test_nquads_shared_term_objects_written_each_time():
    one = Literal(3, datatype=XSD.nonNegativeInteger)
    g = TripleSet().add((A, B, one)).add((C, B, one)).add((A, C, Literal("x")))
    lines = sorted(triple_lines(g))
    assert lines == sorted([f"<{A}> <{B}> {term_nt(one)} .", f"<{C}> <{B}> {term_nt(one)} .",
                            f'<{A}> <{C}> "x" .'])


def test_nquads_blank_node_and_default_graph():
    text = nquads(TripleSet().add((BNode("n1"), B, C)), None)
    assert text == f"_:n1 <{B}> <{C}> .\n"


def test_load_behind_loads_on_a_thread_of_its_own():
    store = ox.Store()
    data = "".join(f"<urn:kgb:s{i}> <{B}> <{C}> .\n" for i in range(1000)).encode()
    with LoadBehind(store, data) as load:
        loader = load._thread
    assert loader.ident not in (None, threading.get_ident()) and not loader.is_alive()
    assert len(store) == 1000


def test_load_behind_raises_the_loads_error_when_the_block_ends():
    store = ox.Store()
    with pytest.raises(SyntaxError):
        with LoadBehind(store, b"<urn:kgb:a> <urn:kgb:b> .\n"):
            pass


def test_load_behind_block_error_wins_and_the_load_is_finished():
    store = ox.Store()
    with pytest.raises(KeyError):
        with LoadBehind(store, f"<{A}> <{B}> <{C}> .\n".encode()):
            raise KeyError("block")
    assert len(store) == 1


def test_load_behind_ctrl_c_in_the_block_waits_for_the_load():
    store = ox.Store()
    data = "".join(f"<urn:kgb:s{i}> <{B}> <{C}> .\n" for i in range(20000)).encode()
    with pytest.raises(KeyboardInterrupt):
        with LoadBehind(store, data):
            raise KeyboardInterrupt
    assert len(store) == 20000


class _CtrlCThenLoad:
    """A real Oxigraph store whose bulk load is preceded by a Ctrl-C to this process."""

    def __init__(self):
        self.store = ox.Store()

    def bulk_load(self, data, fmt):
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C as the load starts
        self.store.bulk_load(data, fmt)


def test_load_behind_ctrl_c_while_waiting_lets_the_load_finish():
    target = _CtrlCThenLoad()
    data = "".join(f"<urn:kgb:s{i}> <{B}> <{C}> .\n" for i in range(50000)).encode()
    with pytest.raises(KeyboardInterrupt):
        with LoadBehind(target, data):
            pass
    assert len(target.store) == 50000
