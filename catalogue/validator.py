"""`validate` end to end: load the catalogue once, parse the datasets, run the shapes, hand back the findings."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from .datasets import Datasets, load_datasets
from .loader import load
from .locate import CatalogueLocation
from .validation import ValidationRun, combine, run_validation

HANDOVER_SHAPES = "shapes/handover.ttl"


@dataclass
class ValidationContext:
    knowledge: Graph  # the whole catalogue: labels for reports
    shapes: Graph


def context_for(location: CatalogueLocation) -> ValidationContext:
    catalogue = load(location)
    shapes = Graph()
    for triple in catalogue.graph_for(HANDOVER_SHAPES):
        shapes.add(triple)
    return ValidationContext(knowledge=catalogue.union("ontology", "vocab"), shapes=shapes)


def validate_inputs(location: CatalogueLocation, inputs: list[str], input_format: str | None = None,
                    inference: str = "none", stdin: bytes | None = None,
                    merge: bool = False) -> tuple[ValidationRun, Datasets]:
    """Each file is its own dataset unless ``merge``: two senders' files may reuse the same IRIs, and
    merging them would mix their records."""
    datasets = load_datasets(inputs, input_format, stdin)
    context = context_for(location)
    if merge:
        return run_validation(datasets.graph, context.knowledge, context.shapes, inference), datasets
    runs = [run_validation(part, context.knowledge, context.shapes, inference) for _name, part in datasets.parts]
    return combine(runs), datasets
