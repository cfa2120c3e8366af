"""One large file validated in pieces must give exactly what the whole file gives: records that straddle a cut,
data listed once at the top, statements about one node spread across the file, and a file serialised by
subject (so that almost every record spans many pieces)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from catalogue.model.handover_shapes import handover_shapes
from catalogue.validate.compiled import partitioned
from catalogue.validate.compiled.chunks import cut
from catalogue.validate.compiled.runner import validate_compiled

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def context(catalogue):
    return catalogue.union("ontology", "vocab"), handover_shapes(catalogue)


def _findings(path: Path, context, piece_bytes: int, monkeypatch, jobs: int = 1):
    monkeypatch.setattr(partitioned, "PIECE_BYTES", piece_bytes)
    knowledge, shapes = context
    run, _datasets, outcomes = validate_compiled([str(path)], knowledge, shapes, jobs=jobs)
    assert outcomes[0].engine == "compiled", outcomes[0].reason
    return sorted((f.focus, f.path, f.severity, f.component, f.source_shape, f.source_constraint, f.value,
                   f.handovers) for f in run.findings)


def _counts(findings):
    return Counter(f"{str(c or s).rsplit('#', 1)[-1]}|{sev.rsplit('#', 1)[-1].lower()}"
                   for _f, _p, sev, _comp, s, c, _v, _h in findings)


def _pieces_used(path: Path, piece_bytes: int) -> int:
    pieces = cut(path.read_bytes(), piece_bytes)
    return 0 if pieces is None else len(pieces.spans)


def test_pieces_give_the_whole_files_findings(context, tmp_path, monkeypatch):
    data = tmp_path / "records.ttl"
    expected = generate(400, data, seed=5, defect_rate=0.4)["expected"]
    assert _pieces_used(data, 20_000) > 20  # many cuts, so records straddle them and the schools are far away
    whole = _findings(data, context, 10**9, monkeypatch)
    pieces = _findings(data, context, 20_000, monkeypatch)
    assert pieces == whole
    assert dict(_counts(pieces)) == expected


def test_pieces_on_two_cores_give_the_same_findings(context, tmp_path, monkeypatch):
    data = tmp_path / "records.ttl"
    generate(200, data, seed=3, defect_rate=0.5)
    one = _findings(data, context, 15_000, monkeypatch, jobs=1)
    two = _findings(data, context, 15_000, monkeypatch, jobs=2)
    assert one == two and len(one) > 20


def test_a_file_serialised_by_subject_still_gives_the_whole_files_findings(context, tmp_path, monkeypatch):
    """rdflib writes all statements about one subject together, sorted by subject: a handover, its pupil and
    its items end up in different pieces, so nearly everything is imported."""
    source = tmp_path / "records.ttl"
    generate(150, source, seed=9, defect_rate=0.5)
    data = tmp_path / "by-subject.ttl"
    data.write_text(Graph().parse(source).serialize(format="turtle"), encoding="utf-8")
    assert _pieces_used(data, 8_000) > 10
    assert _findings(data, context, 8_000, monkeypatch) == _findings(data, context, 10**9, monkeypatch)


def test_statements_about_one_node_far_apart_are_brought_together(context, tmp_path, monkeypatch):
    """The pupil's age is stated at the end of the file; a piece that sees only the start must not report it
    missing, and the piece with the end must not report the pseudonym missing."""
    source = tmp_path / "records.ttl"
    generate(120, source, seed=2, defect_rate=0.0)
    text = source.read_text(encoding="utf-8")
    moved = []
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("ex:p7 a ovg:Pupil"):
            subject, rest = line.split(" ; ", 1)
            pseudonym, age = rest.rsplit(" ; ", 1)
            lines[index] = f"{subject} ; {pseudonym} .\n"
            moved.append(f"ex:p7 {age}")
    assert moved
    data = tmp_path / "spread.ttl"
    data.write_text("".join(lines + moved), encoding="utf-8")
    assert _pieces_used(data, 10_000) > 10
    pieces = _findings(data, context, 10_000, monkeypatch)
    assert pieces == _findings(data, context, 10**9, monkeypatch)
    assert pieces == []  # generated without defects, so any finding would be one the cut invented


def test_a_bad_piece_is_reported_like_a_bad_file(context, tmp_path, monkeypatch):
    from catalogue.errors import InputError

    data = tmp_path / "records.ttl"
    generate(200, data, seed=4, defect_rate=0.0)
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[300] = lines[300].replace(" .\n", " ;\n")  # an unfinished statement in the middle of the file
    data.write_text("".join(lines), encoding="utf-8")
    knowledge, shapes = context
    reported = []
    for piece_bytes in (20_000, 10**9):  # in pieces, and whole
        monkeypatch.setattr(partitioned, "PIECE_BYTES", piece_bytes)
        with pytest.raises(InputError) as raised:
            validate_compiled([str(data)], knowledge, shapes)
        reported.append(str(raised.value))
    assert _pieces_used(data, 20_000) > 10
    assert reported[0] == reported[1]
    # Line 301 lost its final dot, so the parser stumbles at the start of line 302.
    assert f"{data}:302:" in reported[0]


@pytest.mark.parametrize("middle", [b"PREFIX x: <http://x.example/>\n", b"  @base <http://x.example/> .\n",
                                    b"ex:a ex:p _:label .\n"])
def test_what_would_change_meaning_across_a_cut_keeps_the_file_whole(middle):
    head = b"@prefix ex: <http://e.example/> .\n"
    body = b"ex:a ex:p ex:b .\n" * 20_000
    assert cut(head + body + body, 100_000) is not None
    assert cut(head + body + middle + body, 100_000) is None


def test_the_pieces_cover_the_file_exactly():
    head = b"\xef\xbb\xbf@prefix ex: <http://e.example/> .\n# a comment\n\n"
    body = b"".join(b"ex:s%d ex:p ex:o ;\n    ex:q \"x .\" .\n" % i for i in range(20_000))
    pieces = cut(head + body, 50_000)
    assert pieces is not None and len(pieces.spans) > 5
    assert pieces.header == head[3:]
    assert b"".join((head + body)[start:end] for start, end in pieces.spans) == body
    assert all((head + body)[end - 2:end] == b".\n" for _start, end in pieces.spans)
