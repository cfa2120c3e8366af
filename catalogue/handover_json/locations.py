"""Where in a JSON file a finding points: the JSON path of the key (``$.items[2].category``), with line and column.

Findings name RDF nodes. For files in the JSON form the file is read again (the reader names blank nodes the
same way each time), and each finding's node and property are traced back to the place they were written. A
blank node renamed by the engine's store is traced through its handover when that handover has only one such
part; otherwise the finding keeps its node only.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, URIRef

from catalogue.errors import OvergangError
from catalogue.handover_json.positions import json_path
from catalogue.handover_json.reader import JsonDocument, NotPlainJson, bundled_context, read_json


def _document(path: Path | None) -> JsonDocument | None:
    if path is None or path.suffix.lower() != ".json":
        return None
    try:
        return read_json(str(path), path.read_text(encoding="utf-8-sig"), graph=False)
    except (NotPlainJson, OvergangError, OSError, UnicodeDecodeError):
        return None


def _node(document: JsonDocument, focus: str, handovers: tuple[str, ...]):
    for candidate in (URIRef(focus), BNode(focus)):
        if candidate in document.node_paths:
            return candidate
    for handover in handovers:
        parts = [o for o in document.blank_parts.get(URIRef(handover), []) if o in document.node_paths]
        if len(parts) == 1:
            return parts[0]
    return None


def locate(document: JsonDocument, focus: str, path: str | None, handovers: tuple[str, ...],
           value: str | None = None) -> tuple | None:
    node = _node(document, focus, handovers)
    if node is None:
        return None
    written = document.value_paths.get((path, value), []) if path and value is not None else []
    if not written and value is not None:
        # A rule's path may be the part (ovg:informationItem) while its value sits inside it (the category).
        written = [hit for hit in _by_value(document).get(value, [])
                   if path is None or hit[1][:len(document.statement_paths.get((node, path), ()))] ==
                   document.statement_paths.get((node, path), ())]
    if written:
        # The value itself (a rule on the handover may name a value on one of its parts): its own place,
        # preferring one on the focus node.
        where = next((at for subject, at in written if subject == node), written[0][1])
    elif path and (node, path) in document.statement_paths:
        where = document.statement_paths[(node, path)]
    elif path:
        key = document.keys.get(path) or _key_for(path)
        where = document.node_paths[node] + ((key,) if key else ())
    else:
        where = document.node_paths[node]
    position = document.position(where)
    return json_path(where), position


def _by_value(document: JsonDocument) -> dict:
    index = getattr(document, "_by_value", None)
    if index is None:
        index = {}
        for (_predicate, text), hits in document.value_paths.items():
            index.setdefault(text, []).extend(hits)
        document._by_value = index
    return index


def _key_for(iri: str) -> str | None:
    for key, term in bundled_context().terms.items():
        if term.iri == iri:
            return key
    return None


def json_locations(findings, file_of, paths: dict) -> dict:
    """(focus, path) -> "FILE:LINE:COL $.json.path" for the findings in JSON-form files.

    ``file_of``: focus -> the display name of its file; ``paths``: display name -> Path."""
    documents: dict[str, JsonDocument | None] = {}
    out = {}
    for finding in findings:
        shown = file_of(finding.focus) or (file_of(finding.handovers[0]) if finding.handovers else None)
        if not shown and len(paths) == 1:
            shown = next(iter(paths))
        if not shown:
            continue
        if shown not in documents:
            documents[shown] = _document(paths.get(shown))
        document = documents[shown]
        if document is None:
            continue
        found = locate(document, finding.focus, finding.path, finding.handovers, finding.value)
        if found is None:
            continue
        where, position = found
        prefix = f"{shown}:{position[0]}:{position[1]}" if position else shown
        out[(finding.focus, finding.path)] = f"{prefix} {where}"
    return out
