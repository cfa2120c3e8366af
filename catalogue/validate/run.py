"""`validate` end to end: load the catalogue once, parse the datasets, run the shapes, hand back the findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from catalogue.errors import InputError, LimitError
from catalogue.source.datasets import Datasets, _expand, load_datasets
from catalogue.source.locate import CatalogueLocation
from catalogue.validate.context import ValidationContext, context_for
from catalogue.validate.coverage import (
    BackgroundScans,
    FileScan,
    read_again,
    read_stdin,
    scan_graph,
    scan_source,
)
from catalogue.validate.explain import explained
from catalogue.validate.known_terms import known_terms
from catalogue.validate.pyshacl_engine import ValidationRun, combine, run_validation, sort_findings


def _custom_shapes(shapes_file: str, trust_shapes: bool) -> Graph:
    from catalogue.source.rdfio import parse_file
    from catalogue.validate.shapes_policy import check_shapes

    shapes = parse_file(Path(shapes_file), display_name=shapes_file)
    check_shapes(shapes, shapes_file, trusted=trust_shapes)
    return shapes


def _compiled_refusal(inference: str, merge: bool, shapes: Graph | None) -> str | None:
    """Why the compiled engine cannot give pySHACL's answer here, or None when it can."""
    from catalogue.validate.compiled.refusal import NotCompilable
    from catalogue.validate.compiled.runner import program_for

    if inference != "none":
        return "inference is done by pySHACL"
    if merge:
        return "--merge is done by pySHACL"
    try:
        program_for(shapes)
    except NotCompilable as exc:
        return str(exc)
    return None


def _with_json_locations(validate):
    """Findings in files of the handover's JSON form also point at their place in the JSON."""
    import functools

    @functools.wraps(validate)
    def wrapper(*args, **kwargs):
        run, datasets = validate(*args, **kwargs)
        if any(name.lower().endswith(".json") for name in datasets.files) and run.findings:
            from catalogue.handover_json.locations import json_locations

            datasets.locations = json_locations(run.findings, lambda iri: datasets.subject_files.get(URIRef(iri)),
                                                datasets.file_paths)
        return run, datasets

    return wrapper


@_with_json_locations
def validate_inputs(location: CatalogueLocation, inputs: list[str], input_format: str | None = None,
                    inference: str = "none", stdin: bytes | None = None, merge: bool = False,
                    shapes_file: str | None = None, trust_shapes: bool = False,
                    max_bytes: int | None = None, max_literal: int | None = None,
                    jobs: int = 1, engine: str = "auto", keep_going: bool = False,
                    cut_schema: bool | None = None) -> tuple[ValidationRun, Datasets]:
    """Each file is its own dataset unless ``merge``: two senders' files may reuse the same IRIs, and
    merging them would mix their records. Shapes given from outside are checked before they are used.

    ``engine``: "compiled" runs the compiled engine (an error if it cannot give pySHACL's answer), "pyshacl"
    the reference engine, "auto" the compiled engine whenever it can give pySHACL's answer.

    Whatever the engine, the run then says what it covered (coverage.py, explain.py): a file without a
    handover fails, and terms the catalogue does not define are named. ``keep_going``: a file that cannot be
    read is set aside in ``datasets.unreadable`` and the others are still validated (for JUnit reports, which
    CI systems need even when one file is broken).

    ``cut_schema``: leave the data's schema statements (rdfs:subClassOf ...) out. None chooses: on for the
    catalogue's own shapes, whose meaning data must not rewrite; off for ``shapes_file``, as SHACL says."""
    if cut_schema is None:
        cut_schema = shapes_file is None
    if stdin is None and "-" in inputs:
        stdin = read_stdin(max_bytes)  # read once: the engine and the coverage scan both need it
    files = _files(inputs, keep_going)
    context = context_for(location)
    unreadable = list(files.unreadable)
    pending = list(files.found)
    known = known_terms(context.knowledge)
    # The pySHACL path parses every file into a graph the scan reuses; the compiled one does not.
    # Shapes from outside (--shapes) decide for themselves what data they check: the handover coverage
    # (no handover found, unknown terms in our namespaces) belongs to the catalogue's own shapes.
    custom = shapes_file is not None
    background = BackgroundScans(pending, known, input_format, max_bytes, max_literal,
                                 enabled=not custom and engine != "pyshacl" and inference == "none" and not merge)
    try:
        run, datasets, per_file = _validate_keeping_going(
            location, context, pending, unreadable, keep_going, input_format, inference, stdin, merge,
            shapes_file, trust_shapes, max_bytes, max_literal, jobs, engine, cut_schema)
        if custom:
            datasets.unreadable = unreadable
            return run, datasets
        scans = _scans(datasets, pending, known, input_format, stdin, max_bytes, max_literal, background)
    finally:
        background.close()
    if per_file is None:  # one dataset (--merge), or records from all files mixed (--jobs on pySHACL)
        findings = explained(run.findings, scans, known, merged=merge)
    else:
        # Both lists are in input order (a file given twice is there twice, so names cannot be the key).
        for scan, (_name, file_findings) in zip(scans, per_file):
            datasets.findings_by_file.setdefault(scan.name, []).extend(explained(file_findings, [scan], known))
        findings = [f for file_findings in datasets.findings_by_file.values() for f in file_findings]
        sort_findings(findings)
    _record(datasets, scans, unreadable)
    return ValidationRun(findings), datasets


