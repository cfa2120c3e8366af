"""Running SHACL with pySHACL on graphs we loaded ourselves (never on paths: see security.md)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH

SEVERITY_NAMES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class ShaclResult:
    focus: str
    path: str | None
    severity: str
    messages: dict[str, str]
    source_shape: str | None
    component: str | None
    focus_is_blank: bool = False


def run_shacl(data: Graph, shapes: Graph) -> list[ShaclResult]:
    from pyshacl import validate  # here, so that importing this module does not load pySHACL

    _conforms, report, _text = validate(data, shacl_graph=shapes, inference="none", advanced=False,
                                        allow_warnings=True, allow_infos=True, abort_on_first=False,
                                        do_owl_imports=False, js=False)
    results = []
    for node in report.subjects(RDF.type, SH.ValidationResult):
        messages = {}
        for msg in report.objects(node, SH.resultMessage):
            if isinstance(msg, Literal):
                messages.setdefault(msg.language or "en", str(msg))
        path = report.value(node, SH.resultPath)
        shape = report.value(node, SH.sourceShape)
        results.append(ShaclResult(
            focus=str(report.value(node, SH.focusNode)),
            path=str(path) if path is not None and not isinstance(path, type(None)) else None,
            severity=SEVERITY_NAMES.get(report.value(node, SH.resultSeverity), "violation"),
            messages=messages,
            source_shape=str(shape) if shape is not None else None,
            component=str(report.value(node, SH.sourceConstraintComponent)),
            focus_is_blank=isinstance(report.value(node, SH.focusNode), BNode),
        ))
    return sorted(results, key=lambda r: (r.focus, r.path or "", r.source_shape or ""))
