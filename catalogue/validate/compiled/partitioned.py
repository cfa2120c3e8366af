"""One large file validated piece by piece, on one core or several, with the answer of the whole file.

Handover records are independent apart from what they cite, so a file is cut into pieces of whole statements
(chunks.py) and each piece is validated in a store of its own, which keeps the store small and lets the pieces
run in parallel. A piece alone could still miss data that the whole file holds, for example the schools listed
once at the top of the file, or a record whose statements straddle a cut. The compiled queries only ever read
forwards from a focus node (anchoring.py), so a piece gets exactly what is missing in three rounds:

1. scan: every piece reports the IRIs it has statements about, the IRIs it points to without any, and its
   typed literals as written (the engine's notes, so that the piece is parsed in Python only once);
2. extract: the pieces that have statements about an IRI another piece mentions hand those statements over,
   with whatever those statements point to in turn (the forward closure);
3. validate: every piece is validated together with what it imported.

Then every node a piece's checks can reach has all of its statements in that piece's store, so each finding
is one the whole file gives; the union of the pieces' findings, without duplicates, is the whole file's.
Anything unusual (a piece that does not parse, a literal over the limit, a reason to use pySHACL) sends the
whole file down the usual one-file path, which reports it the usual way.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass

import pyoxigraph as ox

from catalogue.errors import InputError
from catalogue.source.limits import check_literals
from catalogue.validate.compiled.chunks import Pieces, cut
from catalogue.validate.compiled.engine import XSD_STRING, Engine, LoadNotes, RawFinding

PIECE_BYTES = 1_500_000  # about 900 records: measured, queries cost 15 % less per record than with 2,000

_state: dict = {}  # set before the workers fork, so that they inherit the data and the engine


class Refused(Exception):
    """A piece cannot be handled on its own; the whole file takes the usual path."""


EDGE_TRIPLES = 400  # statements at each end of a piece that the scan hands over ready, since cuts split records


@dataclass
class Scan:
    """What the main process learns about a piece. IRIs travel as their hash(): forked workers share the hash
    seed, and a clash can only bring in statements that were not needed. Those come with their own forward
    closure, so any finding they lead to is still one the whole file gives."""
    notes: LoadNotes
    subjects: set[int]  # IRIs the piece has statements about
    dangling: set[int]  # IRIs it points to without any statement about them
    # Statements about IRIs met at either end of the piece, whole: the usual imports across a cut
    edges: dict[int, tuple[list[str], set[int]]]


def _piece(index: int) -> bytes:
    return _state["pieces"].piece(_state["data"], index)


def _scan(index: int) -> Scan | None:
    data = _piece(index)
    try:
        text = data.decode("utf-8")
        if "\x00" in text:
            return None
        if _state["max_literal"] is not None:
            check_literals(_state["name"], text, _state["format_name"], _state["max_literal"])
        # Engine.scan's reading of typed literals, joined to the index in one Python pass over the piece:
        # iterating the parser's triples is the costly part.
        engine: Engine = _state["engine"]
        watched = engine.program.value_predicates
        originals: dict = {}
        compared: dict = {}
        watches = engine.watches
        typed, objects, predicates = set(), set(), set()
        first: dict[int, int] = {}  # subject -> position of its first statement
        head: dict[int, list] = {}  # subject -> its triples, for subjects met in the first statements
        tail = deque(maxlen=EDGE_TRIPLES)
        literal, named, xsd_string = ox.Literal, ox.NamedNode, XSD_STRING
        seen = 0
        last, key, collecting = None, None, None
        for triple in ox.parse(data, format=_state["format"]):
            predicates.add(triple.predicate)
            obj = triple.object
            kind = type(obj)
            if kind is literal:
                if watches(triple.predicate):
                    compared.setdefault(triple.predicate, set()).add(obj)
                if obj.language is None and obj.datatype != xsd_string:
                    typed.add(obj)
                    if triple.predicate in watched:
                        originals.setdefault(triple.predicate, set()).add(obj)
            elif kind is named:
                objects.add(hash(obj.value))
            subject = triple.subject
            if subject != last:  # Turtle states most subjects in one run of predicates: decide once per run
                last = subject
                if type(subject) is named:
                    key = hash(subject.value)
                    if key not in first:
                        first[key] = seen
                        if seen < EDGE_TRIPLES:
                            head[key] = []
                    collecting = head.get(key)
                else:
                    key, collecting = None, None
            if collecting is not None:
                collecting.append(triple)
            tail.append(triple)
            seen += 1
    except (UnicodeDecodeError, InputError, SyntaxError, ValueError):
        return None
    subjects = set(first)
    ends: dict[int, list] = dict(head)
    in_tail: dict[int, list] = {}
    for triple in tail:
        if type(triple.subject) is named:
            in_tail.setdefault(hash(triple.subject.value), []).append(triple)
    start_of_tail = seen - len(tail)
    for key, triples in in_tail.items():
        if key not in ends and first[key] >= start_of_tail:  # every statement about it is in the tail
            ends[key] = triples
    edges = {}
    for key, triples in ends.items():
        if any(isinstance(t.object, ox.BlankNode) for t in triples):
            continue  # its anonymous nodes may lie outside the ends; a full extraction finds them
        edges[key] = ([f"{t} .\n" for t in triples],
                      {hash(t.object.value) for t in triples if isinstance(t.object, ox.NamedNode)})
    return Scan(engine.notes_for(typed, originals, predicates, compared), subjects, objects - subjects, edges)


def _extract(job) -> dict[int, tuple[list[str], set[int]]]:
    """The statements about each wanted IRI, as N-Triples lines, with the anonymous nodes they lead to, and the
    IRIs those statements point to."""
    index, wanted = job
    blank, named = ox.BlankNode, ox.NamedNode
    by_subject: dict = {}
    for triple in ox.parse(_piece(index), format=_state["format"]):
        subject = triple.subject
        kind = type(subject)
        if kind is blank or (kind is named and hash(subject.value) in wanted):
            by_subject.setdefault(subject, []).append(triple)
    out = {}
    for subject in by_subject:
        if type(subject) is not named:
            continue
        lines, points_to = [], set()
        todo, seen = [subject], set()
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for triple in by_subject.get(node, ()):
                lines.append(f"{triple} .\n")
                obj = triple.object
                if isinstance(obj, blank):
                    todo.append(obj)  # anonymous nodes live inside this piece only
                elif isinstance(obj, named):
                    points_to.add(hash(obj.value))
        out[hash(subject.value)] = (lines, points_to)
    return out


def _validate(job) -> tuple[list[RawFinding] | str, int]:
    """The piece's findings (or the reason to use pySHACL), and how many handovers it holds."""
    index, notes, imported = job
    engine: Engine = _state["engine"]
    graph = engine.new_graph()
    try:
        engine.load(graph, _piece(index), _state["format"], notes)
        records = engine.count_handovers(graph)
        if imported:
            extra = engine.scan(imported, ox.RdfFormat.N_TRIPLES)
            engine.load(graph, imported, ox.RdfFormat.N_TRIPLES, extra)
            notes.merge(extra)
        # A piece cannot ask pySHACL for one rule over the whole file: such a file takes the one-file path.
        return engine.check(graph, notes, delegate=False), records
    finally:
        engine.drop(graph)


