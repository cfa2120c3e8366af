"""Collecting and parsing the datasets a user asks `validate` to check: files, folders and standard input."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from catalogue.errors import InputError
from catalogue.source.limits import check_size
from catalogue.source.rdfio import FORMATS_BY_SUFFIX, Source, format_for, parse_source, read_source


@dataclass
class Datasets:
    graph: Graph
    files: list[str] = field(default_factory=list)
    subject_files: dict = field(default_factory=dict)  # subject -> display name of the first file describing it
    file_paths: dict[str, Path | None] = field(default_factory=dict)
    prefixes: dict[str, dict[str, str]] = field(default_factory=dict)
    parts: list[tuple[str, Graph]] = field(default_factory=list)  # one graph per file, in order
    # What validate checked (filled in by validate/run.py): file -> handover IRIs, file -> number of pupils,
    # and the files it could not read, as (file, error), when it was asked to go on without them.
    handovers: dict[str, list[str]] = field(default_factory=dict)
    pupils: dict[str, int] = field(default_factory=dict)
    unreadable: list[tuple[str, Exception]] = field(default_factory=list)
    findings_by_file: dict[str, list] = field(default_factory=dict)  # when the engine could tell (not --merge)
    locations: dict = field(default_factory=dict)  # (focus, path) -> "FILE:LINE:COL $.json.path" (JSON form)


def _expand(argument: str) -> list[tuple[str, Path | None]]:
    if argument == "-":
        return [("-", None)]
    path = Path(argument)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS_BY_SUFFIX)
        if not found:
            raise InputError(argument, "folder holds no RDF files (.ttl, .nt, .jsonld, .json, .rdf, .xml, .owl)")
        return [(p.as_posix(), p) for p in found]
    return [(argument, path)]


def load_datasets(arguments: list[str], input_format: str | None = None, stdin: bytes | None = None,
                  max_bytes: int | None = None, max_literal: int | None = None) -> Datasets:
    graph = Graph()
    datasets = Datasets(graph)
    for argument in arguments:
        for shown, path in _expand(argument):
            if path is None:
                reader = sys.stdin.buffer
                data = stdin if stdin is not None else reader.read(max_bytes + 1 if max_bytes else -1)
                if max_bytes is not None:
                    check_size("-", len(data), max_bytes)
                source = Source("-", data, format_for("-.ttl", input_format) if input_format else "turtle")
            else:
                source = read_source(path, shown, input_format, max_bytes)
            part = parse_source(source, max_literal=max_literal)
            if len(part) == 0:
                raise InputError(shown, "dataset is empty")
            datasets.files.append(shown)
            datasets.parts.append((shown, part))
            datasets.file_paths[shown] = path
            datasets.prefixes[shown] = {p: str(ns) for p, ns in part.namespaces()}
            for s in part.subjects():
                if isinstance(s, URIRef):
                    datasets.subject_files.setdefault(s, shown)
            for triple in part:
                graph.add(triple)
    if not datasets.files:
        raise InputError("validate", "no input given")
    return datasets
