"""Running the examples' W3C SHACL test-suite manifest (examples/manifest.ttl).

The manifest is the project's own file, so relative IRIs resolve against its location as the test-suite
format intends. Each data graph is merged with the catalogue before validation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"
SEVERITY_NAMES = {str(SH.Violation): "violation", str(SH.Warning): "warning", str(SH.Info): "info"}


@dataclass(frozen=True)
class ManifestEntry:
    iri: str
    label: str
    data: Path
    shapes: Path
    conforms: bool
    expected: Counter  # of (focus, path, severity, component, shape, constraint)


def _path(uri) -> Path:
    return Path(unquote(urlparse(str(uri)).path))


def read_manifest(path: Path) -> list[ManifestEntry]:
    graph = Graph().parse(path.resolve().as_uri(), format="turtle")
    manifest = next(graph.subjects(RDF.type, URIRef(MF + "Manifest")))
    entries = []
    for entry in Collection(graph, graph.value(manifest, URIRef(MF + "entries"))):
        action = graph.value(entry, URIRef(MF + "action"))
        result = graph.value(entry, URIRef(MF + "result"))
        expected = Counter()
        for r in graph.objects(result, SH.result):
            def get(p):
                v = graph.value(r, p)
                return str(v) if v is not None else None
            expected[(get(SH.focusNode), get(SH.resultPath), SEVERITY_NAMES[get(SH.resultSeverity)],
                      get(SH.sourceConstraintComponent), get(SH.sourceShape), get(SH.sourceConstraint))] += 1
        entries.append(ManifestEntry(
            iri=str(entry), label=str(graph.value(entry, RDFS.label) or entry),
            data=_path(graph.value(action, URIRef(SHT + "dataGraph"))),
            shapes=_path(graph.value(action, URIRef(SHT + "shapesGraph"))),
            conforms=graph.value(result, SH.conforms).toPython(), expected=expected))
    return entries


def actual_results(run) -> Counter:
    return Counter((f.focus, f.path, f.severity, f.component, f.source_shape, f.source_constraint)
                   for f in run.findings)


# path -> (the knowledge graph the registry rules were read from, the shapes with those rules added); reused
# only for that same knowledge graph, checked by identity
_shapes_cache: dict[Path, tuple[Graph, Graph]] = {}


def run_entry(entry: ManifestEntry, knowledge: Graph):
    from catalogue.model.identity_numbers import add_constraints
    from catalogue.source.datasets import load_datasets
    from catalogue.source.rdfio import parse_file
    from catalogue.validate.pyshacl_engine import run_validation

    cached = _shapes_cache.get(entry.shapes)
    if cached is None or cached[0] is not knowledge:
        # the identity-number rules come from the registry in ``knowledge``
        cached = (knowledge, add_constraints(parse_file(entry.shapes), knowledge))
        _shapes_cache[entry.shapes] = cached
    shapes = cached[1]
    datasets = load_datasets([str(entry.data)])
    return run_validation(datasets.graph, knowledge, shapes)
