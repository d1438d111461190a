"""graph/shacl_core.py finds what pySHACL, a general SHACL engine, finds: the same
violation lines on built graphs and on every kind of damage to each of their properties,
and it refuses a shape it does not implement rather than skip it."""
from __future__ import annotations

import pytest
from pyshacl import validate as pyshacl_validate
from pyshacl.errors import ReportableRuntimeError
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from graph.build import build_graph
from graph.shacl_core import UnsupportedShape, compile_shapes
from graph.validate import _shapes, _short, validate_graph
from tests.graph.factories import record


def reference_lines(g: Graph, shapes: Graph) -> set[str] | None:
    """pySHACL's violations of ``g``, as the lines :func:`graph.validate.validate_graph`
    writes; None where pySHACL gives up (it stops at a blank node to compare by
    ``sh:lessThan``, which SHACL counts as a violation)."""
    copy = Graph()  # pySHACL reads through a context-aware store; a built graph's has no contexts
    for triple in g:
        copy.add(triple)
    try:
        _, results, _ = pyshacl_validate(copy, shacl_graph=shapes, inference="none",
                                         advanced=False, allow_warnings=True)
    except ReportableRuntimeError:
        return None
    lines = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus, path = results.value(result, SH.focusNode), results.value(result, SH.resultPath)
        where = f"{_short(g, focus)} {_short(g, path)}" if path is not None else _short(g, focus)
        lines.add(" ".join(f"{where}: {results.value(result, SH.resultMessage)}".split()))
    return lines


def built() -> Graph:
    return build_graph([record(reporter="Avi Cohen", time="2020-W12", time_text="last week",
                               title="T", url="https://example.org/x", date="2020-03-20"),
                        record("d3", reporter="officials", named_reporter=False),
                        record("d2", verb="praised", relation="praise", open_=True)])


def _replace(g, triple, new_object):
    g.remove(triple)
    g.add((triple[0], triple[1], new_object))


#: one kind of damage to a triple: the graph changed in place
DAMAGES = {
    "removed": lambda g, t: g.remove(t),
    "object an IRI": lambda g, t: _replace(g, t, URIRef("https://example.org/elsewhere")),
    "object a blank node": lambda g, t: _replace(g, t, BNode("b0")),
    "object a plain literal": lambda g, t: _replace(g, t, Literal("some text")),
    "object an ill-typed date": lambda g, t: _replace(g, t, Literal("next Tuesday", datatype=XSD.date)),
    "object a negative integer": lambda g, t: _replace(g, t, Literal(-3)),
    "a second value": lambda g, t: g.add((t[0], t[1], Literal("another value"))),
    "subject a blank node": lambda g, t: (g.remove(t), g.add((BNode("s0"), t[1], t[2]))),
}


def test_shacl_core_conforms_where_pyshacl_does_on_a_built_graph():
    g = built()
    assert reference_lines(g, _shapes()) == set() and validate_graph(g).violations == ()


@pytest.mark.parametrize("damage", DAMAGES)
def test_shacl_core_reports_what_pyshacl_reports_for_each_property_damaged(damage):
    predicates = sorted({p for _, p, _ in built()})
    mismatches, reported = [], 0
    for p in predicates:
        g = built()
        triple = sorted(g.triples((None, p, None)))[0]
        DAMAGES[damage](g, triple)
        want, got = reference_lines(g, _shapes()), set(validate_graph(g).violations)
        if want is None:  # pySHACL gave up; SHACL says the pair violates the shape
            if not any("a span has one begin offset, before its end" in line for line in got):
                mismatches.append((str(p), sorted(got)))
            continue
        reported += bool(want)
        if want != got:
            mismatches.append((str(p), sorted(want ^ got)))
    assert not mismatches
    assert reported, "this damage broke no shape: the comparison tested nothing"


def _shapes_from(text: str) -> Graph:
    return Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <https://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        """ + text, format="turtle")


def test_shacl_core_follows_subclasses_nested_shapes_and_pairs_as_pyshacl_does():
    shapes = _shapes_from("""
        ex:S a sh:NodeShape ; sh:targetClass ex:Event ; sh:message "an event" ;
            sh:property [ sh:path ex:start ; sh:lessThan ex:end ; sh:message "starts before it ends" ] ,
                        [ sh:path ex:place ; sh:class ex:Place ; sh:message "happens at a place" ] ,
                        [ sh:path ex:label ; sh:minLength 3 ; sh:message "has a label of 3 letters" ] ,
                        [ sh:path ex:when ; sh:message "a date or a described time" ;
                          sh:or ( [ sh:datatype xsd:date ]
                                  [ sh:property [ sh:path ex:text ; sh:minCount 1 ] ] ) ] .
        """)
    data = Graph().parse(data="""
        @prefix ex: <https://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:Raid rdfs:subClassOf ex:Event . ex:Town rdfs:subClassOf ex:Place .
        ex:a a ex:Raid ; ex:start 1 ; ex:end 5 ; ex:place ex:gao ; ex:label "raid" ;
             ex:when "2020-01-02"^^xsd:date .
        ex:gao a ex:Town .
        ex:b a ex:Raid ; ex:start 7 ; ex:end 5 ; ex:place ex:nowhere ; ex:label "r" ;
             ex:when ex:t1 , "soon" .
        ex:t1 ex:text "last week" .
        ex:c a ex:Event ; ex:start "x" ; ex:end 2 ; ex:when ex:t2 .
        """, format="turtle")
    got = set(validate_graph(data, shapes=shapes).violations)
    assert got == reference_lines(data, shapes)
    assert {line.split(": ", 1)[1] for line in got} == {
        "starts before it ends", "happens at a place", "has a label of 3 letters",
        "a date or a described time"}
    assert not any(line.startswith("ex:a ") for line in got)


def test_shacl_core_refuses_a_constraint_it_does_not_implement():
    shapes = _shapes_from("""
        ex:S a sh:NodeShape ; sh:targetClass ex:Event ;
            sh:property [ sh:path ex:label ; sh:pattern "^[A-Z]" ] .
        """)
    with pytest.raises(UnsupportedShape, match="sh:pattern"):
        compile_shapes(shapes)


def test_shacl_core_refuses_a_path_other_than_a_predicate():
    shapes = _shapes_from("""
        ex:S a sh:NodeShape ; sh:targetClass ex:Event ;
            sh:property [ sh:path ( ex:place ex:country ) ; sh:minCount 1 ] .
        """)
    with pytest.raises(UnsupportedShape, match="predicate path"):
        compile_shapes(shapes)


def test_shacl_core_compiles_every_shape_of_the_ontology():
    compiled = compile_shapes(_shapes())
    node_shapes = set(_shapes().subjects(RDF.type, SH.NodeShape))
    assert {shapes[0].node for _, shapes in compiled.shapes} == node_shapes
    assert all(shape.message and not shape.message.startswith("violates ")
               for _, shapes in compiled.shapes for shape in shapes if shape.checks)
    assert RDFS.label in compiled.predicates
