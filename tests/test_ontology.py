"""The core ontology: it parses, is consistent under OWL RL, and documents itself in four languages."""

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF

from catalogue.checks.consistency import owl_rl_problems
from catalogue.model.ontology import ontology_terms
from catalogue.namespaces import LANGUAGES, ONTOLOGY_IRI, OVG


def test_ontology_parses_and_declares_terms(ontology_graph):
    terms = ontology_terms(ontology_graph)
    assert len(terms) >= 40
    kinds = {t.kind for t in terms}
    assert {"class", "object property", "datatype property"} <= kinds


def test_header_has_publication_metadata(ontology_graph):
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ontology_graph
    for predicate in (DCTERMS.title, DCTERMS.description, OWL.versionIRI, OWL.versionInfo, DCTERMS.license,
                      DCTERMS.creator, DCTERMS.created, DCTERMS.modified):
        assert ontology_graph.value(onto, predicate) is not None, predicate
    assert str(ontology_graph.value(onto, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
    titles = {o.language for o in ontology_graph.objects(onto, DCTERMS.title)}
    assert set(LANGUAGES) <= titles


def test_every_term_labelled_and_defined_in_four_languages(ontology_graph):
    missing = []
    for term in ontology_terms(ontology_graph):
        for lang in LANGUAGES:
            if not term.labels.get(lang, "").strip():
                missing.append(f"{term.local_name}: label@{lang}")
            if not term.definitions.get(lang, "").strip():
                missing.append(f"{term.local_name}: definition@{lang}")
        if term.defined_by != (ONTOLOGY_IRI,):
            missing.append(f"{term.local_name}: rdfs:isDefinedBy")
    assert missing == []


def test_every_ovg_iri_used_in_the_ontology_is_declared(ontology_graph):
    declared = {URIRef(t.iri) for t in ontology_terms(ontology_graph)}
    used = {term for triple in ontology_graph for term in triple
            if isinstance(term, URIRef) and str(term).startswith(str(OVG))}
    assert used - declared == set()


def test_owl_rl_closure_is_consistent(ontology_graph):
    assert owl_rl_problems(ontology_graph) == []


def test_owl_rl_check_detects_planted_inconsistencies(ontology_graph):
    """The consistency test above must be able to fail."""
    g = Graph()
    for triple in ontology_graph:
        g.add(triple)
    x, y = URIRef("https://example.org/x"), URIRef("https://example.org/y")
    g.add((OVG.Pupil, OWL.disjointWith, OVG.Guardian))
    g.add((x, RDF.type, OVG.Pupil))
    g.add((x, RDF.type, OVG.Guardian))
    g.add((x, OWL.sameAs, y))
    g.add((x, OWL.differentFrom, y))
    problems = owl_rl_problems(g)
    assert any("disjoint" in p.lower() for p in problems)
    assert any("owl:sameAs and owl:differentFrom" in p for p in problems)
