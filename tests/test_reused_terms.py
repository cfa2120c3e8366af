"""Every term the project uses from a reused vocabulary really exists in that vocabulary.

rdflib's DefinedNamespaces list SKOS, PROV, ORG, DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, XSD, SH and VANN;
for the others we keep term lists with their sources in tests/vocab_terms/.
"""

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VANN, XSD

from catalogue.namespaces import defined_terms

TERM_LISTS = Path(__file__).parent / "vocab_terms"
RDFLIB_VOCABULARIES = (DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VANN, XSD)


def _term_list(name: str) -> tuple[str, set[str]]:
    lines = (TERM_LISTS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    namespace = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("# namespace:"))
    terms = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return namespace, {namespace + term for term in terms}


def known_vocabularies() -> dict[str, set[str]]:
    known = {str(ns): defined_terms(ns) for ns in RDFLIB_VOCABULARIES}
    for path in sorted(TERM_LISTS.glob("*.txt")):
        namespace, terms = _term_list(path.stem)
        known[namespace] = terms
    return known


def _used_iris(graph):
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                yield term
            elif isinstance(term, Literal) and term.datatype is not None:
                yield term.datatype


def test_term_lists_name_their_source():
    for path in TERM_LISTS.glob("*.txt"):
        head = path.read_text(encoding="utf-8").splitlines()[:5]
        assert any(line.startswith("# source:") for line in head), path.name


@pytest.mark.parametrize("folder", ["ontology", "vocab", "shapes"])
def test_every_reused_term_exists(catalogue, folder):
    known = known_vocabularies()
    missing = set()
    for iri in _used_iris(catalogue.union(folder)):
        for namespace, terms in known.items():
            local = str(iri)[len(namespace):]
            if str(iri).startswith(namespace) and local and "/" not in local and "#" not in local:
                if str(iri) not in terms:
                    missing.add(str(iri))
    assert sorted(missing) == []


def test_the_check_catches_an_invented_term(catalogue):
    known = known_vocabularies()
    invented = "https://w3id.org/dpv#hasLegalBasisForChildren"
    assert invented not in known["https://w3id.org/dpv#"]
    assert str(SKOS.prefLabel) in known[str(SKOS)]
