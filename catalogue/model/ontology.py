"""The ontology's own terms (``ovg:``) as plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from catalogue.model.text import by_language, iris
from catalogue.namespaces import OVG

KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
}


@dataclass(frozen=True)
class OntologyTerm:
    iri: str
    kind: str
    labels: dict[str, str]
    definitions: dict[str, str]
    domain: tuple[str, ...]
    range: tuple[str, ...]
    parents: tuple[str, ...]
    defined_by: tuple[str, ...]

    @property
    def local_name(self) -> str:
        return self.iri.removeprefix(str(OVG))


def ontology_terms(graph: Graph) -> list[OntologyTerm]:
    """Every ``ovg:`` resource the graph declares as a class or property, sorted by IRI."""
    terms = []
    for subject in sorted(set(graph.subjects(RDF.type, None))):
        if not (isinstance(subject, URIRef) and str(subject).startswith(str(OVG))):
            continue
        kind = next((KINDS[t] for t in graph.objects(subject, RDF.type) if t in KINDS), None)
        if kind is None:
            continue
        definitions = by_language(graph, subject, RDFS.comment) or by_language(graph, subject, SKOS.definition)
        parents = iris(graph, subject, RDFS.subClassOf) + iris(graph, subject, RDFS.subPropertyOf)
        terms.append(OntologyTerm(
            iri=str(subject),
            kind=kind,
            labels=by_language(graph, subject, RDFS.label),
            definitions=definitions,
            domain=iris(graph, subject, RDFS.domain),
            range=iris(graph, subject, RDFS.range),
            parents=parents,
            defined_by=iris(graph, subject, RDFS.isDefinedBy),
        ))
    return terms


def subclasses(graph: Graph, root: URIRef) -> set[URIRef]:
    """``root`` and every class below it by rdfs:subClassOf, however deep (cycles are harmless)."""
    found, todo = {root}, [root]
    while todo:
        for child in graph.subjects(RDFS.subClassOf, todo.pop()):
            if isinstance(child, URIRef) and child not in found:
                found.add(child)
                todo.append(child)
    return found
