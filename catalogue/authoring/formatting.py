"""Rewriting the catalogue's Turtle files into canonical form, with their derived statements (plain definitions,
top concepts: ``model/derived.py``) in step; only files whose text changes are touched."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph, URIRef

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.model import derived
from catalogue.model.jurisdictions import registry
from catalogue.source.loader import source_files
from catalogue.source.rdfio import parse_file


def out_of_format(root: Path) -> list[tuple[Path, str]]:
    """(path, canonical text) for every source file that is not in canonical form."""
    parsed = [(path, parse_file(path, display_name=_shown(path, root))) for path in source_files(root)]
    # The jurisdictions' prefixes are data: read the registry from the same parse before writing any file.
    union = Graph()
    for _path, graph in parsed:
        union += graph
    schemes = {URIRef(j.scheme) for j in registry(union)}
    pending = []
    for path, graph in parsed:
        text = canonical_turtle(derived.apply(graph, union, schemes))
        if path.read_text(encoding="utf-8") != text:
            pending.append((path, text))
    return pending


def generated_out_of_date(location) -> list[tuple[Path, str]]:
    """(path, current text) for the generated files of the JSON form (context, schema) that are stale."""
    from catalogue.errors import OvergangError
    from catalogue.handover_json.artefacts import stale_files
    from catalogue.source.loader import load

    try:
        return stale_files(load(location))
    except ValueError as exc:
        raise OvergangError(f"shapes/handover.ttl: the JSON form cannot be generated: {exc}") from None


def rewrite(pending: list[tuple[Path, str]]) -> None:
    for path, text in pending:
        # Write beside the file and rename, so an interruption never leaves a half-written file.
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