def _validate_keeping_going(location, context, pending, unreadable, keep_going, input_format, inference, stdin,
                            merge, shapes_file, trust_shapes, max_bytes, max_literal, jobs, engine, cut_schema):
    """The engines over ``pending``; with ``keep_going``, a file that cannot be read is moved from ``pending``
    to ``unreadable`` and the rest validated again without it (cheaper than one engine per file when files
    are fine, as they usually are)."""
    while True:
        try:
            if not pending:
                run, datasets, per_file = ValidationRun([]), Datasets(Graph()), []
            else:
                run, datasets, per_file = _engines(
                    location, context, [shown for shown, _path in pending], input_format, inference, stdin, merge,
                    shapes_file, trust_shapes, max_bytes, max_literal, jobs, engine, cut_schema)
            return run, datasets, per_file
        except (InputError, LimitError) as exc:
            failed = _failed_file(exc, pending) if keep_going else None
            if failed is None:
                raise
            unreadable.append((failed[0], exc))
            pending.remove(failed)


@dataclass
class _Files:
    found: list[tuple[str, Path | None]]
    unreadable: list[tuple[str, Exception]]


def _files(inputs: list[str], keep_going: bool) -> _Files:
    files = _Files([], [])
    for argument in inputs:
        try:
            files.found.extend(_expand(argument))
        except InputError as exc:
            if not keep_going:
                raise
            files.unreadable.append((argument, exc))
    if not files.found and not files.unreadable:
        raise InputError("validate", "no input given")
    return files


def _failed_file(exc: Exception, pending: list[tuple[str, Path | None]]):
    """The input the error is about, or None when it is about the whole run (the time limit)."""
    for item in pending:
        shown = item[0]
        if isinstance(exc, InputError) and exc.path == shown:
            return item
        if isinstance(exc, LimitError) and str(exc).startswith(f"{shown}:"):
            return item
    return None


def _scans(datasets: Datasets, files, known, input_format, stdin, max_bytes, max_literal,
           background: BackgroundScans) -> list[FileScan]:
    if datasets.parts:  # the pySHACL path parsed every file: reuse its graphs
        return [scan_graph(name, graph, known) for name, graph in datasets.parts]
    return [background.take(shown, path) or
            scan_source(read_again(shown, path, input_format, stdin, max_bytes), known, max_literal)
            for shown, path in files]


def _record(datasets: Datasets, scans: list[FileScan], unreadable: list[tuple[str, Exception]]) -> None:
    for scan in scans:
        datasets.handovers[scan.name] = sorted(scan.handovers)
        datasets.pupils[scan.name] = len(scan.pupils)
        for iri in scan.handovers:
            datasets.subject_files.setdefault(URIRef(iri), scan.name)
        for focus, _predicate in scan.suspects.values():
            datasets.subject_files.setdefault(URIRef(focus), scan.name)
    datasets.unreadable = unreadable


def _engines(location: CatalogueLocation, context: ValidationContext, inputs: list[str], input_format: str | None,
             inference: str, stdin: bytes | None, merge: bool, shapes_file: str | None, trust_shapes: bool,
             max_bytes: int | None, max_literal: int | None, jobs: int, engine: str,
             cut_schema: bool = True) -> tuple[ValidationRun, Datasets, list | None]:
    """The engines' findings, and the same findings file by file, in input order, when the engine keeps them
    apart (None when it cannot: --merge, or pySHACL on several cores)."""
    import time

    from catalogue.validate.parallel import tty_progress

    shapes = None
    if engine != "pyshacl":
        shapes = _custom_shapes(shapes_file, trust_shapes) if shapes_file is not None else context.shapes
        reason = _compiled_refusal(inference, merge, shapes)
        if reason is None:
            from catalogue.validate.compiled.runner import validate_compiled

            run, datasets, outcomes = validate_compiled(inputs, context.knowledge, shapes, input_format, stdin,
                                                        max_bytes, max_literal, jobs,
                                                        progress=tty_progress(time.monotonic()),
                                                        cut_schema=cut_schema)
            return run, datasets, [(outcome.name, outcome.findings) for outcome in outcomes]
        if engine == "compiled":
            from catalogue.errors import OvergangError

            raise OvergangError(f"--engine compiled: {reason}")
    datasets = load_datasets(inputs, input_format, stdin, max_bytes=max_bytes, max_literal=max_literal)
    # With --jobs the workers are forked with the catalogue already loaded (or load it themselves).
    parallel = jobs > 1 and not (shapes_file is not None and trust_shapes)
    if shapes is None:
        shapes = _custom_shapes(shapes_file, trust_shapes) if shapes_file is not None else context.shapes
    advanced = shapes_file is not None and trust_shapes
    if parallel:
        from catalogue.validate.parallel import validate_parallel
        from catalogue.validate.records import split_records

        graphs = [datasets.graph] if merge else [part for _name, part in datasets.parts]
        records = [record for graph in graphs for record in split_records(graph)]
        custom = shapes if shapes_file is not None else None
        run = validate_parallel(records, location, jobs, custom, progress=tty_progress(time.monotonic()),
                                cut_schema=cut_schema, context=context)
        return run, datasets, None
    if merge:
        return (run_validation(datasets.graph, context.knowledge, shapes, inference, advanced=advanced,
                               cut_schema=cut_schema), datasets, None)
    runs = [run_validation(part, context.knowledge, shapes, inference, advanced=advanced, cut_schema=cut_schema)
            for _name, part in datasets.parts]
    return combine(runs), datasets, [(name, run.findings) for (name, _part), run in zip(datasets.parts, runs)]
