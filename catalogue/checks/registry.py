"""All catalogue checks by name, in the style of rdflib's plugin registry: a module adds its CHECKS dict."""

from __future__ import annotations

from catalogue.checks import (
    alignment,
    derived,
    files,
    legal_sources,
    note_languages,
    ontology,
    profiles,
    registry_rules,
    shapes,
    skos_quality,
    sources,
    structure,
)
from catalogue.checks.findings import Finding

REGISTRY = {}
for _module in (files, derived, ontology, registry_rules, profiles, skos_quality, structure, sources, alignment, shapes,
                legal_sources, note_languages):
    REGISTRY.update(_module.CHECKS)


def run_checks(views, names=None) -> list[Finding]:
    from catalogue.checks.locations import locate_subject

    # A name selects a check, a group ("qskos") or one member of a family ("profile:skos-ap-no").
    def wanted(check: str) -> bool:
        return names is None or any(check == x or check.startswith(x + ":") for x in names)

    selected = [n for n in REGISTRY if names is None or any(wanted(n) or x.startswith(n + ":") for x in names)]
    findings: list[Finding] = []
    for name in selected:
        findings.extend(f for f in REGISTRY[name](views) if wanted(f.check))
    located = []
    for f in findings:
        if f.file is None and f.focus:
            file, line = locate_subject(views.catalogue, f.focus, registry=views.registry)
            f = Finding(f.check, f.severity, f.message, f.focus, file, line, f.detail)
        located.append(f)
    return sorted(located, key=Finding.sort_key)
