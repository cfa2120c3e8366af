"""Checks on the catalogue's files as files: they parse, and they are in canonical form."""

from __future__ import annotations

from ..errors import InputError
from ..loader import source_files
from ..rdfio import parse_file
from ..turtle_format import canonical_turtle
from .findings import Finding, en


def syntax_findings(root) -> list[Finding]:
    """Every file that does not parse, with its position; run before anything else, which needs the RDF."""
    findings = []
    for path in source_files(root):
        relative = path.relative_to(root).as_posix()
        try:
            parse_file(path, display_name=relative)
        except InputError as error:
            findings.append(Finding("syntax", "violation", en(error.reason), file=relative, line=error.line))
    return findings


def canonical_form(views) -> list[Finding]:
    out = []
    for gid, path in sorted(views.catalogue.files.items(), key=lambda item: str(item[1])):
        if path.read_text(encoding="utf-8") != canonical_turtle(views.catalogue.dataset.graph(gid)):
            out.append(Finding("format", "violation",
                               en("not in canonical form (sorted, stable layout); run `overgang format`"),
                               file=views.catalogue.relative(gid), line=1))
    return out


CHECKS = {"format": canonical_form}
