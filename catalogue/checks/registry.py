"""All catalogue checks by name, in the style of rdflib's plugin registry: a module adds its CHECKS dict."""

from __future__ import annotations

from . import alignment, files, ontology, profiles, shapes, skos_quality, sources
from . import legal_sources
from .findings import Finding

REGISTRY = {}
for _module in (files, ontology, profiles, skos_quality, sources, alignment, shapes, legal_sources):
    REGISTRY.update(_module.CHECKS)


def run_checks(views, names=None) -> list[Finding]:
    from ..sourcemap import locate_subject

    selected = [n for n in REGISTRY if names is None or any(n == x or n.startswith(x + ":") for x in names)]
    findings: list[Finding] = []
    for name in selected:
        findings.extend(REGISTRY[name](views))
    located = []
    for f in findings:
        if f.file is None and f.focus:
            file, line = locate_subject(views.catalogue, f.focus)
            f = Finding(f.check, f.severity, f.message, f.focus, file, line, f.detail)
        located.append(f)
    return sorted(located, key=Finding.sort_key)
