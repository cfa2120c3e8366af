"""What the site's page on the JSON form shows: each kind's keys with their meaning in the page's language, the
SHACL-only rules, one complete example per transition, and the generated files to download."""

from __future__ import annotations

import json

from rdflib import Graph

from catalogue.handover_json.artefacts import dumps
from catalogue.handover_json.context import CONTEXT_URL, SCHEMA_URL, build_context
from catalogue.handover_json.model import build_model
from catalogue.handover_json.schema import build_schema
from catalogue.model.text import pick


def _values(model, kind, field, lang: str) -> str:
    if field.kind == "node":
        return f"→ {model.kinds[field.node].labels.get(lang) or field.node}"
    if field.kind == "concept":
        return f"{len(model.concepts[(kind.name, field.key)])} concepts (JSON Schema enum, by transition)"
    if field.kind == "iri":
        return "IRI"
    text = ", ".join(model.compact(d) for d in field.datatypes)
    if field.pattern:
        text += f"; pattern {field.pattern}"
    if field.max_inclusive is not None:
        text += f"; ≤ {field.max_inclusive}"
    return text


def page_context(views, shapes: Graph, lang: str) -> dict:
    model = build_model(views.graph, shapes)
    kinds = []
    for kind in model.kinds.values():
        fields = [{"key": f.key, "iri": model.compact(f.iri), "name": pick(f.names, lang),
                   "description": pick(f.descriptions, lang),
                   "cardinality": f"{f.min_count}..{f.max_count if f.max_count is not None else 'n'}",
                   "values": _values(model, kind, f, lang)} for f in kind.fields]
        types = [term for term, iri in model.class_terms.items() if iri in kind.types]
        kinds.append({"name": kind.name, "label": pick(kind.labels, lang) or kind.name, "types": types,
                      "closed": kind.closed, "fields": fields})
    rules = [{"name": pick(r["names"], lang), "description": pick(r["descriptions"], lang), "severity": r["severity"]}
             for r in sorted(model.shacl_only, key=lambda r: r["order"])]
    examples = []
    root = views.catalogue.location.root / "examples" / "json" / "valid"
    seen = set()
    for path in sorted(root.glob("*.json")) if root.is_dir() else []:
        document = json.loads(path.read_text(encoding="utf-8"))
        transition = model.prefixes.get(document.get("transition", "").split(":")[0], "") + \
            document.get("transition", "").split(":", 1)[-1]
        if transition not in seen:
            seen.add(transition)
            examples.append({"transition": transition, "text": path.read_text(encoding="utf-8")})
    files = {"context.jsonld": dumps(build_context(model)), "handover.schema.json": dumps(build_schema(model))}
    return {"kinds": kinds, "shacl_only": rules, "examples": examples, "files": files, "context_url": CONTEXT_URL,
            "schema_url": SCHEMA_URL}
