"""The SSSOM export is generated from the catalogue: one row per mapping, plus negated rows for false friends."""

import csv
import io

from click.testing import CliRunner
from minicatalogue import build

from catalogue.authoring.sssom import COLUMNS, sssom_tsv
from cli import main


def _rows(text):
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body), delimiter="\t"))


def test_rows_follow_the_mappings(tmp_path):
    _root, views = build(tmp_path)
    rows = _rows(sssom_tsv(views, "test"))
    assert tuple(rows[0].keys()) == COLUMNS
    mapped = [r for r in rows if r["predicate_modifier"] == ""]
    assert [(r["subject_id"], r["predicate_id"], r["object_id"]) for r in mapped] == [
        ("no:alpha", "skos:closeMatch", "dk:gamma")]
    assert mapped[0]["mapping_justification"] == "semapv:ManualMappingCuration"
    assert mapped[0]["comment"] == "Both advise; the Danish one starts earlier."
    negated = [r for r in rows if r["predicate_modifier"] == "Not"]
    assert [(r["subject_id"], r["object_id"]) for r in negated] == [("no:beta", "dk:delta")]


def test_real_catalogue_export_counts(catalogue, tmp_path):
    from catalogue.model.catalogue import build_views

    views = build_views(catalogue.location)
    rows = _rows(sssom_tsv(views, "test"))
    assert len(rows) == len(views.mappings) + len(views.false_friends)


def test_export_refuses_to_overwrite_and_writes_0600(repo, tmp_path):
    target = tmp_path / "out.sssom.tsv"
    runner = CliRunner()
    first = runner.invoke(main, ["--catalogue", str(repo), "export", "sssom", "-o", str(target)])
    assert first.exit_code == 0, first.output
    assert target.stat().st_mode & 0o777 == 0o600
    second = runner.invoke(main, ["--catalogue", str(repo), "export", "sssom", "-o", str(target)])
    assert second.exit_code == 3
    assert "already exists" in second.output
