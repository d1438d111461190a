"""Merging entities across documents: one node per thing, none for two things, any order."""
from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import SKOS

from extractors.records import DocumentRecord, Entity
from graph.aliases import dependency_keys, explain, find_entities, read_entities, resolve_entities
from graph.build import build_graph
from ontology import KGB
from tests.conftest import shared


def _doc(doc_id: str, *entities: tuple) -> DocumentRecord:
    """A record with entities given as (name, class, aliases...) tuples."""
    ents = tuple(Entity(key=f"e{i}", name=e[0], cls=e[1], aliases=tuple(e[2:]), mentions=1)
                 for i, e in enumerate(entities))
    return DocumentRecord(doc_id=doc_id, text="", entities=ents, facts=())


def _nodes(*records: DocumentRecord) -> list[set[str]]:
    """The merged nodes as sets of the document entity names in them."""
    res = resolve_entities(records)
    groups: dict = {}
    for rec in records:
        for ent in rec.entities:
            groups.setdefault(res.iri(rec.doc_id, ent.key), set()).add(ent.name)
    return sorted(groups.values(), key=sorted)


@pytest.mark.parametrize("a,b", [
    (("Kataib Sayyid al-Shuhada", "ArmedGroup"), ("Kataeb Sayyid al-Shuhada", "ArmedGroup")),
    (("Hizballah", "ArmedGroup"), ("Hezbollah", "Organization")),   # kinds agree: org
    (("Syrian Democratic Forces", "ArmedGroup", "SDF"), ("SDF", "Organization")),  # alias
    (("Popular Mobilization Forces", "ArmedGroup"), ("PMF", "Organization")),       # initials
    (("Lloyd J. Austin", "Person"), ("Lloyd Austin", "Person")),
    (("United States", "Country", "U.S."), ("United States", "Country", "America")),
    (("Ministry of Foreign Affairs", "GovernmentBody"), ("Foreign Ministry", "GovernmentBody")),
])
def test_aliases_same_entity_merges_across_documents(a, b):
    assert len(_nodes(_doc("d1", a), _doc("d2", b))) == 1


@pytest.mark.parametrize("entities", [
    # three organisations sharing a word
    [("Hezbollah", "ArmedGroup"), ("Kataib Hezbollah", "ArmedGroup", "KH"),
     ("Harakat Hezbollah al-Nujaba", "ArmedGroup", "Harakat Hezbollah")],
    # two people sharing a surname, each called by it in their own document
    [("Mark Kelly", "Person", "Kelly"), ("Scott Kelly", "Person", "Kelly"), ("Kelly", "Person")],
    # a bare surname in a text that never says which person: not guessed from another text
    [("Imran Khan", "Person", "Khan"), ("Khan", "Person")],
    # a type clash: the country and a person
    [("Jordan", "Country"), ("Jordan", "Person")],
    # an acronym two long names fit
    [("Popular Mobilization Party", "Organization"), ("Progressive Movement of Peace",
                                                     "Organization"), ("PMP", "Organization")],
    # the capital standing for a government in one document, the city in another
    [("United States", "Country", "Washington"), ("Washington", "City")],
    # vowels that never alternate in romanisation
    [("Hussein Salami", "Person"), ("Hassan Salami", "Person")],
])
def test_aliases_different_entities_stay_apart(entities):
    records = [_doc(f"d{i}", e) for i, e in enumerate(entities)]
    assert len(_nodes(*records)) == len(entities)


#: Tricky pairs of our own: names that look alike but name two things.
TRICKY_PAIRS = [
    (("Islamic State", "ArmedGroup"), ("Islamic Jihad", "ArmedGroup")),
    (("Hamas", "ArmedGroup"), ("Hama", "City")),
    (("Hamas", "ArmedGroup"), ("Hamad", "Organization")),
    (("Ali Khamenei", "Person"), ("Mojtaba Khamenei", "Person")),
    (("Abu Bakr al-Baghdadi", "Person"), ("Abu Bakr", "Person")),
    (("Iraqi Security Forces", "GovernmentBody"), ("Syrian Democratic Forces", "ArmedGroup")),
    (("PKK", "ArmedGroup"), ("PYD", "Organization")),
    (("Niger", "Country"), ("Nigeria", "Country")),
    (("Georgia", "Country"), ("Georgia", "Person")),
    (("Sudan", "Country"), ("South Sudan", "Country")),
    (("Hussein Salami", "Person"), ("Hassan Salami", "Person")),
    (("Mohammed bin Salman", "Person"), ("Mohammed bin Zayed", "Person")),
    (("George W. Bush", "Person"), ("George H. W. Bush", "Person")),
    (("Ministry of Defence", "GovernmentBody"), ("Ministry of Interior", "GovernmentBody")),
    (("Quds Force", "GovernmentBody"), ("Qods Day", "Organization")),
]


