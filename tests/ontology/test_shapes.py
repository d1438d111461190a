"""The SHACL shapes: well-formed, and their relation list equal to the inventory."""
from __future__ import annotations

from rdflib import RDF, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from ontology import KGB, load_ontology, load_relations

SHAPES = URIRef("https://w3id.org/kgbuilder/shapes#RelationShape")


def test_shapes_relation_list_is_the_inventory():
    g = load_ontology("shapes.ttl")
    alternatives = Collection(g, g.value(SHAPES, SH["or"]))
    [listed] = [Collection(g, g.value(alt, SH["in"])) for alt in alternatives
                if g.value(alt, SH["in"]) is not None]
    assert set(listed) == {KGB[r.name] for r in load_relations()}


def test_shapes_are_valid_shacl():
    from pyshacl import validate
    # the SHACL-SHACL meta-shapes check the shapes graph itself
    conforms, _, text = validate(Graph(), shacl_graph=load_ontology("shapes.ttl"), meta_shacl=True)
    assert conforms, text


def test_shapes_target_statements_documents_and_entities():
    g = load_ontology("shapes.ttl")
    targets = set(g.objects(None, SH.targetClass))
    assert {KGB.Statement, KGB.Document} <= targets
    assert (None, SH.targetObjectsOf, RDF.subject) in g
