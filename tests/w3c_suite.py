"""The W3C SHACL test suite (tests/w3c, core and sparql), run through `overgang validate` and compared the way
the suite compares: the conforms flag and the results (focus node, path, value, severity, source shape and
component), as graphs, so that blank nodes match up to isomorphism.

Each test is first written out with absolute IRIs (the suite's files use relative ones, which `validate`
refuses), and run against an empty catalogue, so that only the test's own data and shapes count.

    python tests/w3c_suite.py            # the table for every engine and stock pySHACL
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH

HERE = Path(__file__).resolve().parent
SUITE = HERE / "w3c"
BASE = "http://datashapes.org/sh/tests/"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"
# What the suite compares in each result; messages and sh:sourceConstraint are left out, as in the suite.
RESULT_PROPERTIES = (SH.focusNode, SH.resultPath, SH.value, SH.resultSeverity, SH.sourceShape,
                     SH.sourceConstraintComponent)
ENGINES = ("compiled", "auto", "pyshacl")
logging.getLogger("rdflib").setLevel(logging.CRITICAL)  # ill-typed test literals are expected


@dataclass(frozen=True)
class W3CTest:
    name: str  # the manifest entry, relative to the suite: core/node/class-001
    data: Path
    shapes: Path
    expected: Graph | None  # None: the suite expects the validator to fail (sht:Failure)


def _absolute_graph(path: Path) -> Graph:
    """The file's triples with its relative IRIs made absolute, literals as written."""
    base = BASE + path.relative_to(SUITE).as_posix()
    nt = ox.serialize(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE, base_iri=base),
                      format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=nt, format="nt")


def absolute_ntriples(path: Path) -> bytes:
    base = BASE + path.relative_to(SUITE).as_posix()
    return ox.serialize(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE, base_iri=base),
                        format=ox.RdfFormat.N_TRIPLES)


def _file_of(iri) -> Path:
    return SUITE / str(iri)[len(BASE):]


def _manifest_entries(manifest: Path) -> list[W3CTest]:
    graph = _absolute_graph(manifest)
    out = []
    for root in graph.subjects(RDF.type, URIRef(MF + "Manifest")):
        for included in graph.objects(root, URIRef(MF + "include")):
            out.extend(_manifest_entries(_file_of(included)))
        entries = graph.value(root, URIRef(MF + "entries"))
        for entry in (Collection(graph, entries) if entries is not None else ()):
            action = graph.value(entry, URIRef(MF + "action"))
            result = graph.value(entry, URIRef(MF + "result"))
            expected = None if result == URIRef(SHT + "Failure") else reduced(graph, result)
            out.append(W3CTest(str(entry)[len(BASE):].removesuffix(".ttl"),
                               _file_of(graph.value(action, URIRef(SHT + "dataGraph"))),
                               _file_of(graph.value(action, URIRef(SHT + "shapesGraph"))), expected))
    return out


def suite_tests() -> list[W3CTest]:
    return [t for part in ("core", "sparql") for t in _manifest_entries(SUITE / part / "manifest.ttl")]


def _copy_closure(source: Graph, node, target: Graph):
    """A copy of a blank node's description (a path: a list, sh:inversePath ...) under fresh blank nodes, so
    that two results that share one path node compare like two results with a path each."""
    if not isinstance(node, BNode):
        return node
    fresh: dict = {}
    todo = [node]
    while todo:
        current = todo.pop()
        if current in fresh:
            continue
        fresh[current] = BNode()
        todo.extend(o for o in source.objects(current, None) if isinstance(o, BNode))
    for old, new in fresh.items():
        for _s, p, o in source.triples((old, None, None)):
            target.add((new, p, fresh.get(o, o)))
    return fresh[node]


def reduced(report: Graph, report_node) -> Graph:
    """A validation report cut down to what the suite compares."""
    out = Graph()
    top = BNode()
    conforms = report.value(report_node, SH.conforms)
    out.add((top, SH.conforms, Literal(bool(conforms.toPython()))))
    for result in report.objects(report_node, SH.result):
        node = BNode()
        out.add((top, SH.result, node))
        for predicate in RESULT_PROPERTIES:
            for value in report.objects(result, predicate):
                if predicate == SH.resultPath:
                    value = _copy_closure(report, value, out)
                out.add((node, predicate, value))
    return out


def reduced_report(report: Graph) -> Graph:
    return reduced(report, report.value(predicate=RDF.type, object=SH.ValidationReport) or
                   next(report.subjects(SH.conforms, None)))


