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
            if isinstance(term, URIRef) and term not in seen:
                seen.add(term)
                if known.is_suspect(str(term)):
                    scan.suspects[str(term)] = (str(s), str(p))
    if scan.suspects:
        focus = {URIRef(s) for s, _p in scan.suspects.values()}
        for part in PARTS:
            for s, o in graph.subject_objects(part):
                if o in focus:
                    scan.owners.setdefault(str(o), set()).add(str(s))
    return scan


def _scan_quads(name: str, data: bytes, rdf_format, known: KnownTerms) -> FileScan:
    """The same as scan_graph, on Oxigraph's parser: several times faster than building an rdflib graph.
    Written for speed (benchmarks/coverage_scan.py): terms are compared as strings (hashing Oxigraph's term
    objects costs more than making the string), one look-up per predicate, the subject only when it changes
    (Turtle groups statements by subject)."""
    import pyoxigraph as ox

    scan = FileScan(name)
    named = ox.NamedNode
    handover_types, pupil_types = known.handover_classes, known.pupil_classes
    part_predicates = {str(p) for p in PARTS}
    rdf_type, pupil = str(RDF.type), str(OVG.pupil)
    kinds: dict[str, int] = {}
    seen: set[str] = set()
    edges = []  # (owner, part) statements, kept only in case a suspect needs its handover
    last_subject = None
    for quad in ox.parse(data, format=rdf_format, base_iri=RELATIVE_BASE, without_named_graphs=True):
        p = quad.predicate.value
        kind = kinds.get(p)
        if kind is None:
            kind = kinds[p] = _TYPE if p == rdf_type else _PUPIL if p == pupil else \
                _PART if p in part_predicates else _OTHER
            if known.is_suspect(p):
                scan.suspects.setdefault(p, (quad.subject.value, p))
        subject = quad.subject
        s = subject.value
        if s != last_subject:
            last_subject = s
            if type(subject) is named and s not in seen:
                seen.add(s)
                if known.is_suspect(s):
                    scan.suspects.setdefault(s, (s, p))
        obj = quad.object
        if type(obj) is not named:
            if kind == _PUPIL:
                scan.pupils.add(obj.value)
            elif kind == _PART:
                edges.append((s, obj.value))
            continue
        o = obj.value
        if kind == _TYPE:
            if o in handover_types:
                scan.handovers.add(s)
            elif o in pupil_types:
                scan.pupils.add(s)
            scan.types.add(o)
        elif kind == _PUPIL:
            scan.pupils.add(o)
        elif kind == _PART:
            edges.append((s, o))
        if o not in seen:
            seen.add(o)
            if known.is_suspect(o):
                scan.suspects.setdefault(o, (s, p))
    if scan.suspects:
        focus = {s for s, _p in scan.suspects.values()}
        for owner, part in edges:
            if part in focus:
                scan.owners.setdefault(part, set()).add(owner)
    return scan


_TYPE, _PUPIL, _PART, _OTHER = range(4)


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


# Files at least this large are scanned in a forked process while the engine validates them, so that on a
# machine with a spare core the scan adds no wall time (benchmarks/coverage_scan.py has the figures).
BACKGROUND_BYTES = 8 * 1024 * 1024


class BackgroundScans:
    """Scans of large files, started in a forked process before the engine runs and collected after it."""

    def __init__(self, files, known: KnownTerms, input_format, max_bytes, max_literal, enabled: bool = True):
        self.large = [(shown, path) for shown, path in files
                      if enabled and path is not None and _size(path) >= BACKGROUND_BYTES]
        self.results: dict | None = None
        self.process = self.receiver = None
        if not self.large:
            return
        import multiprocessing

        context = multiprocessing.get_context("fork")  # the child shares the loaded catalogue; nothing to send
        self.receiver, sender = context.Pipe(duplex=False)
        jobs = (self.large, known, input_format, max_bytes, max_literal)
        self.process = context.Process(target=_scan_all, args=(sender, jobs), daemon=True)
        self.process.start()
        sender.close()

    def take(self, shown: str, path) -> FileScan | None:
        if self.process is None or (shown, path) not in self.large:
            return None
        if self.results is None:
            try:
                self.results = self.receiver.recv()
            except (EOFError, OSError):
                self.results = {}
        return self.results.get((shown, str(path)))

    def close(self) -> None:
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()  # the run ended early (an error): the scans are not needed
            self.process.join()
            self.receiver.close()
            self.process = None


def _scan_all(sender, jobs) -> None:
    large, known, input_format, max_bytes, max_literal = jobs
    results = {}
    for shown, path in large:
        try:
            results[(shown, str(path))] = scan_source(read_again(shown, path, input_format, None, max_bytes),
                                                      known, max_literal)
        except Exception:  # an unreadable file is reported by the engine; nothing to scan
            continue
    sender.send(results)
    sender.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
