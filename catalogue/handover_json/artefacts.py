"""The generated files of the JSON form (context and schema) and whether the ones on disk are current.

`overgang format` rewrites stale ones; `overgang check` reports them; a test fails on them.
"""

from __future__ import annotations

import json
from pathlib import Path

from catalogue.handover_json.context import CONTEXT_FILE, SCHEMA_FILE, build_context
from catalogue.handover_json.model import HandoverModel, build_model
from catalogue.handover_json.schema import build_schema
from catalogue.model.handover_shapes import handover_shapes
from catalogue.source.loader import Catalogue
from catalogue.source.locate import HANDOVER_SHAPES


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def model_of(catalogue: Catalogue) -> HandoverModel:
    knowledge = catalogue.union("ontology", "vocab")
    return build_model(knowledge, handover_shapes(catalogue, knowledge))


def expected_files(catalogue: Catalogue) -> dict[str, str]:
    """Relative path -> the text the file should hold."""
    model = model_of(catalogue)
    return {CONTEXT_FILE: dumps(build_context(model)), SCHEMA_FILE: dumps(build_schema(model))}


def stale_files(catalogue: Catalogue) -> list[tuple[Path, str]]:
    """(path, current text) for every generated file that is missing or differs from what it should hold; none
    when the catalogue has no handover shapes."""
    root = catalogue.location.root
    if not (root / HANDOVER_SHAPES).is_file():
        return []  # a catalogue without handover shapes has no JSON form to generate
    stale = []
    for relative, text in expected_files(catalogue).items():
        path = root / relative
        try:
            on_disk = path.read_text(encoding="utf-8")
        except OSError:
            on_disk = None
        if on_disk != text:
            stale.append((path, text))
    return stale
