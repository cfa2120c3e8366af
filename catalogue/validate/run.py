"""`validate` end to end: load the catalogue once, parse the datasets, run the shapes, hand back the findings."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from catalogue.source.datasets import Datasets, load_datasets
from catalogue.source.locate import CatalogueLocation
from catalogue.validate.context import context_for
from catalogue.validate.pyshacl_engine import ValidationRun, combine, run_validation


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
                    jobs: int = 1, engine: str = "auto") -> tuple[ValidationRun, Datasets]:
    """Each file is its own dataset unless ``merge``: two senders' files may reuse the same IRIs, and
    merging them would mix their records. Shapes given from outside are checked before they are used.

    ``engine``: "compiled" runs the compiled engine (an error if it cannot give pySHACL's answer), "pyshacl"
    the reference engine, "auto" the compiled engine whenever it can give pySHACL's answer."""
    import time

    from catalogue.validate.parallel import tty_progress

    context = shapes = None
    if engine != "pyshacl":
        context = context_for(location)
        shapes = _custom_shapes(shapes_file, trust_shapes) if shapes_file is not None else context.shapes
        reason = _compiled_refusal(inference, merge, shapes)
        if reason is None:
            from catalogue.validate.compiled.runner import validate_compiled

            run, datasets, _outcomes = validate_compiled(inputs, context.knowledge, shapes, input_format, stdin,
                                                         max_bytes, max_literal, jobs,
                                                         progress=tty_progress(time.monotonic()))
            return run, datasets
        if engine == "compiled":
            from catalogue.errors import OvergangError

            raise OvergangError(f"--engine compiled: {reason}")
    datasets = load_datasets(inputs, input_format, stdin, max_bytes=max_bytes, max_literal=max_literal)
    # With --jobs every worker loads the catalogue itself; the main process only needs it when validating.
    parallel = jobs > 1 and not (shapes_file is not None and trust_shapes)
    if context is None and not parallel:
        context = context_for(location)
    if shapes is None:
        shapes = _custom_shapes(shapes_file, trust_shapes) if shapes_file is not None else \
            (context.shapes if context is not None else None)
    advanced = shapes_file is not None and trust_shapes
    if parallel:
        from catalogue.validate.parallel import validate_parallel
        from catalogue.validate.records import split_records

        graphs = [datasets.graph] if merge else [part for _name, part in datasets.parts]
        records = [record for graph in graphs for record in split_records(graph)]
        custom = shapes if shapes_file is not None else None
        return validate_parallel(records, location, jobs, custom, progress=tty_progress(time.monotonic())), datasets
    if merge:
        return run_validation(datasets.graph, context.knowledge, shapes, inference, advanced=advanced), datasets
    runs = [run_validation(part, context.knowledge, shapes, inference, advanced=advanced)
            for _name, part in datasets.parts]
    return combine(runs), datasets