def _imports(scans: list[Scan], run) -> list[bytes]:
    """What each piece must import: the closure, over the whole file, of the IRIs it mentions that other
    pieces have statements about."""
    once, twice = set(), set()
    for scan in scans:
        twice |= once & scan.subjects
        once |= scan.subjects
    seeds = [(scan.subjects & twice) | (scan.dangling & once) for scan in scans]
    statements: dict[int, list[tuple[int, list[str]]]] = {}  # IRI -> (owning piece, its lines)
    points_to: dict[int, set[int]] = {}
    wanted = set().union(*seeds)
    asked_before = set()
    while wanted:
        asked_before |= wanted
        requests = []
        for owner, scan in enumerate(scans):
            asked = wanted & scan.subjects
            for key in [key for key in asked if key in scan.edges]:
                lines, targets = scan.edges[key]
                statements.setdefault(key, []).append((owner, lines))
                points_to.setdefault(key, set()).update(targets)
                asked.discard(key)
            if asked:
                requests.append((owner, asked))
        for (owner, _asked), found in zip(requests, run(_extract, requests)):
            for key, (lines, targets) in found.items():
                statements.setdefault(key, []).append((owner, lines))
                points_to.setdefault(key, set()).update(targets)
        wanted = ({t for key in wanted for t in points_to.get(key, ())} & once) - asked_before
    out = []
    for index, mine in enumerate(seeds):
        lines, todo, seen = [], list(mine), set()
        while todo:
            key = todo.pop()
            if key in seen:
                continue
            seen.add(key)
            for owner, owned in statements.get(key, ()):
                if owner != index:
                    lines.extend(owned)
            todo.extend(t for t in points_to.get(key, ()) if t in statements)
        out.append("".join(lines).encode("utf-8"))
    return out


def pieces_for(data: bytes) -> Pieces | None:
    return cut(data, PIECE_BYTES)


def validate_pieces(engine: Engine, name: str, data: bytes, format_name: str, rdf_format: ox.RdfFormat,
                    pieces: Pieces, max_literal: int | None, jobs: int, progress=None) -> list[RawFinding] | str:
    """The raw findings of the whole file, or the reason it must go to pySHACL; raises Refused when the file
    must take the one-file path instead."""
    _state.update(engine=engine, name=name, data=data, pieces=pieces, format_name=format_name,
                  format=rdf_format, max_literal=max_literal)
    count = len(pieces.spans)
    jobs = max(1, min(jobs, os.cpu_count() or 1, count))
    pool = None
    if jobs > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))

    def run(function, work):
        if pool is None:
            return map(function, work)
        return pool.map(function, work, chunksize=1)

    try:
        scans = list(run(_scan, range(count)))
        if any(scan is None for scan in scans):
            raise Refused
        imports = _imports(scans, lambda f, w: list(run(f, w)))
        merged: dict[tuple, RawFinding] = {}
        work = [(index, scans[index].notes, imports[index]) for index in range(count)]
        records = 0
        for done, (outcome, held) in enumerate(run(_validate, work), start=1):
            if isinstance(outcome, str):
                return outcome
            for finding in outcome:
                key = finding.key()
                known = merged.get(key)
                if known is not None and known.handovers != finding.handovers:
                    finding = RawFinding(*key, tuple(sorted(set(known.handovers) | set(finding.handovers))))
                merged[key] = finding
            records += held
            if progress is not None:
                progress(done, count, "pieces", records)
        return list(merged.values())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _state.clear()
