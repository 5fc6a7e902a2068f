"""The RDF graph: SHACL-valid, deterministic, evidence on every fact, exported in four formats."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg import KnowledgeGraph
from kg.graph import (ACTION_TEXT, DOCUMENT, KG, MECHANISM, NIF_ANCHOR, NIF_BEGIN, NIF_END, NIF_REFERENCE_CONTEXT,
                      SENTENCE, WAS_DERIVED_FROM, load_ontology, union_graph, validate_graph)


@pytest.fixture(scope="module")
def report_graph(report_kg):
    return union_graph(report_kg.graph)


def test_report_graph_conforms_to_the_shapes(report_graph):
    conforms, text = validate_graph(report_graph)
    assert conforms, text[:3000]


def test_sample_graph_conforms_to_the_shapes(sample_kg):
    conforms, text = validate_graph(sample_kg.graph)
    assert conforms, text[:3000]


def test_shapes_catch_a_fact_without_evidence(report_graph):
    broken = Graph()
    for triple in report_graph:
        broken.add(triple)
    for fact in list(broken.subjects(RDF.type, KG["Duty"]))[:1] or list(broken.subjects(RDF.type, KG["Problem"]))[:1]:
        broken.remove((fact, WAS_DERIVED_FROM, None))
    conforms, text = validate_graph(broken)
    assert not conforms and "derived from" in text


def test_sentence_nodes_slice_back_to_their_text(report_kg, report_graph):
    doc = report_kg.documents_[0]
    sentences = list(report_graph.subjects(RDF.type, SENTENCE))
    assert len(sentences) == len(doc.sentences)
    for node in sentences:
        begin = report_graph.value(node, NIF_BEGIN).toPython()
        end = report_graph.value(node, NIF_END).toPython()
        assert str(report_graph.value(node, NIF_ANCHOR)) == doc.text[begin:end]
        assert str(node).endswith(f"#char={begin},{end}")
        assert (report_graph.value(node, NIF_REFERENCE_CONTEXT), RDF.type, DOCUMENT) in report_graph


def test_every_fact_points_to_a_sentence(report_graph):
    evidenced = set(report_graph.subjects(WAS_DERIVED_FROM, None))
    facts = set(report_graph.subjects(ACTION_TEXT, None)) | {
        s for s in report_graph.subjects(RDF.type, MECHANISM) if str(s).startswith("https://w3id.org/kg-policy/fact/")}
    assert facts and facts <= evidenced
    for target in report_graph.objects(None, WAS_DERIVED_FROM):
        assert (target, RDF.type, SENTENCE) in report_graph


def test_building_twice_gives_identical_triples(report_path):
    first = KnowledgeGraph().fit(report_path).graph
    second = KnowledgeGraph().fit(report_path).graph
    assert set(first.quads()) == set(second.quads())


def test_each_document_has_its_own_named_graph(shared_kg):
    names = {str(g.identifier) for g in shared_kg.graph.graphs()}
    for doc in shared_kg.documents_:
        assert f"https://w3id.org/kg-policy/doc/{doc.doc_id}" in names


@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"), (".trig", "trig")])
def test_export_round_trips(tmp_path, report_kg, report_graph, suffix, fmt):
    path = report_kg.export(tmp_path / f"graph{suffix}")
    if fmt == "trig":
        back = Dataset()
        back.parse(path, format=fmt)
        assert len(back) == len(report_graph)
    else:
        back = Graph().parse(path, format=fmt)
        assert len(back) == len(report_graph)
    assert not list(tmp_path.glob(".kg-*")), "the temporary file was left behind"


def test_export_refuses_an_unknown_format(tmp_path, report_kg):
    from kg.errors import KgError

    with pytest.raises(KgError, match="unknown graph format"):
        report_kg.export(tmp_path / "graph.xyz")


def test_ontology_terms_have_zh_and_en_labels():
    ontology = load_ontology()
    conforms, text = validate_graph(ontology)
    assert conforms, text[:3000]
    first_secretary = URIRef("https://w3id.org/kg-policy/vocab/FirstSecretary")
    labels = {(o.language, str(o)) for o in ontology.objects(first_secretary, SKOS.prefLabel)}
    assert ("zh", "第一书记") in labels and any(lang == "en" for lang, _ in labels)


def test_mentions_link_sentences_to_curated_roles(report_graph):
    mentioned = set(report_graph.objects(None, KG["mentions"]))
    assert URIRef("https://w3id.org/kg-policy/vocab/FirstSecretary") in mentioned
    assert Literal("第一书记", lang="zh") in set(report_graph.objects(URIRef("https://w3id.org/kg-policy/vocab/FirstSecretary"), SKOS.prefLabel))


def test_the_ontology_read_by_pyoxigraph_is_the_one_rdflib_reads():
    from rdflib.compare import to_isomorphic

    from kg.graph import ONTOLOGY_FILES
    from kg.resources import ontology_dir

    by_rdflib = Graph()
    for name in ONTOLOGY_FILES:
        by_rdflib.parse(ontology_dir() / name, format="turtle")
    ontology = load_ontology()
    assert len(ontology) == len(by_rdflib) > 3000
    assert to_isomorphic(ontology) == to_isomorphic(by_rdflib)
