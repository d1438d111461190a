"""Reading a written graph back, whatever its format; bad files get a one-line error."""
from __future__ import annotations

import pytest

from exports import Format, write_format
from graph.build import build_graph
from graph.load import GraphFileError, read_graph
from tests.exports.parsers import assert_isomorphic
from tests.graph.factories import record


@pytest.mark.parametrize("fmt", [Format.TURTLE, Format.NTRIPLES, Format.TRIG, Format.NQUADS,
                                 Format.JSONLD])
def test_load_reads_every_rdf_format_back_to_the_same_graph(tmp_path, fmt):
    g = build_graph([record(), record("d2", reporter="Avi Cohen")])
    assert_isomorphic(g, read_graph(write_format(g, fmt, tmp_path)))


@pytest.mark.parametrize("name,content,reason", [
    ("missing.ttl", None, "no such file"),
    ("graph.xml", "<rdf/>", "unknown graph format '.xml'; expected one of .ttl, .nt, .trig, .nq, .jsonld"),
    ("broken.nt", "<a> <b> .\n", "not a valid nt graph"),
    ("broken.jsonld", "{", "not a valid json-ld graph"),
])
def test_load_bad_file_is_one_line_naming_it(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(GraphFileError) as err:
        read_graph(path)
    message = str(err.value)
    assert message.startswith(f"{path}: {reason}") and "\n" not in message


def test_load_terms_are_those_rdflib_would_parse(tmp_path):
    # the fast parser gives the very terms rdflib's own does: typed values, tags, blank nodes
    from rdflib import Graph
    path = tmp_path / "terms.ttl"
    path.write_text('@prefix ex: <http://example.org/> .\n'
                    '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                    'ex:a ex:n 3 ; ex:d "2020-03-05"^^xsd:date ; ex:l "Bagdad"@fr ;\n'
                    '     ex:s "plain" ; ex:b [ ex:n "4"^^xsd:nonNegativeInteger ] .\n')
    expected = Graph().parse(path, format="turtle")
    got = read_graph(path)
    assert_isomorphic(expected, got)
    assert {type(o.toPython()) for o in got.objects()} == {type(o.toPython()) for o in expected.objects()}
