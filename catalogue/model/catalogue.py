"""Load the repository's RDF once and build every typed view from it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from catalogue.model.concepts import Concept, FalseFriend, Mapping, concepts, false_friends, mappings
from catalogue.model.jurisdictions import Registry, registry
from catalogue.model.ontology import OntologyTerm, ontology_terms
from catalogue.model.transitions import Responsibility, Transition, responsibilities, transitions
from catalogue.source.loader import Catalogue, load
from catalogue.source.locate import CatalogueLocation


@dataclass
class CatalogueViews:
    catalogue: Catalogue
    graph: Graph  # union of ontology/ and vocab/: the knowledge graph the views read
    registry: Registry
    ontology_terms: list[OntologyTerm]
    concepts: dict[str, Concept]
    mappings: list[Mapping]
    false_friends: list[FalseFriend]
    transitions: dict[str, Transition]
    responsibilities: dict[str, Responsibility]


def build_views(location: CatalogueLocation, catalogue: Catalogue | None = None) -> CatalogueViews:
    catalogue = catalogue if catalogue is not None else load(location)
    graph = catalogue.union("ontology", "vocab")
    jurisdictions = registry(graph)
    return CatalogueViews(
        catalogue=catalogue,
        graph=graph,
        registry=jurisdictions,
        ontology_terms=ontology_terms(catalogue.union("ontology")),
        concepts=concepts(graph, jurisdictions),
        mappings=mappings(graph, jurisdictions),
        false_friends=false_friends(graph),
        transitions=transitions(graph, jurisdictions),
        responsibilities=responsibilities(graph, jurisdictions),
    )
