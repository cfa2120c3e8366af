"""Many small files: the compiled engine against the pySHACL path on the seeded mutation corpus, with the
fallback rate and the agreement of the two engines.

    python benchmarks/small_files.py [N] [--jobs 2]

Writes N mutants of the valid examples (tests/mutants.py, seed 18) as N-Triples files, validates them all with
the compiled engine (files N at a time with --jobs, as `overgang validate DIR --engine compiled -j N` does) and,
file by file, with the pySHACL path, then prints wall times, records/s, how many files the compiled engine handed
to pySHACL whole (the fallback rate, and why), on how many the compiled engine had pySHACL answer only the rules
that compare a literal rdflib and the store may read differently, and on how many files the two engines gave the
same findings.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

from mutants import mutants  # noqa: E402


def _key(f):
    return (f.focus, f.path, f.severity, f.component, f.source_shape, f.source_constraint, f.value_text(), f.handovers)


def main(argv: list[str]) -> int:
    from rdflib import Graph

    from catalogue.source.locate import CatalogueLocation
    from catalogue.source.rdfio import parse_file
    from catalogue.validate.compiled.runner import validate_compiled
    from catalogue.validate.context import context_for
    from catalogue.validate.pyshacl_engine import run_validation

    count = int(next((a for a in argv if a.isdigit()), "635"))
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else 2
    context = context_for(CatalogueLocation(REPO, "option"))
    shapes = Graph()
    for triple in context.shapes:
        shapes.add(triple)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for mutant in mutants(count):
            path = Path(tmp) / f"{mutant.name[:4]}.nt"
            path.write_bytes(mutant.ntriples)
            paths.append(path)
        start = time.perf_counter()
        run, _datasets, outcomes = validate_compiled([str(p) for p in paths], context.knowledge, shapes, jobs=jobs)
        compiled_time = time.perf_counter() - start
        start = time.perf_counter()
        reference = [run_validation(parse_file(p), context.knowledge, shapes).findings for p in paths]
        pyshacl_time = time.perf_counter() - start
    agree = sum(sorted(map(_key, o.findings)) == sorted(set(map(_key, r))) for o, r in zip(outcomes, reference))
    fallback = Counter(o.reason for o in outcomes if o.engine != "compiled")
    partial = Counter(c.rsplit("#", 1)[-1] for o in outcomes if o.engine == "compiled" for c in o.delegated)
    partial_files = sum(1 for o in outcomes if o.engine == "compiled" and o.delegated)
    print(f"{count} small files (seeded mutants of the valid examples)")
    print(f"compiled engine -j {jobs}: {compiled_time:6.1f} s, {count / compiled_time:6.1f} files/s")
    print(f"pySHACL path, one by one: {pyshacl_time:6.1f} s, {count / pyshacl_time:6.1f} files/s "
          f"({pyshacl_time / compiled_time:.1f}x the compiled engine's time)")
    whole = sum(fallback.values())
    print(f"fallback rate: {whole} of {count} files ({100 * whole / count:.1f} %) handed to pySHACL whole")
    for reason, n in fallback.most_common():
        print(f"  {n:5}  {reason}")
    print(f"compiled, with pySHACL answering only the rules that compare a doubtful literal: {partial_files} of "
          f"{count} files ({100 * partial_files / count:.1f} %)")
    for rule, n in partial.most_common():
        print(f"  {n:5}  {rule}")
    print(f"compiled whole: {count - whole - partial_files} of {count} files")
    print(f"agreement: {agree} of {count} files give the same findings on both engines")
    return 0 if agree == count else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