@pytest.mark.parametrize("a,b", TRICKY_PAIRS)
def test_aliases_tricky_pairs_never_merge(a, b):
    assert len(_nodes(_doc("d1", a), _doc("d2", b))) == 2


def test_aliases_node_label_is_the_most_used_name():
    res = resolve_entities([_doc("d1", ("Kataeb Sayyid al-Shuhada", "ArmedGroup")),
                            _doc("d2", ("Kataib Sayyid al-Shuhada", "ArmedGroup")),
                            _doc("d3", ("Kataib Sayyid al-Shuhada", "ArmedGroup"))])
    node = res.node_of[("d1", "e0")]
    assert node.label == "Kataib Sayyid al-Shuhada"
    assert node.altlabels == ("Kataeb Sayyid al-Shuhada",)


@pytest.mark.parametrize("order", list(permutations(["d1", "d2", "d3"])))
def test_aliases_node_iri_is_the_first_documents_name_whatever_the_counts_or_order(order):
    # the label follows the counts, the IRI the name of the first document by id (not the
    # first read), so more documents with another spelling rename no IRI
    docs = {"d1": _doc("d1", ("Kataeb Sayyid al-Shuhada", "ArmedGroup")),
            "d2": _doc("d2", ("KSS", "ArmedGroup"), ("Kataib Sayyid al-Shuhada", "ArmedGroup", "KSS")),
            "d3": _doc("d3", ("Kataib Sayyid al-Shuhada", "ArmedGroup"))}
    node = resolve_entities([docs[d] for d in order]).node_of[("d1", "e0")]
    assert (node.label, str(node.iri).rsplit("/", 2)[1:]) == (
        "Kataib Sayyid al-Shuhada", ["org", "kataeb-sayyid-al-shuhada"])


def test_aliases_merge_is_independent_of_document_order():
    records = [_doc("d1", ("Lloyd Austin", "Person", "Austin")), _doc("d2", ("SDF", "Organization")),
               _doc("d3", ("Lloyd J. Austin", "Person")), _doc("d4", ("SDF", "ArmedGroup")),
               _doc("d5", ("Syrian Democratic Forces", "ArmedGroup"))]
    graphs = [build_graph(list(order)) for order in permutations(records)]
    assert all(isomorphic(graphs[0], g) for g in graphs[1:])


def test_aliases_graph_has_label_altlabels_type_count_and_reasons():
    g = build_graph([_doc("d1", ("Syrian Democratic Forces", "ArmedGroup", "SDF")),
                     _doc("d2", ("SDF", "Organization"))])
    node = next(g.subjects(RDFS.label, Literal("Syrian Democratic Forces")))
    assert (node, SKOS.altLabel, Literal("SDF")) in g
    assert (node, RDF.type, KGB.ArmedGroup) in g
    assert g.value(node, KGB.mentionCount).toPython() == 2
    reasons = {str(r) for r in g.objects(node, KGB.mergeReason)}
    assert any(r.startswith("SDF: a name it was given in another document") for r in reasons)


def test_aliases_explain_finds_the_entity_of_a_name_and_its_reason():
    g = build_graph([_doc("d1", ("Syrian Democratic Forces", "ArmedGroup", "SDF")),
                     _doc("d2", ("SDF", "Organization"))])
    rows = find_entities(read_entities(g), "sdf")
    assert [r.label for r in rows] == ["Syrian Democratic Forces"]
    assert "another document" in explain(rows[0], "SDF")[-1]


@pytest.mark.slow
def test_aliases_explain_one_mention_is_singular():
    g = build_graph([_doc("d1", ("Hamas", "ArmedGroup"))])
    [row] = read_entities(g)
    assert explain(row)[0].startswith("Hamas (ArmedGroup, 1 mention) <")


