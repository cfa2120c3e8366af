"""A tiny, valid catalogue built in a temporary folder, for tests that must watch a check fire."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.model.catalogue import build_views
from catalogue.source.locate import CatalogueLocation

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
KEEP = ("vocab/no/scheme.ttl", "vocab/dk/scheme.ttl", "vocab/no/jurisdiction.ttl", "vocab/dk/jurisdiction.ttl",
        "vocab/reference/concept-status.ttl",
        "vocab/reference/relationship-with-source.ttl", "vocab/reference/isced-2011.ttl")


def mini_graph() -> Graph:
    return Graph().parse(HERE / "fixtures" / "mini-vocab.ttl")


def build(tmp_path: Path, graph: Graph | None = None, prepare=None) -> tuple[Path, object]:
    root = tmp_path / "catalogue"
    shutil.copytree(REPO / "ontology", root / "ontology")
    shutil.copytree(REPO / "shapes", root / "shapes")
    for rel in KEEP:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / rel, root / rel)
    (root / "vocab" / "test.ttl").write_text(canonical_turtle(graph if graph is not None else mini_graph()),
                                              encoding="utf-8")
    _regenerate_handover_json(root)
    if prepare is not None:
        prepare(root)
    return root, build_views(CatalogueLocation(root, "option"))


def _regenerate_handover_json(root: Path) -> None:
    """The JSON form's generated files are generated from the catalogue, here the mini one (as `format` does)."""
    from catalogue.handover_json.artefacts import stale_files
    from catalogue.source.loader import load

    try:
        stale = stale_files(load(CatalogueLocation(root, "option")))
    except Exception:
        return  # a fixture that breaks the catalogue on purpose: its check reports that
    for path, text in stale:
        path.write_text(text, encoding="utf-8")