def empty_catalogue(folder: Path) -> Path:
    """A catalogue with nothing in it, so that validation sees only the test's graphs."""
    (folder / "ontology").mkdir(parents=True, exist_ok=True)
    (folder / "shapes").mkdir(exist_ok=True)
    (folder / "vocab").mkdir(exist_ok=True)
    (folder / "ontology" / "overgang.ttl").write_text(
        "<https://w3id.org/overgang/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n", encoding="utf-8")
    (folder / "shapes" / "handover.ttl").write_text("", encoding="utf-8")
    return folder


def written(test: W3CTest, folder: Path) -> tuple[Path, Path]:
    """The test's data and shapes graphs as N-Triples files with absolute IRIs."""
    stem = test.name.replace("/", "_")
    data, shapes = folder / f"{stem}-data.nt", folder / f"{stem}-shapes.nt"
    data.write_bytes(absolute_ntriples(test.data))
    shapes.write_bytes(absolute_ntriples(test.shapes))
    return data, shapes


@dataclass(frozen=True)
class Outcome:
    verdict: str  # pass, fail, refused or error
    detail: str = ""


def compare(test: W3CTest, exit_code: int, output: str, stderr: str = "") -> Outcome:
    if test.expected is None:
        # The suite expects a failure: a clean refusal of the shapes (exit 3) is the right answer.
        return Outcome("pass") if exit_code == 3 else Outcome("fail", f"exit {exit_code}, expected a failure")
    if exit_code not in (0, 1):
        return Outcome("error", (stderr or output).strip()[:300])
    actual = reduced_report(Graph().parse(data=output, format="turtle"))
    if isomorphic(actual, test.expected):
        return Outcome("pass")
    return Outcome("fail", "the report differs")


def run_cli(test: W3CTest, engine: str, folder: Path, catalogue: Path) -> Outcome:
    from click.testing import CliRunner

    from cli import main

    data, shapes = written(test, folder)
    result = CliRunner().invoke(main, ["--catalogue", str(catalogue), "validate", str(data), "--shapes", str(shapes),
                                       "--trust-shapes", "--format", "turtle", "--show-values", "--engine", engine])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return Outcome("error", f"{type(result.exception).__name__}: {result.exception}")
    stderr = result.stderr if result.stderr_bytes is not None else ""
    if engine == "compiled" and result.exit_code in (2, 3) and "--engine compiled:" in (stderr or result.output):
        return Outcome("refused", (stderr or result.output).strip()[:300])
    return compare(test, result.exit_code, result.stdout, stderr)


def run_stock(test: W3CTest, folder: Path) -> Outcome:
    """Stock pySHACL on the same absolute-IRI files, with its defaults."""
    from pyshacl import validate

    data, shapes = written(test, folder)
    try:
        _conforms, report, _text = validate(Graph().parse(data, format="nt"),
                                            shacl_graph=Graph().parse(shapes, format="nt"))
        if not isinstance(report, Graph):  # pySHACL hands back a ValidationFailure for shapes it cannot run
            raise ValueError(str(report))
    except Exception as exc:  # noqa: BLE001 - a failure is what sht:Failure tests expect
        if test.expected is None:
            return Outcome("pass")
        return Outcome("error", f"{type(exc).__name__}")
    if test.expected is None:
        return Outcome("fail", "validated shapes the suite expects to be refused")
    return Outcome("pass") if isomorphic(reduced_report(report), test.expected) else Outcome("fail", "differs")


def main() -> int:
    import tempfile
    from collections import Counter

    tests = suite_tests()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        catalogue = empty_catalogue(folder / "catalogue")
        rows = {}
        for engine in (*ENGINES, "stock pySHACL"):
            outcomes = {t.name: (run_stock(t, folder) if engine == "stock pySHACL" else
                                 run_cli(t, engine, folder, catalogue)) for t in tests}
            rows[engine] = outcomes
        print(f"{len(tests)} tests")
        print(f"{'engine':16} {'pass':>5} {'fail':>5} {'refused':>8} {'error':>6}")
        for engine, outcomes in rows.items():
            counts = Counter(o.verdict for o in outcomes.values())
            print(f"{engine:16} {counts['pass']:5} {counts['fail']:5} {counts['refused']:8} {counts['error']:6}")
        if "-v" in sys.argv:
            for engine, outcomes in rows.items():
                for name, o in sorted(outcomes.items()):
                    if o.verdict not in ("pass", "refused"):
                        print(f"{engine:14} {name:45} {o.verdict:7} {o.detail}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    sys.exit(main())
