"""Lookup latency on the real catalogue: a cold run (index rebuilt from the RDF) against warm runs (cached index).

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

TERMS = ["PPR", "ppt", "Oppfølgingstenesta", "ungdomsskole", "ungdomsudd"]


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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