@pytest.mark.slow
def test_aliases_seeds_in_either_order_give_isomorphic_graphs(nlp, cues):
    from extractors import TextInput, extract

    seeds = sorted(shared("seeds").glob("*.txt"))
    assert len(seeds) >= 2, "the shared seeds are not all here"
    inputs = [TextInput(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    g1 = build_graph(extract(inputs, nlp=nlp, cues=cues))
    g2 = build_graph(extract(inputs[::-1], nlp=nlp, cues=cues))
    if not isomorphic(g1, g2):
        _, only1, only2 = graph_diff(to_isomorphic(g1), to_isomorphic(g2))
        raise AssertionError(f"only in first: {sorted(only1)[:10]}\nonly in second: {sorted(only2)[:10]}")


def test_aliases_read_entities_of_a_graph_without_counts():
    from rdflib import Graph, URIRef
    g = Graph()
    node = URIRef("https://w3id.org/kgbuilder/resource/org/hamas")
    g.add((node, RDF.type, KGB.ArmedGroup))
    g.add((node, RDFS.label, Literal("Hamas")))
    rows = read_entities(g)
    assert [(r.label, r.cls, r.mentions) for r in rows] == [("Hamas", "ArmedGroup", 0)]


def test_aliases_name_without_letters_does_not_break_merging():
    # regression: a name made of punctuation only ("\x1b", ":") has an empty key
    from extractors.records import DocumentRecord, Entity
    from graph.aliases import resolve_entities
    recs = [DocumentRecord("a", "", (Entity("x", ":", "Organization"),
                                     Entity("y", "\x1b", "Organization")), ())]
    assert len(resolve_entities(recs).nodes) == 2


# -- the index finds exactly the pairs that comparing every pair finds ------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.graph.reference_aliases import reference_resolve  # noqa: E402

#: names that meet every rule: variants, initials, acronyms, aliases, reordered institutions,
#: bare surnames, countries, names without letters, and near misses of each
TRICKY_NAMES = [
    "Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah", "KH", "Hezbollah", "Hizballah",
    "Qassem Soleimani", "Qasim Suleimani", "Qassem T. Soleimani", "Qassem H. Soleimani",
    "Soleimani", "Gen. Qassem Soleimani", "Hussein", "Hassan", "Mark Esper", "Mark T. Esper",
    "Esper", "Ministry of Foreign Affairs", "Foreign Ministry", "Department of Defense", "DoD",
    "Popular Mobilization Forces", "PMF", "PMU", "Popular Mobilization Units", "United States",
    "U.S.", "America", "Washington", "Ansarallah", "Ansar Allah", "Sudan", "Sedan", "---", "the Army",
]
CLASSES = ["Person", "ArmedGroup", "Organization", "GovernmentBody", "Country", "City"]

_entities = st.lists(st.tuples(st.sampled_from(TRICKY_NAMES), st.sampled_from(CLASSES),
                               st.lists(st.sampled_from(TRICKY_NAMES), max_size=2)),
                     min_size=1, max_size=5)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_entities, min_size=1, max_size=8))
def test_aliases_index_decides_as_comparing_every_pair(docs):
    records = [_doc(f"d{i}", *[(n, c, *a) for n, c, a in ents]) for i, ents in enumerate(docs)]
    assert resolve_entities(records) == reference_resolve(records)


@settings(max_examples=100, deadline=None)
@given(st.lists(_entities, min_size=2, max_size=8), st.randoms(use_true_random=False))
def test_aliases_index_is_independent_of_input_order(docs, rnd):
    records = [_doc(f"d{i}", *[(n, c, *a) for n, c, a in ents]) for i, ents in enumerate(docs)]
    shuffled = [DocumentRecord(r.doc_id, r.text, tuple(rnd.sample(r.entities, len(r.entities))),
                               r.facts) for r in rnd.sample(records, len(records))]
    assert resolve_entities(shuffled).nodes == resolve_entities(records).nodes


def test_aliases_index_decides_as_comparing_every_pair_on_a_generated_corpus():
    from bench.entity_records import entity_records

    records = entity_records(400, seed=3)
    assert resolve_entities(records) == reference_resolve(records)


@pytest.mark.slow
def test_aliases_index_decides_as_comparing_every_pair_on_seeds_and_examples(nlp, cues):
    from extractors import TextInput, extract
    from graph.inputs import read_inputs

    seeds = sorted(shared("seeds").glob("*.txt"))
    assert seeds, "the shared seeds are not all here"
    examples = Path(__file__).resolve().parents[2] / "examples"
    inputs = [TextInput(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    inputs += [t for t in read_inputs([str(examples)]) if isinstance(t, TextInput)]
    records = list(extract(inputs, nlp=nlp, cues=cues))
    assert len(records) >= 10
    assert resolve_entities(records) == reference_resolve(records)


def test_aliases_dependency_keys_cover_every_merge():
    # two entities one rule joins always share a dependency key (so a store that re-merges
    # only the entities connected to a new document through these keys misses no merge)
    from bench.entity_records import entity_records

    records = entity_records(300, seed=5)
    res = resolve_entities(records)
    members: dict = {}
    for rec in records:
        for ent in rec.entities:
            members.setdefault(res.iri(rec.doc_id, ent.key), []).append(ent)
    for ents in members.values():
        keys = [dependency_keys(e) for e in ents]
        linked, todo = {0}, [0]
        while todo:
            i = todo.pop()
            for j, k in enumerate(keys):
                if j not in linked and keys[i] & k:
                    linked.add(j)
                    todo.append(j)
        assert len(linked) == len(ents), [e.name for e in ents]
