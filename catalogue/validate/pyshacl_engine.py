"""Validating handover datasets against the handover shapes, with the catalogue as knowledge graph.

pySHACL is the reference engine. Graphs are always ones we loaded ourselves. Messages come from the
shapes graph, never from pySHACL's defaults, because those quote the offending values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from catalogue.errors import InputError
from catalogue.model.text import by_language
from catalogue.namespaces import OVG
from catalogue.validate.graph_cache import derived
from catalogue.validate.shacl import SEVERITY_NAMES

PARTS = (OVG.pupil, OVG.sender, OVG.recipient, OVG.informationItem, OVG.consent)


@dataclass(frozen=True)
class ValidationFinding:
    focus: str
    path: str | None
    severity: str
    component: str
    source_shape: str | None
    source_constraint: str | None
    messages: dict[str, str]
    names: dict[str, str]
    handovers: tuple[str, ...] = ()
    value: str | None = None  # shown only with --show-values
    value_is_literal: bool = False
    replacement: dict[str, str] = field(default_factory=dict)  # labels of a deprecated concept's replacement
    # The RDF terms themselves, for reports that keep what they say: a literal's datatype and language, a blank
    # node's identity, a path that is not a plain predicate (its description in path_triples), a severity of
    # the shapes' own (severity stays the nearest of the three for exit codes and grouping).
    focus_node: object = None
    path_node: object = None
    path_triples: tuple = ()
    value_node: object = None
    shape_node: object = None
    severity_iri: str | None = None

    def message(self, lang: str) -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or (self.path or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def key(self) -> tuple:
        return (self.focus, self.path or "", self.severity, self.component)

    def focus_text(self, show_values: bool) -> str:
        """The focus node as reports show it: a literal focus node is a data value, hidden unless asked."""
        if isinstance(self.focus_node, Literal) and not show_values:
            return "(a value)"
        return self.focus

    def value_text(self) -> str | None:
        """The value in N-Triples notation: a literal keeps its datatype and language, a blank node its label."""
        if self.value_node is not None:
            return self.value_node.n3()
        return self.value


@dataclass
class ValidationRun:
    findings: list[ValidationFinding]  # reports in every format are built from these

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


GENERIC = {
    "en": "The record does not meet the rule ({component}).",
    "nb": "Posten oppfyller ikke regelen ({component}).",
    "nn": "Posten oppfyller ikkje regelen ({component}).",
    "da": "Posten opfylder ikke reglen ({component}).",
}


def _shape_text(shapes: Graph, node, predicate) -> dict[str, str]:
    return by_language(shapes, node, predicate) if node is not None else {}


def _messages(shapes: Graph, constraint, shape, component: str) -> dict[str, str]:
    for node in (constraint, shape):
        found = _shape_text(shapes, node, SH.message)
        if found:
            return found
    short = component.rsplit("#", 1)[-1]
    return {lang: text.format(component=short) for lang, text in GENERIC.items()}


def _handovers_of(data: Graph, focus) -> tuple[str, ...]:
    if (focus, RDF.type, OVG.Handover) in data:
        return (str(focus),)
    owners = {str(s) for p in PARTS for s in data.subjects(p, focus)}
    return tuple(sorted(owners))


def _replacement(knowledge: Graph, value) -> dict[str, str]:
    if not isinstance(value, URIRef):
        return {}
    for new in knowledge.objects(value, DCTERMS.isReplacedBy):
        return by_language(knowledge, new, SKOS.prefLabel)
    return {}


# What the handover shapes read from the catalogue; labels and definitions are left out of the data graph.
KNOWLEDGE_PREDICATES = (RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, SKOS.inScheme, SKOS.broader,
                        OWL.deprecated, DCTERMS.isReplacedBy)
_slim_cache: dict[int, tuple[Graph, Graph]] = {}


def slim_knowledge(knowledge: Graph) -> Graph:
    """The part of the catalogue the shapes need: types, class and scheme structure, and all ovg: data."""
    def build(graph: Graph) -> Graph:
        slim = Graph()
        for s, p, o in graph:
            if p in KNOWLEDGE_PREDICATES or str(p).startswith(str(OVG)):
                slim.add((s, p, o))
        return slim

    return derived(_slim_cache, knowledge, build)


SCHEMA_NAMESPACES = (str(RDFS), str(OWL))
# Annotations are not schema: a national identity number in an rdfs:comment must still be found.
ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy}


def without_schema(data: Graph) -> Graph:
    """The data less anything that would make inference do work the data chose: schema statements
    (rdfs:subClassOf, owl:TransitiveProperty ...). An untrusted dataset could otherwise make OWL RL run for
    minutes (a transitive property over a long chain) or change what our classes mean. The compiled engine
    makes the same cut (compiled/engine.py)."""
    kept = Graph()
    for s, p, o in data:
        if str(p).startswith(SCHEMA_NAMESPACES) and p not in ANNOTATIONS:
            continue
        if p == RDF.type and str(o).startswith(SCHEMA_NAMESPACES):
            continue
        kept.add((s, p, o))
    return kept


_shapes_copies: dict[int, tuple[Graph, Graph]] = {}


def _own_copy(shapes: Graph) -> Graph:
    """pySHACL adds triples to the shapes graph it is given; it gets a copy, made once per shapes graph."""
    return derived(_shapes_copies, shapes, _copy)


class ShapesFailed(InputError):
    """pySHACL could not run the shapes (it hands back a ValidationFailure instead of a report)."""


def run_validation(data: Graph, knowledge: Graph, shapes: Graph, inference: str = "none",
                   prepared_sparql: bool = True, advanced: bool = False, cut_schema: bool = True) -> ValidationRun:
    """``cut_schema``: leave out the data's schema statements (see without_schema). On for the catalogue's own
    shapes; `--shapes` validation turns it off unless asked, because SHACL reads rdfs:subClassOf from the data."""
    from catalogue.validate import (
        prepared_sparql as prepared,  # imports pySHACL, which the compiled engine does not need
    )
    from catalogue.validate import sparql_date_errors
    from catalogue.validate.literal_view import xsd_view

    if prepared_sparql:
        prepared.enable()
    else:
        prepared.disable()
    sparql_date_errors.enable()
    data = xsd_view(data)  # literals XSD rejects are ill-typed for pySHACL too (literal_view.py)
    if cut_schema:
        data = without_schema(data)
    combined = slim_knowledge(knowledge)
    # Borrow the knowledge graph for this run instead of copying it, and give back exactly what was lent.
    added = [triple for triple in data if triple not in combined]
    for triple in added:
        combined.add(triple)
    try:
        if inference == "owlrl":
            # OWL RL never runs over untrusted data: the ontology gets its OWL RL closure, the data RDFS only.
            combined = _owl_rl_closed(knowledge)
            for triple in added:
                combined.add(triple)
            inference = "rdfs"
        elif inference != "none":
            combined = _copy(combined)  # inference writes into the graph; never into the shared one
        try:
            from pyshacl import validate as pyshacl_validate  # here: the compiled engine never needs it

            _conforms, report, _text = pyshacl_validate(
                combined, shacl_graph=_own_copy(shapes), inference=inference, advanced=advanced, allow_warnings=True,
                allow_infos=True, abort_on_first=False, do_owl_imports=False, js=False, inplace=True)
        except RecursionError:
            raise InputError("validate", "the data or the shapes nest too deeply to validate") from None
        except Exception as exc:  # noqa: BLE001 - pySHACL raises many kinds for shapes it cannot run
            if type(exc).__module__.startswith("pyshacl") or isinstance(exc, NotImplementedError) or \
                    type(exc) is Exception:
                raise ShapesFailed("shapes", "pySHACL cannot run these shapes: " + _failure_text(exc)) from None
            raise
        if not isinstance(report, Graph):
            # pySHACL met shapes it cannot run (a SPARQL query it refuses, for instance): never a pass.
            raise ShapesFailed("shapes", "pySHACL cannot run these shapes: " + _failure_text(report))
    finally:
        shared = slim_knowledge(knowledge)
        for triple in added:
            shared.remove(triple)
    findings = []
    catalogue = slim_knowledge(knowledge)  # the data's triples were given back above
    # The report's own results only: those under sh:detail explain a result and are not results themselves.
    results = [r for top in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(top, SH.result)]
    for node in results:
        focus = report.value(node, SH.focusNode)
        if not in_users_data(focus, data, catalogue):
            continue  # a catalogue resource, not part of the user's data
        path = report.value(node, SH.resultPath)
        findings.append(finding(
            knowledge, shapes, focus=focus, path=path,
            severity=report.value(node, SH.resultSeverity), component=report.value(node, SH.sourceConstraintComponent),
            shape=report.value(node, SH.sourceShape), constraint=report.value(node, SH.sourceConstraint),
            value=report.value(node, SH.value), handovers=_handovers_of(data, focus),
            path_triples=description(report, path)))
    sort_findings(findings)
    return ValidationRun(findings)


def _failure_text(failure) -> str:
    # pySHACL's own words about the shapes (the shapes are the user's, not the data, so they may be quoted).
    text = " ".join(str(getattr(failure, "message", None) or failure).split())
    return text[:200] or type(failure).__name__


def in_users_data(focus, data: Graph, catalogue: Graph) -> bool:
    """Is a focus node the user's? Yes when the data mentions it (as subject or object, a literal too) or when
    it comes from neither graph (a target named in the shapes); no when only the catalogue mentions it."""
    if (focus, None, None) in data or (None, None, focus) in data:
        return True
    return (focus, None, None) not in catalogue and (None, None, focus) not in catalogue


def description(graph: Graph, node) -> tuple:
    """The triples that describe a blank node (a path such as [sh:inversePath ex:p] or a list), whole."""
    if not isinstance(node, BNode):
        return ()
    out, todo, seen = [], [node], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for triple in graph.triples((current, None, None)):
            out.append(triple)
            if isinstance(triple[2], BNode):
                todo.append(triple[2])
    return tuple(out)


_descriptions: dict = {}


def finding(knowledge: Graph, shapes: Graph, *, focus, path, severity, component, shape, constraint, value,
            handovers: tuple[str, ...], path_triples: tuple = ()) -> ValidationFinding:
    """One finding, described from the shapes graph: the same for pySHACL's results and the compiled engine's."""
    component = str(component)
    # Thousands of findings share a handful of rules: describe each rule once.
    described = derived(_descriptions, shapes, lambda _shapes: {})
    key = (constraint, shape, component, path)
    known = described.get(key)
    if known is None or known[0] is not knowledge:
        names = _shape_text(shapes, constraint, SH.name) or _shape_text(shapes, shape, SH.name)
        if not names and isinstance(path, URIRef):
            names = by_language(knowledge, path, RDFS.label)
        known = described[key] = (knowledge, names, _messages(shapes, constraint, shape, component))
    _knowledge, names, messages = known
    return ValidationFinding(
        focus=str(focus),
        path=str(path) if isinstance(path, URIRef) else None,
        severity=SEVERITY_NAMES.get(severity, "violation"),
        component=component,
        source_shape=str(shape) if isinstance(shape, URIRef) else None,
        source_constraint=str(constraint) if isinstance(constraint, URIRef) else None,
        messages=dict(messages),
        names=dict(names),
        handovers=handovers,
        value=str(value) if value is not None else None,
        value_is_literal=isinstance(value, Literal),
        replacement=_replacement(knowledge, value),
        focus_node=focus,
        path_node=path,
        path_triples=path_triples,
        value_node=value,
        shape_node=shape,
        severity_iri=str(severity) if severity is not None else None,
    )


def make_finding(knowledge: Graph, shapes: Graph, raw) -> ValidationFinding:
    return finding(knowledge, shapes, focus=raw.focus, path=raw.path, severity=raw.severity,
                   component=raw.component, shape=raw.shape, constraint=raw.constraint, value=raw.value,
                   handovers=raw.handovers, path_triples=description(shapes, raw.path))


_SEVERITY_ORDER = {"violation": 0, "warning": 1, "info": 2}


def sort_findings(findings: list[ValidationFinding]) -> None:
    findings.sort(key=lambda f: (f.handovers, _SEVERITY_ORDER[f.severity], f.focus, f.path or "",
                                 f.source_constraint or f.source_shape or "", f.component, f.value or ""))


_closure_cache: dict[int, tuple[Graph, Graph]] = {}


def _owl_rl_closed(knowledge: Graph) -> Graph:
    """A fresh copy of the slim knowledge graph with its OWL RL closure (computed once per catalogue)."""
    import owlrl

    def build(graph: Graph) -> Graph:
        closed = _copy(slim_knowledge(graph))
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                               datatype_axioms=False).expand(closed)
        return closed

    return _copy(derived(_closure_cache, knowledge, build))


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def combine(runs: list[ValidationRun]) -> ValidationRun:
    findings = [f for run in runs for f in run.findings]
    return ValidationRun(findings)


def combine_unique(runs: list[ValidationRun]) -> ValidationRun:
    """Merge runs over records that may share nodes: a finding on a shared node counts once."""
    seen, findings = set(), []
    for run in runs:
        for f in run.findings:
            key = (f.focus, f.path, f.severity, f.component, f.source_shape, f.source_constraint, f.value)
            if key not in seen:
                seen.add(key)
                findings.append(f)
    sort_findings(findings)
    return ValidationRun(findings)
