"""Checks on the catalogue's files as files: they parse, and they are in canonical form."""

from __future__ import annotations

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.checks.findings import Finding, en
from catalogue.errors import InputError


def syntax_findings(errors: list[InputError]) -> list[Finding]:
    """Parse errors collected while loading, as findings with their file and line."""
    return [Finding("syntax", "violation", en(error.reason), file=error.path, line=error.line) for error in errors]


def canonical_form(views) -> list[Finding]:
    out = []
    for gid, path in sorted(views.catalogue.files.items(), key=lambda item: str(item[1])):
        if path.read_text(encoding="utf-8") != canonical_turtle(views.catalogue.dataset.graph(gid)):
            out.append(Finding("format", "violation",
                               en("not in canonical form (sorted, stable layout); run `overgang format`"),
                               file=views.catalogue.relative(gid), line=1))
    return out


CHECKS = {"format": canonical_form}
