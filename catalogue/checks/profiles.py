"""The application profiles, as our own SHACL shapes: SKOS-AP-NO-Begrep v2 for vocab/no and the Danish
modelling rules (FDA) for vocab/dk. Results are kept only for each jurisdiction's own resources."""

from __future__ import annotations

from rdflib import Graph

from catalogue.checks.findings import Finding
from catalogue.namespaces import DK, NO, bind_prefixes
from catalogue.validate.shacl import run_shacl

PROFILES = {
    "profile:skos-ap-no": ("shapes/catalogue-common.ttl", "shapes/catalogue-no.ttl", str(NO)),
    "profile:fda-dk": ("shapes/catalogue-common.ttl", "shapes/catalogue-dk.ttl", str(DK)),
}


def _shapes(views, *files: str) -> Graph:
    shapes = Graph()
    bind_prefixes(shapes)
    for rel in files:
        for triple in views.catalogue.graph_for(rel):
            shapes.add(triple)
    return shapes


def _profile(name: str):
    common, specific, namespace = PROFILES[name]

    def check(views) -> list[Finding]:
        findings = []
        for result in run_shacl(views.graph, _shapes(views, common, specific)):
            if not result.focus.startswith(namespace):
                continue  # reference stubs and the other country are someone else's business
            messages = dict(result.messages) or {"en": "does not conform"}
            messages.setdefault("en", next(iter(messages.values())))
            findings.append(Finding(check=name, severity=result.severity, message=messages, focus=result.focus,
                                    detail={"path": result.path or "", "shape": result.source_shape or ""}))
        return findings

    check.__doc__ = f"{name}: the catalogue's own SHACL shapes for this profile"
    return check


CHECKS = {name: _profile(name) for name in PROFILES}
