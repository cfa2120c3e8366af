"""What every validation needs from the catalogue: its knowledge graph and the handover shapes, loaded once."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from catalogue.model.handover_shapes import handover_shapes
from catalogue.source.loader import load
from catalogue.source.locate import CatalogueLocation


@dataclass
class ValidationContext:
    knowledge: Graph  # the whole catalogue: labels for reports
    shapes: Graph


def context_for(location: CatalogueLocation) -> ValidationContext:
    from catalogue.validate.compiled import query_checks

    catalogue = load(location)
    query_checks.use_shipped(location.root)
    knowledge = catalogue.union("ontology", "vocab")
    return ValidationContext(knowledge=knowledge, shapes=handover_shapes(catalogue, knowledge))
