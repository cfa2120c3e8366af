"""Record-parallel validation gives exactly the findings of one stock pySHACL run, and exactly the injected defects."""

import collections
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pyshacl import validate as stock_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from catalogue.model.handover_shapes import handover_shapes

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "records.ttl"
    summary = generate(30, path, seed=11, defect_rate=0.5)
    return path, summary


def _ours(path, jobs):
    result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO),
                             "validate", str(path), "--format", "json", "--jobs", str(jobs)],
                            capture_output=True, text=True, timeout=600, cwd=path.parent)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["results"]


def _key(r):
    return (r["focus"], r["path"], r["severity"], r["component"])


def test_parallel_equals_single_equals_stock_pyshacl_equals_injected(dataset, catalogue):
    path, summary = dataset
    parallel, single = _ours(path, 2), _ours(path, 1)
    assert collections.Counter(map(_key, parallel)) == collections.Counter(map(_key, single))

    by_constraint = collections.Counter(f"{(r['constraint'] or r['shape']).rsplit('#', 1)[-1]}|{r['severity']}"
                                        for r in parallel)
    assert dict(by_constraint) == summary["expected"]

    # The reference: stock pySHACL (no prepared-query cache) over the data and the whole catalogue.
    from catalogue.validate import prepared_sparql

    prepared_sparql.disable()
    data = Graph().parse(path)
    for triple in catalogue.union("ontology", "vocab"):
        data.add(triple)
    shapes = handover_shapes(catalogue)  # a fresh graph each call: pySHACL adds to the shapes graph it is given; keep the session's catalogue intact
    _conforms, report, _ = stock_validate(data, shacl_graph=shapes,
                                          inference="none", allow_warnings=True)
    severities = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
    stock = collections.Counter()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path_ = report.value(result, SH.resultPath)
        stock[(str(report.value(result, SH.focusNode)), str(path_) if path_ is not None else None,
               severities[report.value(result, SH.resultSeverity)],
               str(report.value(result, SH.sourceConstraintComponent)))] += 1
    assert collections.Counter(map(_key, parallel)) == stock
