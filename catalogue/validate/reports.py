"""The formats `validate` writes: text for people, JSON for scripts, Turtle (sh:ValidationReport) and JUnit XML.

Values are left out unless the user asks with --show-values: handover data is special-category data about
children. In the text and JUnit formats long digit runs in IRIs are masked too, since an IRI may embed one.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict

from jinja2 import Environment, PackageLoader
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from catalogue.checks.report import short_iri
from catalogue.model.text import pick
from catalogue.text.i18n import word
from catalogue.text.templating import render_text

SEVERITY_IRIS = {"violation": SH.Violation, "warning": SH.Warning, "info": SH.Info}
_DIGITS = re.compile(r"\d{6,}")


def mask(iri: str | None) -> str:
    return _DIGITS.sub(lambda m: "#" * len(m.group()), iri or "")


def report_graph(findings, show_values: bool = False) -> Graph:
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(not any(f.severity == "violation" for f in findings))))
    for f in findings:
        result = BNode()
        graph.add((report, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.focusNode, URIRef(f.focus) if not f.focus.startswith("_:") and ":" in f.focus else BNode(f.focus)))
        if f.path:
            graph.add((result, SH.resultPath, URIRef(f.path)))
        graph.add((result, SH.resultSeverity, SEVERITY_IRIS[f.severity]))
        graph.add((result, SH.sourceConstraintComponent, URIRef(f.component)))
        if f.source_shape:
            graph.add((result, SH.sourceShape, URIRef(f.source_shape)))
        if f.source_constraint:
            graph.add((result, SH.sourceConstraint, URIRef(f.source_constraint)))
        for lang, text in sorted(f.messages.items()):
            graph.add((result, SH.resultMessage, Literal(text, lang=lang)))
        if show_values and f.value is not None:
            graph.add((result, SH.value, Literal(f.value) if f.value_is_literal else URIRef(f.value)))
    return graph


def summary(run) -> dict[str, int]:
    return {s: run.count(s) for s in ("violation", "warning", "info")}


def _groups(run) -> "OrderedDict[str, list]":
    groups: OrderedDict[str, list] = OrderedDict()
    for f in run.findings:
        groups.setdefault(f.handovers[0] if f.handovers else "", []).append(f)
    return groups


def as_text(run, datasets, lang: str, show_values: bool) -> str:
    return render_text("validate.txt.j2", groups=_groups(run), lang=lang, show_values=show_values,
                       counts=summary(run), files=datasets.files, file_of=lambda iri: _file_of(datasets, iri),
                       located=lambda f: datasets.locations.get((f.focus, f.path)),
                       mask=(lambda x: x) if show_values else mask, short=short_iri, pick=pick)


def _file_of(datasets, iri: str) -> str:
    return datasets.subject_files.get(URIRef(iri), "")


def as_json(run, datasets, lang: str, show_values: bool) -> str:
    results = []
    for f in run.findings:
        item = {"severity": f.severity, "handover": f.handovers[0] if f.handovers else None,
                "also_in": list(f.handovers[1:]), "focus": f.focus, "file": _file_of(datasets, f.focus) or None,
                "path": f.path, "property": f.name(lang), "message": f.message(lang), "messages": f.messages,
                "component": f.component, "shape": f.source_shape, "constraint": f.source_constraint}
        if f.replacement:
            item["replacement"] = f.replacement
        if (f.focus, f.path) in datasets.locations:
            item["location"] = datasets.locations[(f.focus, f.path)]
        if show_values:
            item["value"] = f.value
        results.append(item)
    return json.dumps({"conforms": run.count("violation") == 0, "summary": summary(run), "files": datasets.files,
                       "results": results}, ensure_ascii=False, indent=2)


def as_turtle(run, show_values: bool) -> str:
    return report_graph(run.findings, show_values).serialize(format="turtle")


def as_junit(run, datasets, lang: str, show_values: bool) -> str:
    env = Environment(loader=PackageLoader("catalogue", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("junit.xml.j2").render(
        groups=_groups(run), lang=lang, counts=summary(run), mask=(lambda x: x) if show_values else mask,
        show_values=show_values, word=word)
