"""A relation added in the ontology alone works as a verb and as a noun."""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Literal, Namespace

from extractors import TextInput, extract
from ontology import cue_table, load_ontology, relations_of

KGB = Namespace(str(load_ontology().namespace_manager.store.namespace("kgb")))


def _with_relation():
    """The ontology graph plus a relation ``blockaded`` with a verb and a noun cue."""
    g = load_ontology()
    rel = KGB.blockaded
    for triple in [(rel, RDF.type, OWL.ObjectProperty), (rel, RDF.type, KGB.Relation),
                   (rel, RDFS.label, Literal("blockaded", lang="en")),
                   (rel, RDFS.comment, Literal("The subject blockaded the object.", lang="en")),
                   (rel, RDFS.domain, KGB.Actor), (rel, RDFS.range, KGB.Entity),
                   (rel, KGB.family, KGB.CoercionFamily),
                   (rel, KGB.verbCue, Literal("blockade")),
                   (rel, KGB.nounCue, Literal("blockade")),
                   (rel, KGB.targetPreposition, Literal("of"))]:
        g.add(triple)
    return cue_table(relations_of(g))


def _facts(nlp, cues, text):
    rec = next(extract([TextInput("t", text)], nlp=nlp, cues=cues))
    names = {e.key: e.name for e in rec.entities}
    return {(names[f.subject.entity], f.relation, names[f.object.entity], f.rule)
            for f in rec.facts}


def test_ontology_relations_new_relation_as_verb_and_noun(nlp):
    cues = _with_relation()
    assert ("Israel", "blockaded", "Gaza", "verb-active") in _facts(
        nlp, cues, "Israel blockaded Gaza in 2007.")
    assert ("Israel", "blockaded", "Gaza", "nominal-event") in _facts(
        nlp, cues, "Israel's blockade of Gaza continued for years.")


def test_ontology_relations_symmetry_comes_from_owl():
    g = load_ontology()
    g.remove((KGB.contacted, RDF.type, OWL.SymmetricProperty))
    assert "contacted" not in cue_table(relations_of(g)).symmetric
