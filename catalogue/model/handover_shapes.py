"""The handover shapes as every consumer sees them: shapes/handover.ttl plus the rules made from the registry.

Validation, the JSON form, the site's shape documentation and the shipped query answers all read the shapes
through here, so none of them can miss a jurisdiction's identity-number rule.
"""

from __future__ import annotations

from rdflib import Graph

from catalogue.model.identity_numbers import add_constraints
from catalogue.source.loader import Catalogue
from catalogue.source.locate import HANDOVER_SHAPES


def handover_shapes(catalogue: Catalogue, knowledge: Graph | None = None) -> Graph:
    """``knowledge``: a graph holding the registry that the caller has already merged (the catalogue's union),
    so the vocabulary is not merged a second time; without it the registry is read from vocab/ here."""
    shapes = Graph()
    for triple in catalogue.graph_for(HANDOVER_SHAPES):
        shapes.add(triple)
    return add_constraints(shapes, knowledge if knowledge is not None else catalogue.union("vocab"))
