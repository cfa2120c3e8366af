"""`validate` on the compiled engine: one store per worker, one named graph per input file.

A file goes to pySHACL instead when the engine cannot promise pySHACL's answer for it: when the store
rewrote a literal's lexical form (SPARQL's STR() would differ), or when one stored value stands for written
literals that the value tests judge differently. When only some SPARQL constraints would compare a literal
that rdflib and the store may read differently, pySHACL answers just those constraints (delegate.py) and the
compiled engine the rest. Each file is still its own dataset, as on the pySHACL path.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from catalogue.errors import InputError
from catalogue.source.datasets import Datasets, _expand
from catalogue.source.limits import check_literals, check_size
from catalogue.source.rdfio import Source, _decode, format_for, parse_source, read_source
from catalogue.validate.compiled.compiler import Program, compile_shapes
from catalogue.validate.compiled.delegate import shapes_for
from catalogue.validate.compiled.engine import Engine, RawFinding
from catalogue.validate.compiled.partitioned import Refused, pieces_for, validate_pieces
from catalogue.validate.graph_cache import derived
from catalogue.validate.pyshacl_engine import (
    ValidationRun,
    combine,
    make_finding,
    run_validation,
    slim_knowledge,
    sort_findings,
)

FAST_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}


@dataclass
class FileOutcome:
    name: str
    engine: str  # "compiled" or "pyshacl"
    findings: list
    reason: str | None = None  # why pySHACL was used instead, for the whole file or for some rules
    delegated: tuple = ()  # the SPARQL constraints pySHACL answered on a compiled file


_programs: dict[int, tuple[Graph, Program]] = {}


def program_for(shapes: Graph) -> Program:
    """Compile once per shapes graph; raises NotCompilable."""
    return derived(_programs, shapes, compile_shapes)


def _read(shown: str, path: Path | None, input_format: str | None, stdin: bytes | None,
          max_bytes: int | None) -> Source:
    if path is None:
        data = stdin if stdin is not None else sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
        if max_bytes is not None:
            check_size("-", len(data), max_bytes)
        return Source("-", data, format_for("-.ttl", input_format) if input_format else "turtle")
    return read_source(path, shown, input_format, max_bytes)


def _validate_file(engine: Engine, source: Source, max_literal: int | None,
                   jobs: int = 1, progress=None) -> tuple[list[RawFinding], tuple] | str:
    """The raw findings with the SPARQL constraints left to pySHACL, or the reason the whole file must go to
    pySHACL. Bad input raises like the pySHACL path."""
    rdf_format = FAST_FORMATS.get(source.format)
    if rdf_format is not None and isinstance(source.data, bytes):
        pieces = pieces_for(source.data)
        if pieces is not None:
            try:
                outcome = validate_pieces(engine, source.name, source.data, source.format, rdf_format, pieces,
                                          max_literal, jobs, progress)
                return outcome if isinstance(outcome, str) else (outcome, ())
            except Refused:
                pass  # the one-file path below reports what was wrong, the usual way
    text = _decode(source)  # UTF-8 and control-character checks, as for every input
    if max_literal is not None:
        check_literals(source.name, text, source.format, max_literal)
    data = source.data if isinstance(source.data, bytes) else text.encode("utf-8")
    if rdf_format is None:
        # Other syntaxes are parsed by our guarded rdflib reader, then handed over as N-Triples.
        graph = parse_source(source, max_literal=max_literal)
        data, rdf_format = graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES
    graph_name = engine.new_graph()
    try:
        try:
            notes = engine.load(graph_name, data, rdf_format)
        except (SyntaxError, ValueError):
            parse_source(source, max_literal=max_literal)  # raises the usual path:line:col error
            return "the fast parser refused what rdflib accepts"
        if engine.is_empty(graph_name):
            raise InputError(source.name, "dataset is empty")
        outcome = engine.check(graph_name, notes)
        return outcome if isinstance(outcome, str) else (outcome, notes.delegated)
    finally:
        engine.drop(graph_name)


def _reference(source: Source, knowledge: Graph, shapes: Graph, max_literal: int | None,
               cut_schema: bool = True) -> list:
    graph = parse_source(source, max_literal=max_literal)
    return run_validation(graph, knowledge, shapes, cut_schema=cut_schema).findings


_worker: dict = {}


def _file_job(job):
    shown, path, input_format, max_bytes, max_literal = job
    source = _read(shown, path, input_format, None, max_bytes)
    return shown, _run_one(source, max_literal)


def _run_one(source: Source, max_literal, jobs: int = 1, progress=None):
    engine, knowledge, shapes = _worker["engine"], _worker["knowledge"], _worker["shapes"]
    outcome = _validate_file(engine, source, max_literal, jobs, progress)
    if isinstance(outcome, str):
        return FileOutcome(source.name, "pyshacl",
                           _reference(source, knowledge, shapes, max_literal, _worker["cut_schema"]), outcome)
    raw_findings, delegated = outcome
    findings = [make_finding(knowledge, shapes, raw) for raw in raw_findings]
    reason = None
    if delegated:
        pairs = frozenset((check.shape, check.constraint) for check in delegated)
        wanted = {str(check.constraint) for check in delegated}
        answered = _reference(source, knowledge, shapes_for(shapes, pairs), max_literal, _worker["cut_schema"])
        # Described from the whole shapes graph, as every other finding, and only the delegated rules' own.
        findings += [make_finding(knowledge, shapes, _raw(f)) for f in answered if f.source_constraint in wanted]
        reason = "a rule compares a literal that rdflib and the store may read differently"
    sort_findings(findings)
    return FileOutcome(source.name, "compiled", findings, reason, tuple(str(c.constraint) for c in delegated))


def _raw(finding) -> RawFinding:
    return RawFinding(finding.focus_node, finding.path_node, URIRef(finding.severity_iri), URIRef(finding.component),
                      finding.shape_node, URIRef(finding.source_constraint), finding.value_node, finding.handovers)


def validate_compiled(arguments: list[str], knowledge: Graph, shapes: Graph, input_format: str | None = None,
                      stdin: bytes | None = None, max_bytes: int | None = None, max_literal: int | None = None,
                      jobs: int = 1, progress=None, cut_schema: bool = True,
                      ) -> tuple[ValidationRun, Datasets, list[FileOutcome]]:
    program = program_for(shapes)
    files = [item for argument in arguments for item in _expand(argument)]
    if not files:
        raise InputError("validate", "no input given")
    _worker.update(engine=Engine(program, slim_knowledge(knowledge).serialize(format="nt", encoding="utf-8"),
                                 cut_schema=cut_schema),
                   knowledge=knowledge, shapes=shapes, cut_schema=cut_schema)
    outcomes: list[FileOutcome] = []
    requested = jobs
    jobs = max(1, min(jobs, os.cpu_count() or 1, len(files)))
    if jobs > 1 and all(path is not None for _shown, path in files):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Forked workers inherit the compiled program, the loaded catalogue and the store: no start-up cost.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            work = [(shown, path, input_format, max_bytes, max_literal) for shown, path in files]
            for done, (_shown, outcome) in enumerate(pool.map(_file_job, work), start=1):
                outcomes.append(outcome)
                if progress is not None:
                    progress(done, len(files))
    else:
        for done, (shown, path) in enumerate(files, start=1):
            # One file at a time: a large one is cut into pieces, validated on every core asked for.
            pieces_progress = progress if progress is not None and len(files) == 1 else None
            outcomes.append(_run_one(_read(shown, path, input_format, stdin, max_bytes), max_literal,
                                     requested, pieces_progress))
            if progress is not None:
                progress(done, len(files))
    datasets = Datasets(Graph())
    for (shown, path), outcome in zip(files, outcomes):
        datasets.files.append(shown)
        datasets.file_paths[shown] = path
        for finding in outcome.findings:
            for iri in (finding.focus, *finding.handovers):
                datasets.subject_files.setdefault(URIRef(iri), shown)
    run = combine([ValidationRun(outcome.findings) for outcome in outcomes])
    return run, datasets, outcomes

