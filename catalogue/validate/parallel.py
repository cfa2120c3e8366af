"""Validating many handover records on several cores.

Each worker has the catalogue and the shapes once, then validates chunks of records; results are merged
and shared nodes' findings counted once, so the outcome equals one pySHACL run over the whole dataset
(tests/test_parallel.py checks that on generated data with injected defects).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from rdflib import Graph

from catalogue.validate.pyshacl_engine import ValidationRun, combine_unique, run_validation

_worker: dict = {}


def _init(location, shapes_ntriples: bytes | None, cut_schema: bool = True) -> None:
    from catalogue.validate.context import context_for

    context = context_for(location)
    shapes = Graph().parse(data=shapes_ntriples, format="nt") if shapes_ntriples else context.shapes
    _worker.update(knowledge=context.knowledge, shapes=shapes, cut_schema=cut_schema)


def _validate_chunk(ntriples: bytes):
    data = Graph().parse(data=ntriples, format="nt")
    return run_validation(data, _worker["knowledge"], _worker["shapes"], cut_schema=_worker["cut_schema"]).findings


def _chunks(records: list[Graph], size: int):
    for start in range(0, len(records), size):
        merged = Graph()
        for record in records[start:start + size]:
            for triple in record:
                merged.add(triple)
        yield merged.serialize(format="nt", encoding="utf-8")


def validate_parallel(records: list[Graph], location, jobs: int, shapes: Graph | None = None,
                      chunk_size: int = 200, progress=None, cut_schema: bool = True, context=None) -> ValidationRun:
    """``context``: the catalogue already loaded here (a ValidationContext). Forked workers then inherit it with
    the shapes, instead of each loading the catalogue again (about 0.6 s of a worker's start)."""
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    runs = []
    done = 0
    if context is not None and "fork" in multiprocessing.get_all_start_methods():
        _worker.update(knowledge=context.knowledge, shapes=shapes if shapes is not None else context.shapes,
                       cut_schema=cut_schema)
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    else:
        shapes_nt = shapes.serialize(format="nt", encoding="utf-8") if shapes is not None else None
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(location, shapes_nt, cut_schema))
    with pool:
        for findings in pool.map(_validate_chunk, _chunks(records, chunk_size)):
            runs.append(ValidationRun(findings))
            done = min(len(records), done + chunk_size)
            if progress is not None:
                progress(done, len(records))
    return combine_unique(runs)


def tty_progress(total_start):
    """Records per second on stderr, only when stderr is a terminal."""
    import time

    if not sys.stderr.isatty():
        return None

    def show(done, total, unit="records", records=None):
        rate = (done if records is None else records) / max(time.monotonic() - total_start, 1e-6)
        counted = "" if records is None else f", {records:,} records"
        sys.stderr.write(f"\r{done}/{total} {unit}{counted}, {rate:,.0f} records/s")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
