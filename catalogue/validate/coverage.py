"""What a validation run covered: the handovers and pupils in each input file, and the terms in it that the
catalogue does not define.

The shapes only look at what they target. A file with no ``ovg:Handover`` (a typo in the class or the
namespace, the wrong file) gives them nothing to check, and they report nothing: a false green. Every engine's
run goes through here (run.py), so that such a file always fails, whichever engine validated it.

The compiled engine does not hand back the graphs it loaded, so files are read once more, by Oxigraph's
parser for Turtle and N-Triples (measured: benchmarks/validate_bench.py); the pySHACL path's graphs are reused.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from catalogue.namespaces import OVG
from catalogue.source.limits import check_size
from catalogue.source.rdfio import RELATIVE_BASE, Source, format_for, parse_source, read_source
from catalogue.validate.known_terms import KnownTerms
from catalogue.validate.pyshacl_engine import PARTS


@dataclass
class FileScan:
    name: str
    handovers: set[str] = field(default_factory=set)
    pupils: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)  # every class the file uses with rdf:type
    # Terms that claim to be ours but are not defined -> (the subject of their first use, its predicate).
    suspects: dict[str, tuple[str, str]] = field(default_factory=dict)
    owners: dict[str, set[str]] = field(default_factory=dict)  # node -> handovers it is part of (suspects only)


def scan_graph(name: str, graph: Graph, known: KnownTerms) -> FileScan:
    scan = FileScan(name)
    seen: set = set()
    handover_types = {URIRef(c) for c in known.handover_classes}
    pupil_types = {URIRef(c) for c in known.pupil_classes}
    for s, p, o in graph:
        if p == RDF.type:
            scan.types.add(str(o))
            if o in handover_types:
                scan.handovers.add(str(s))
            elif o in pupil_types:
                scan.pupils.add(str(s))
        elif p == OVG.pupil:
            scan.pupils.add(str(o))
        for term in (s, p, o):
            if term not in seen:
                seen.add(term)
                if isinstance(term, URIRef) and known.is_suspect(str(term)):
                    scan.suspects[str(term)] = (str(s), str(p))
    if scan.suspects:
        focus = {URIRef(s) for s, _p in scan.suspects.values()}
        for part in PARTS:
            for s, o in graph.subject_objects(part):
                if o in focus:
                    scan.owners.setdefault(str(o), set()).add(str(s))
    return scan


def _scan_quads(name: str, data: bytes, rdf_format, known: KnownTerms) -> FileScan:
    """The same as scan_graph, on Oxigraph's parser: about ten times faster than building an rdflib graph."""
    import pyoxigraph as ox

    scan = FileScan(name)
    named = ox.NamedNode
    rdf_type, pupil = named(str(RDF.type)), named(str(OVG.pupil))
    handover_types = {named(c) for c in known.handover_classes}
    pupil_types = {named(c) for c in known.pupil_classes}
    seen: set = set()
    parts = {named(str(p)) for p in PARTS}
    edges = []  # (owner, part) for PARTS statements, kept only in case a suspect needs its handover
    for quad in ox.parse(data, format=rdf_format, base_iri=RELATIVE_BASE, without_named_graphs=True):
        s, p, o = quad.subject, quad.predicate, quad.object
        if p == rdf_type:
            scan.types.add(o.value)
            if o in handover_types:
                scan.handovers.add(s.value)
            elif o in pupil_types:
                scan.pupils.add(s.value)
        elif p == pupil:
            scan.pupils.add(o.value)
        if p in parts:
            edges.append((s.value, o.value))
        for term in (s, p, o):
            if term not in seen:
                seen.add(term)
                if type(term) is named and known.is_suspect(term.value):
                    scan.suspects[term.value] = (s.value, p.value)
    if scan.suspects:
        focus = {s for s, _p in scan.suspects.values()}
        for owner, part in edges:
            if part in focus:
                scan.owners.setdefault(part, set()).add(owner)
    return scan


def scan_source(source: Source, known: KnownTerms, max_literal: int | None = None) -> FileScan:
    """A file an engine has already accepted: Oxigraph reads Turtle and N-Triples; anything it refuses, and
    the other syntaxes, go through our guarded rdflib reader, as they did for the engine."""
    import pyoxigraph as ox

    fast = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}.get(source.format)
    if fast is not None:
        try:
            return _scan_quads(source.name, source.data, fast, known)
        except (SyntaxError, ValueError):
            pass
    return scan_graph(source.name, parse_source(source, max_literal=max_literal), known)


def read_again(shown: str, path: Path | None, input_format: str | None, stdin: bytes | None,
               max_bytes: int | None) -> Source:
    if path is None:
        return Source("-", stdin or b"", format_for("-.ttl", input_format) if input_format else "turtle")
    return read_source(path, shown, input_format, max_bytes)


def read_stdin(max_bytes: int | None) -> bytes:
    """Standard input, read once: the engine and the scan both need it."""
    data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
    if max_bytes is not None:
        check_size("-", len(data), max_bytes)
    return data
