"""Records to RDF: entities, direct triples only for asserted facts, statements."""
from __future__ import annotations

from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic, graph_diff, to_isomorphic
from rdflib.namespace import PROV, SKOS

from extractors.records import DocumentRecord, Entity, Fact, Factuality, Mention, Sentence
from graph.build import build_graph
from graph.iris import document_iri, entity_iri
from ontology import KGB, OPEN


def _record(doc_id="d1", factuality=Factuality.ASSERTED, relation="attacked", open_=False,
            aliases=()):
    sent = Sentence("Hamas attacked Sderot.", 0, 22)
    hamas = Mention("Hamas", 0, 5, "hamas")
    sderot = Mention("Sderot", 15, 21, "sderot")
    return DocumentRecord(
        doc_id=doc_id, text=sent.text,
        entities=(Entity("hamas", "Hamas", "ArmedGroup", aliases),
                  Entity("sderot", "Sderot", "City")),
        facts=(Fact(hamas, relation, sderot, sent, "verb-active", open_, factuality),))


HAMAS = entity_iri("Hamas", "ArmedGroup")
SDEROT = entity_iri("Sderot", "City")


def test_build_asserted_fact_is_a_direct_triple():
    g = build_graph([_record()])
    assert (HAMAS, KGB.attacked, SDEROT) in g


def test_build_unasserted_fact_is_a_statement_without_direct_triple():
    g = build_graph([_record(factuality=Factuality.NEGATED)])
    assert (HAMAS, KGB.attacked, SDEROT) not in g
    st = g.value(predicate=RDF.subject, object=HAMAS)
    assert g.value(st, KGB.factuality) == Literal("negated")


def test_build_statement_records_document_and_sentence():
    g = build_graph([_record()])
    st = g.value(predicate=RDF.subject, object=HAMAS)
    assert g.value(st, RDF.predicate) == KGB.attacked
    assert g.value(st, KGB.sentence) == Literal("Hamas attacked Sderot.")
    assert g.value(st, PROV.wasDerivedFrom) is not None


def test_build_entities_have_type_label_and_altlabels():
    g = build_graph([_record(aliases=("Harakat al-Muqawama",))])
    assert (HAMAS, RDF.type, KGB.ArmedGroup) in g
    assert g.value(HAMAS, RDFS.label) == Literal("Hamas")
    assert (HAMAS, SKOS.altLabel, Literal("Harakat al-Muqawama")) in g


def test_build_open_relation_keeps_the_verb_outside_the_inventory():
    g = build_graph([_record(relation="shell", open_=True)])
    assert (HAMAS, OPEN.shell, SDEROT) in g
    assert not [p for p in g.predicates(HAMAS, SDEROT) if str(p).startswith(str(KGB))]


def test_build_is_independent_of_record_order():
    a, b = _record("d1"), _record("d2", relation="shell", open_=True)
    g1, g2 = build_graph([a, b]), build_graph([b, a])
    if not isomorphic(g1, g2):
        _, only1, only2 = graph_diff(to_isomorphic(g1), to_isomorphic(g2))
        raise AssertionError(f"only in first: {sorted(only1)}\nonly in second: {sorted(only2)}")



def _kh_records():
    """d1 says "Kataib Hezbollah (KH)"; d2 says only "KH", so its entity merges into d1's."""
    text1 = "Kataib Hezbollah attacked Sderot."
    sent1 = Sentence(text1, 0, len(text1))
    kh1, sderot = Mention("Kataib Hezbollah", 0, 16, "kh"), Mention("Sderot", 26, 32, "sderot")
    d1 = DocumentRecord("d1", text1, (Entity("kh", "Kataib Hezbollah", "ArmedGroup", ("KH",)),
                                      Entity("sderot", "Sderot", "City")),
                        (Fact(kh1, "attacked", sderot, sent1, "verb-active"),))
    text2 = "KH attacked Sderot."
    sent2 = Sentence(text2, 0, len(text2))
    kh2, sderot2 = Mention("KH", 0, 2, "kh"), Mention("Sderot", 12, 18, "sderot")
    d2 = DocumentRecord("d2", text2, (Entity("kh", "KH", "Organization"), Entity("sderot", "Sderot", "City")),
                        (Fact(kh2, "attacked", sderot2, sent2, "verb-active", reported_by=kh2),))
    return [d1, d2]


def test_build_adds_a_documents_layer_as_its_record_comes():
    from rdflib import Graph
    from graph.build import bind_prefixes
    from graph.iris import document_iri
    g = bind_prefixes(Graph())
    seen = {}

    def records():
        first, second = _kh_records()
        yield first
        # before the second record comes, the first one's document and statement are there
        seen["document"] = (document_iri("d1"), RDF.type, KGB.Document) in g
        seen["statements"] = len(set(g.subjects(RDF.type, KGB.Statement)))
        yield second

    build_graph(records(), g=g)
    assert seen == {"document": True, "statements": 1}


def test_build_corrects_the_layer_of_a_document_whose_entity_merged_under_another_name():
    from rdflib import Graph
    from graph.aliases import resolve_entities
    from graph.build import add_document_layer, add_shared, bind_prefixes, document_iris
    records = _kh_records()
    g = build_graph(records)
    # the layers made with the merged entities' IRIs from the start
    resolution = resolve_entities(records)
    want = add_shared(bind_prefixes(Graph()), records, resolution)
    for rec in records:
        add_document_layer(want, rec, iris=document_iris(rec, resolution))
    kh = entity_iri("Kataib Hezbollah", "ArmedGroup")
    assert resolution.iri("d2", "kh") == kh != entity_iri("KH", "Organization")
    assert set(g) == set(want)
    assert not [t for t in g if entity_iri("KH", "Organization") in t]


def test_build_correcting_a_guess_that_is_another_entitys_iri_keeps_that_entitys_triples():
    from rdflib import Graph
    from graph.build import add_document_layer, correct_layer
    d1 = _kh_records()[0]
    kh = entity_iri("Kataib Hezbollah", "ArmedGroup")
    guessed = {"kh": SDEROT, "sderot": SDEROT}      # a wrong guess that names Sderot's node
    iris = {"kh": kh, "sderot": SDEROT}
    g = correct_layer(add_document_layer(Graph(), d1, iris=guessed), d1, guessed=guessed, iris=iris)
    assert set(g) == set(add_document_layer(Graph(), d1, iris=iris))
    assert (SDEROT, KGB.mentionedIn, document_iri("d1")) in g
