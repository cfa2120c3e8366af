"""What `validate` pays to say what it checked: the coverage scan (catalogue/validate/coverage.py) reads each
file once more after the compiled engine, to count handovers and pupils and find terms we do not define.

    python benchmarks/coverage_scan.py [N ...]

For each N, generates N records (benchmarks/generate.py) and prints the seconds for the scan alone, for
Oxigraph's parser alone (the floor: the scan cannot be faster than reading the file), and triples/s.
Compare with `python benchmarks/validate_bench.py N` for the whole run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def main(sizes: list[int]) -> None:
    import pyoxigraph as ox

    from catalogue.source.locate import CatalogueLocation
    from catalogue.source.rdfio import RELATIVE_BASE, read_source
    from catalogue.validate.context import context_for
    from catalogue.validate.coverage import scan_source
    from catalogue.validate.known_terms import known_terms

    known = known_terms(context_for(CatalogueLocation(REPO, "option")).knowledge)
    print(f"{'records':>9} {'triples':>10} {'parse s':>9} {'scan s':>9} {'scan triples/s':>15} {'handovers':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"records-{n}.ttl"
            generate(n, path)
            source = read_source(path, path.name)
            start = time.perf_counter()
            triples = sum(1 for _ in ox.parse(source.data, format=ox.RdfFormat.TURTLE, base_iri=RELATIVE_BASE,
                                              without_named_graphs=True))
            parse = time.perf_counter() - start
            start = time.perf_counter()
            scan = scan_source(source, known)
            seconds = time.perf_counter() - start
            print(f"{n:>9} {triples:>10} {parse:>9.2f} {seconds:>9.2f} {triples / seconds:>15,.0f} "
                  f"{len(scan.handovers):>10}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
