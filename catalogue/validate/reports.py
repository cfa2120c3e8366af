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
from rdflib.namespace import RDF, RDFS, SH

from catalogue.checks.report import short_iri
from catalogue.model.text import pick
from catalogue.text.templating import render_text
from catalogue.validate.explain import is_file_level
from catalogue.validate.literal_view import seen_as

SEVERITY_IRIS = {"violation": SH.Violation, "warning": SH.Warning, "info": SH.Info}
_DIGITS = re.compile(r"\d{6,}")


def mask(iri: str | None) -> str:
    return _DIGITS.sub(lambda m: "#" * len(m.group()), iri or "")


def _focus_term(f, show_values: bool):
    if f.focus_node is None:
        return URIRef(f.focus) if not f.focus.startswith("_:") and ":" in f.focus else BNode(f.focus)
    if isinstance(f.focus_node, Literal) and not show_values:
        return BNode()  # a literal focus node is a data value
    return _writable(f.focus_node)


def _writable(term):
    """rdflib writes an integer or boolean literal with a value in Turtle's short form, which turns the invalid
    "none"^^xsd:boolean (rdflib reads False) into the bare word none. A literal XSD rejects is written quoted."""
    return seen_as(term) if isinstance(term, Literal) else term


def report_graph(findings, show_values: bool = False, checked: str | None = None) -> Graph:
    """An sh:ValidationReport. sh:conforms is SHACL's: false as soon as there is any result, whatever its
    severity (the exit code is what --fail-on sets). Terms are kept as they are: a literal value's datatype and
    language, blank nodes (the same label for the same node), a path that is not a plain predicate with its
    description, a severity of the shapes' own."""
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(not findings)))
    if checked:
        graph.add((report, RDFS.comment, Literal(checked, lang="en")))
    for f in findings:
        result = BNode()
        graph.add((report, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        # A finding about a whole file has no node in the data to point at.
        graph.add((result, SH.focusNode, BNode() if is_file_level(f) else _focus_term(f, show_values)))
        if f.path_node is not None:
            graph.add((result, SH.resultPath, f.path_node))
            for triple in f.path_triples:
                graph.add(triple)
        elif f.path:
            graph.add((result, SH.resultPath, URIRef(f.path)))
        graph.add((result, SH.resultSeverity, URIRef(f.severity_iri) if f.severity_iri else SEVERITY_IRIS[f.severity]))
        graph.add((result, SH.sourceConstraintComponent, URIRef(f.component)))
        if f.shape_node is not None:
            graph.add((result, SH.sourceShape, f.shape_node))
        elif f.source_shape:
            graph.add((result, SH.sourceShape, URIRef(f.source_shape)))
        if f.source_constraint:
            graph.add((result, SH.sourceConstraint, URIRef(f.source_constraint)))
        for lang, text in sorted(f.messages.items()):
            graph.add((result, SH.resultMessage, Literal(text, lang=lang)))
        if show_values and f.value_node is not None:
            graph.add((result, SH.value, _writable(f.value_node)))
        elif show_values and f.value is not None:
            graph.add((result, SH.value, Literal(f.value) if f.value_is_literal else URIRef(f.value)))
    return graph


def summary(run) -> dict[str, int]:
    return {s: run.count(s) for s in ("violation", "warning", "info")}


def checked(datasets) -> dict[str, int]:
    """What the run looked at: every report states it, so that "no findings" is never read as "all is well"
    when nothing was there to check."""
    return {"files": len(datasets.files) + len(datasets.unreadable),
            "handovers": sum(len(h) for h in datasets.handovers.values()),
            "pupils": sum(datasets.pupils.values()),
            "unreadable": len(datasets.unreadable)}


def _checked_sentence(datasets) -> str:
    counts = checked(datasets)
    return (f"Checked {counts['handovers']} handover(s) with {counts['pupils']} pupil(s) in {counts['files']} "
            f"file(s); {counts['unreadable']} file(s) could not be read.")


def _groups(run) -> "OrderedDict[tuple[str, str], list]":
    """Findings by what they are about: ("file", name) for a whole file, ("handover", iri) otherwise (the iri
    is empty for records that belong to no handover)."""
    groups: OrderedDict[tuple[str, str], list] = OrderedDict()
    for f in run.findings:
        key = ("file", f.focus) if is_file_level(f) else ("handover", f.handovers[0] if f.handovers else "")
        groups.setdefault(key, []).append(f)
    return groups


def as_text(run, datasets, lang: str, show_values: bool) -> str:
    return render_text("validate.txt.j2", groups=_groups(run), lang=lang, show_values=show_values,
                       counts=summary(run), checked=checked(datasets), unreadable=datasets.unreadable,
                       files=datasets.files, file_of=lambda iri: _file_of(datasets, iri),
                       located=lambda f: datasets.locations.get((f.focus, f.path)),
                       mask=(lambda x: x) if show_values else mask, short=short_iri, pick=pick)


def _file_of(datasets, iri: str) -> str:
    return datasets.subject_files.get(URIRef(iri), "")


def _owners(datasets) -> dict[int, str]:
    """Finding (by identity) -> the file it came from, where the engine kept files apart."""
    return {id(f): name for name, findings in datasets.findings_by_file.items() for f in findings}


def _finding_file(datasets, f, owners: dict[int, str]) -> str:
    if is_file_level(f):
        return f.focus
    if id(f) in owners:
        return owners[id(f)]
    for iri in (*f.handovers, f.focus):
        found = _file_of(datasets, iri)
        if found:
            return found
    return ""


def as_json(run, datasets, lang: str, show_values: bool) -> str:
    results = []
    owners = _owners(datasets)
    for f in run.findings:
        item = {"severity": f.severity, "handover": f.handovers[0] if f.handovers else None,
                "also_in": list(f.handovers[1:]), "focus": None if is_file_level(f) else f.focus_text(show_values),
                "file": _finding_file(datasets, f, owners) or None,
                "path": f.path, "property": f.name(lang), "message": f.message(lang), "messages": f.messages,
                "component": f.component, "shape": f.source_shape, "constraint": f.source_constraint}
        if f.replacement:
            item["replacement"] = f.replacement
        if f.severity_iri and f.severity_iri != str(SEVERITY_IRIS[f.severity]):
            item["severity_iri"] = f.severity_iri
        if (f.focus, f.path) in datasets.locations:
            item["location"] = datasets.locations[(f.focus, f.path)]
        if show_values:
            item["value"] = f.value
            # The value in N-Triples notation: its datatype, language or blank-node label kept.
            item["value_term"] = f.value_text()
            if f.focus_node is not None:
                item["focus_term"] = f.focus_node.n3()
        results.append(item)
    return json.dumps({"conforms": run.count("violation") == 0 and not datasets.unreadable,
                       "summary": summary(run), "checked": checked(datasets), "files": datasets.files,
                       "unreadable": [{"file": name, "error": str(error)} for name, error in datasets.unreadable],
                       "results": results}, ensure_ascii=False, indent=2)


def as_turtle(run, show_values: bool, datasets=None) -> str:
    sentence = _checked_sentence(datasets) if datasets is not None else None
    return report_graph(run.findings, show_values, sentence).serialize(format="turtle")


def as_junit(run, datasets, lang: str, show_values: bool, fail_on: str = "violation") -> str:
    env = Environment(loader=PackageLoader("catalogue", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["xml_safe"] = xml_safe
    suites = junit_suites(run, datasets, lang, show_values, fail_on)
    totals = {key: sum(suite[key] for suite in suites) for key in ("tests", "failures", "errors")}
    return env.get_template("junit.xml.j2").render(suites=suites, totals=totals)


JUNIT_WORDS = {
    "handover": {"en": "handover", "nb": "overføring", "nn": "overføring", "da": "overlevering"},
    "unlinked": {"en": "records not linked to any handover", "nb": "poster som ikke hører til noen overføring",
                 "nn": "postar som ikkje høyrer til nokon overføring",
                 "da": "poster, der ikke hører til en overlevering"},
    "read": {"en": "read the file", "nb": "les fila", "nn": "les fila", "da": "læs filen"},
    "findings": {"en": "findings", "nb": "funn", "nn": "funn", "da": "fund"},
}


def _junit_word(key: str, lang: str) -> str:
    return JUNIT_WORDS[key].get(lang) or JUNIT_WORDS[key]["en"]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text) -> str:
    """XML 1.0 cannot hold most control characters, even escaped; a file name may contain them."""
    return _NOT_XML.sub("\ufffd", str(text))


def junit_suites(run, datasets, lang: str, show_values: bool, fail_on: str = "violation") -> list[dict]:
    """One test suite per input file; in it one test case per handover (class name: the file), one for the
    file itself when it holds no handover, and one for records that belong to no handover. A file that could
    not be read is one test case with an <error>. Counts are computed from the cases, so they always match."""
    failing = {"violation"} if fail_on == "violation" else {"violation", "warning"}
    shown = (lambda x: x) if show_values else mask
    cases: OrderedDict[tuple[str, str], list] = OrderedDict()
    owners = _owners(datasets)
    for name in datasets.files:
        for handover in datasets.handovers.get(name, []):
            cases[(name, handover)] = []
    for f in run.findings:
        file = _finding_file(datasets, f, owners)
        keys = [(file, "#file")] if is_file_level(f) else [(file, h) for h in f.handovers] or [(file, "")]
        for key in keys:
            cases.setdefault(key, []).append(f)
    suites: OrderedDict[str, dict] = OrderedDict()
    for name in [*datasets.files, *(name for name, _error in datasets.unreadable)]:
        suites.setdefault(name, {"name": name, "cases": [], "properties": {
            "handovers": len(datasets.handovers.get(name, [])), "pupils": datasets.pupils.get(name, 0)}})
    for (file, handover), findings in cases.items():
        suite = suites.setdefault(file, {"name": file or "(no file)", "cases": [], "properties": {}})
        if handover == "#file":
            title = findings[0].name(lang)
        elif handover:
            title = f"{_junit_word('handover', lang)} {shown(handover)}"
        else:
            title = _junit_word("unlinked", lang)
        failed = [f for f in findings if f.severity in failing]
        other = [f for f in findings if f.severity not in failing]
        suite["cases"].append({
            "classname": suite["name"], "name": title,
            "failure": _lines(failed, lang, show_values, shown) if failed else None,
            "failure_message": _headline(failed, lang) if failed else None,
            "failure_type": failed[0].severity if failed else None,
            "out": _lines(other, lang, show_values, shown) if other else None, "error": None})
    for name, error in datasets.unreadable:
        suites[name]["cases"].append({"classname": name, "name": _junit_word("read", lang), "failure": None,
                                      "failure_message": None, "failure_type": None, "out": None,
                                      "error": str(error)})
    for suite in suites.values():
        suite["tests"] = len(suite["cases"])
        suite["failures"] = sum(1 for case in suite["cases"] if case["failure"] is not None)
        suite["errors"] = sum(1 for case in suite["cases"] if case["error"] is not None)
    return list(suites.values())


def _headline(findings, lang: str) -> str:
    return findings[0].message(lang) if len(findings) == 1 else \
        f"{len(findings)} {_junit_word('findings', lang)}: {findings[0].message(lang)}"


def _lines(findings, lang: str, show_values: bool, shown) -> str:
    out = []
    for f in findings:
        line = f"{f.severity}: {f.message(lang)} [{f.name(lang)}; {shown(f.focus_text(show_values))}]"
        if show_values and f.value is not None:
            line += f" (value: {f.value_text()})"
        out.append(line)
    return "\n".join(out)
