"""Lookup latency on the real catalogue: a cold run (index rebuilt from the RDF) against warm runs (cached index),
and the matching alone, in-process, for exact queries against ones that need the typo pass.

Prints the figures and the ratio; run from the checkout with the project installed:
    python benchmarks/lookup_latency.py [RUNS]
Whole processes are timed, start-up included, as a case worker experiences them.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TERMS = ["PPR", "ppt", "Oppfølgingstenesta", "ungdomsskole", "ungdomsudd", "PP tjenesten", "oppfølgingstjensten"]
# Queries that only a typo or a suggestion can answer: the slowest path of the matching rule.
TYPO_TERMS = ["oppfølgingstjensten", "sakyndig vurdering", "kommunne", "qqqqzzzz"]


def timed(args, env):
    start = time.perf_counter()
    result = subprocess.run(args, env=env, check=False, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"lookup failed ({result.returncode}): {result.stderr.decode(errors='replace')[:300]}")
    return elapsed


def main(runs: int) -> None:
    # The installed console script: inside a checkout the package's cli.py only exists once installed.
    overgang = shutil.which("overgang", path=os.path.dirname(sys.executable)) or shutil.which("overgang")
    if overgang is None:
        sys.exit("install the project first (pip install .)")
    command = [overgang, "lookup"]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "OVERGANG_CACHE_DIR": cache}
        cold = timed([*command, "PPR"], env)
        warm = [timed([*command, term], env) for _ in range(runs) for term in TERMS]
    print(f"cold lookup (index built from RDF): {cold:.3f} s")
    print(f"warm lookup, median of {len(warm)}:   {statistics.median(warm):.3f} s  (max {max(warm):.3f} s)")
    print(f"cold/warm ratio: {cold / statistics.median(warm):.1f}x")
    matching()


def matching(rounds: int = 20) -> None:
    from pathlib import Path

    from catalogue.model.catalogue import build_views
    from catalogue.search.lookup import build_index, find
    from catalogue.source.locate import CatalogueLocation

    index = build_index(build_views(CatalogueLocation(Path.cwd(), "checkout")))
    for name, terms in (("exact or prefix", TERMS[:5]), ("typo or did-you-mean", TYPO_TERMS)):
        times = []
        for _ in range(rounds):
            for term in terms:
                start = time.perf_counter()
                find(index, term)
                times.append(time.perf_counter() - start)
        print(f"matching only, {name}: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
              f"over {len(index['concepts'])} concepts")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
