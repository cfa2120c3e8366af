"""The JSON Schema and the SHACL shapes agree on every structural rule.

Over every example's JSON twin and a corpus of mutated handovers, with pySHACL as the reference:
- a document valid against the JSON Schema has no structural SHACL violation;
- a document with a structural SHACL violation fails the JSON Schema.
Structural: cardinality, datatype, pattern, node kind, closed, range, and the concepts the shapes allow (the
concept enumerations per transition). The SHACL-only rules need the catalogue's knowledge at validation time.
"""

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from rdflib.namespace import SH

from catalogue.errors import InputError
from catalogue.handover_json.model import SCHEMA_ENUMERATIONS
from catalogue.handover_json.reader import read_json
from catalogue.source.locate import CatalogueLocation
from catalogue.validate.context import context_for
from catalogue.validate.pyshacl_engine import run_validation

REPO = Path(__file__).resolve().parent.parent
STRUCTURAL_COMPONENTS = {str(SH[c]) for c in (
    "MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
    "PatternConstraintComponent", "ClassConstraintComponent", "NodeKindConstraintComponent",
    "ClosedConstraintComponent", "MaxInclusiveConstraintComponent", "MinInclusiveConstraintComponent",
    "OrConstraintComponent", "InConstraintComponent")}
ENUMERATIONS = {str(c) for c in SCHEMA_ENUMERATIONS}


def _drop(*path):
    def mutate(d):
        target = d
        for part in path[:-1]:
            target = target[part]
        target.pop(path[-1])
    return mutate


def _set(value, *path):
    def mutate(d):
        target = d
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = copy.deepcopy(value)
    return mutate


MUTATIONS = {
    "no-pupil": _drop("pupil"), "no-sender": _drop("sender"), "no-recipient": _drop("recipient"),
    "no-date": _drop("date"), "no-transition": _drop("transition"), "no-items": _drop("items"),
    "empty-items": _set([], "items"), "two-pupils": lambda d: d.update(pupil=[d["pupil"], d["pupil"]]),
    "no-pseudonym": _drop("pupil", "pseudonym"), "no-age": _drop("pupil", "age"),
    "age-31": _set(31, "pupil", "age"), "age-negative": _set(-1, "pupil", "age"),
    "age-string": _set("15", "pupil", "age"), "age-float": _set(15.5, "pupil", "age"),
    "age-015": _set("015", "pupil", "age"),
    "pseudonym-digits": _set("12345678", "pupil", "pseudonym"), "pseudonym-number": _set(12345678, "pupil", "pseudonym"),
    "pupil-label": _set("x", "pupil", "rdfs:label"), "pupil-wrong-type": _set("School", "pupil", "type"),
    "pupil-no-type": _drop("pupil", "type"),
    "date-feb-30": _set("2026-02-30", "date"), "date-short": _set("2026-9-1", "date"),
    "date-text": _set({"@value": "20. september 2026"}, "date"), "date-leap": _set("2028-02-29", "date"),
    "date-not-leap": _set("2027-02-29", "date"),
    "date-typed-string": _set({"@value": "2026-09-20", "@type": "xsd:string"}, "date"),
    "no-institution-type": _drop("sender", "institutionType"),
    "sender-not-organisation": _set("Pupil", "sender", "type"),
    "unknown-transition": _set("ovg:nothing", "transition"),
    "item-no-category": _drop("items", 0, "category"),
    "item-unknown-category": _set("ovg:nothing", "items", 0, "category"),
    "item-two-categories": lambda d: d["items"][0].update(category=[d["items"][0]["category"]] * 1 +
                                                         [d["items"][-1]["category"]]),
    "item-note-number": _set(7, "items", 0, "note"), "item-two-notes": _set(["a", "b"], "items", 0, "note"),
    "item-note-lang": _set({"@value": "tekst", "@language": "nb"}, "items", 0, "note"),
    "item-legal-basis-literal": _set([{"@value": "lov"}], "items", 0, "legalBasis"),
    "handover-label": _set({"@value": "x", "@language": "en"}, "rdfs:label"),
    "restated-pupil": _set({"id": "https://example.org/p2"}, "ovg:pupil"),
    "second-date": _set("2026-01-01", "http://purl.org/dc/terms/date"),
    "no-expected-start": _drop("expectedStart"),
}


@pytest.fixture(scope="module")
def setup():
    context = context_for(CatalogueLocation(REPO, "checkout"))
    schema = json.loads((REPO / "shapes/handover.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return context, validator


def _corpus():
    out = []
    for twin in sorted((REPO / "examples" / "json").glob("*/*.json")):
        out.append((f"{twin.parent.name}/{twin.stem}", json.loads(twin.read_text(encoding="utf-8"))))
    bases = {p.stem: json.loads(p.read_text(encoding="utf-8"))
             for p in (REPO / "examples" / "json" / "valid").glob("*.json")}
    chosen = ["no-grunnskole-vgo", "dk-dagtilbud-skole"]
    for name in chosen:
        for mutation, change in MUTATIONS.items():
            document = copy.deepcopy(bases[name])
            change(document)
            out.append((f"{name}+{mutation}", document))
        # Concepts from the other jurisdiction: the other base's transition on this base's handover.
        other = bases[[c for c in chosen if c != name][0]]
        document = copy.deepcopy(bases[name])
        document["transition"] = other["transition"]
        out.append((f"{name}+other-transition", document))
        document = copy.deepcopy(bases[name])
        document["items"][0]["category"] = other["items"][0]["category"]
        out.append((f"{name}+other-category", document))
        document = copy.deepcopy(bases[name])
        document["sender"]["institutionType"] = other["sender"]["institutionType"]
        out.append((f"{name}+other-institution-type", document))
    return out


CORPUS = _corpus()


def structural(findings) -> list:
    return [f for f in findings if f.severity == "violation" and
            (f.component in STRUCTURAL_COMPONENTS or f.source_constraint in ENUMERATIONS)]


@pytest.mark.parametrize("name, document", CORPUS, ids=[name for name, _ in CORPUS])
def test_schema_and_shacl_agree_on_structure(setup, name, document):
    context, validator = setup
    schema_errors = list(validator.iter_errors(document))
    try:
        graph = read_json(name + ".json", json.dumps(document)).graph
    except InputError:
        # Refused by the reader (no SHACL answer): the schema refuses it too.
        assert schema_errors, f"{name}: the reader refuses what the schema accepts"
        return
    found = structural(run_validation(graph, context.knowledge, context.shapes).findings)
    if not schema_errors:
        assert found == [], f"{name}: schema-valid but SHACL finds {[(f.component, f.path) for f in found]}"
    if found:
        assert schema_errors, f"{name}: SHACL finds a structural violation the schema accepts"


def test_the_corpus_reaches_both_sides(setup):
    """The rules above are not vacuous: the corpus holds schema-valid documents and structurally invalid ones
    of every kind the schema claims to cover."""
    context, validator = setup
    kinds = set()
    valid = 0
    for name, document in CORPUS:
        if not list(validator.iter_errors(document)):
            valid += 1
            continue
        try:
            graph = read_json(name + ".json", json.dumps(document)).graph
        except InputError:
            continue
        for f in structural(run_validation(graph, context.knowledge, context.shapes).findings):
            kinds.add((f.source_constraint or f.component).rsplit("#", 1)[-1])
    assert valid >= 10
    assert {"MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
            "PatternConstraintComponent", "ClassConstraintComponent", "ClosedConstraintComponent",
            "MaxInclusiveConstraintComponent", "handover-jurisdiction", "handover-category-allowed"} <= kinds, kinds
