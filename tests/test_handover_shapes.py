"""The handover shapes: well-formed SHACL, the example manifest's expected results, and a second engine agrees."""

import collections
from pathlib import Path

import pytest
from rdflib import Graph

from catalogue.validate.manifest import actual_results, read_manifest, run_entry
from catalogue.validate.meta_shacl import shapes_problems
from catalogue.validate.run import context_for

REPO = Path(__file__).resolve().parent.parent
ENTRIES = read_manifest(REPO / "examples" / "manifest.ttl")


@pytest.fixture(scope="module")
def context(catalogue):
    return context_for(catalogue.location)


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "shapes").glob("*.ttl")))
def test_shapes_are_valid_shacl(name):
    assert shapes_problems(Graph().parse(REPO / "shapes" / name)) == []


def test_meta_shacl_catches_a_broken_shape():
    broken = Graph().parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . "
                                "<http://example.org/s> a sh:NodeShape ; sh:property [ sh:path ( 1 2 ) ] .",
                           format="turtle")
    assert shapes_problems(broken)


def test_manifest_covers_every_example():
    listed = {e.data.resolve() for e in ENTRIES}
    on_disk = {p.resolve() for p in (REPO / "examples").rglob("*.ttl") if p.name != "manifest.ttl"}
    assert listed == on_disk
    valid = {p.resolve() for p in (REPO / "examples" / "valid").glob("*.ttl")}
    assert {e.data.resolve() for e in ENTRIES if e.conforms and not e.expected} == valid


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.iri.rsplit("#", 1)[-1] for e in ENTRIES])
def test_manifest_entry(entry, context):
    run = run_entry(entry, context.knowledge)
    assert actual_results(run) == entry.expected
    assert (run.count("violation") == 0) == entry.conforms


def test_every_constraint_group_is_exercised_by_an_invalid_example():
    shapes = {r[4] for e in ENTRIES for r in e.expected} | {r[5] for e in ENTRIES for r in e.expected if r[5]}
    for required in ("handover-pupil", "PupilShape", "handover-category-allowed", "handover-consent-covers",
                     "handover-legal-basis", "no-fodselsnummer", "no-cpr", "item-free-text", "handover-deadline",
                     "handover-deprecated", "handover-sender-stage", "handover-jurisdiction"):
        assert any(s.endswith(required) for s in shapes), required


pyrudof = pytest.importorskip("pyrudof")


def _rudof_results(data: Graph, shapes: Graph, tmp_path: Path) -> collections.Counter:
    data_file, shapes_file = tmp_path / "data.nt", tmp_path / "shapes.ttl"
    data.serialize(data_file, format="nt", encoding="utf-8")
    shapes.serialize(shapes_file, format="turtle")
    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    rudof.read_data(str(data_file), format=pyrudof.RDFFormat.NTriples)
    rudof.read_shacl(str(shapes_file), format=pyrudof.ShaclFormat.Turtle)
    severities = {"Violation": "violation", "Warning": "warning", "Info": "info"}
    out = collections.Counter()
    for result in rudof.validate_shacl():
        severity = str(result.severity).rsplit("#", 1)[-1].rsplit(":", 1)[-1]
        out[(str(result.focus_node), str(result.path) if result.path else None, severities.get(severity, severity),
             str(result.constraint_component))] += 1
    return out


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.iri.rsplit("#", 1)[-1] for e in ENTRIES])
def test_pyrudof_agrees_with_pyshacl(entry, context, tmp_path):
    from catalogue.model.identity_numbers import add_constraints
    from catalogue.source.datasets import load_datasets
    from catalogue.source.rdfio import parse_file

    data = load_datasets([str(entry.data)]).graph
    merged = Graph()
    for triple in (*context.knowledge, *data):
        merged.add(triple)
    expected = collections.Counter({(r[0], r[1], r[2], r[3]): n for r, n in entry.expected.items()})
    shapes = add_constraints(parse_file(entry.shapes), context.knowledge)  # the registry's identity-number rules
    assert _rudof_results(merged, shapes, tmp_path) == expected
