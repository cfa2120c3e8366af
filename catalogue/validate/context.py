"""What every validation needs from the catalogue: its knowledge graph and the handover shapes, loaded once."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from catalogue.source.loader import load
from catalogue.source.locate import HANDOVER_SHAPES, CatalogueLocation


@dataclass
class ValidationContext:
    knowledge: Graph  # the whole catalogue: labels for reports
    shapes: Graph


def context_for(location: CatalogueLocation) -> ValidationContext:
    from catalogue.validate.compiled import query_checks

    catalogue = load(location)
    query_checks.use_shipped(location.root)
    shapes = Graph()
    for triple in catalogue.graph_for(HANDOVER_SHAPES):
        shapes.add(triple)
    return ValidationContext(knowledge=catalogue.union("ontology", "vocab"), shapes=shapes)
