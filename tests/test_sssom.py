"""The SSSOM export is generated from the catalogue, one row per mapping, and read by sssom-py itself: its
`validate` and its `convert` to JSON, RDF and OWL. False friends are never in it, so no tool can read them as
matches (sssom-py's OWL output asserts skos:exactMatch for a negated row)."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from minicatalogue import build
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from catalogue.authoring import sssom as sssom_module
from catalogue.authoring.sssom import COLUMNS, sssom_tsv
from cli import main

SSSOM = Path(sys.executable).with_name("sssom")  # sssom-py's command, from the test extras


def _rows(text):
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body), delimiter="\t"))


def _header(text):
    return yaml.safe_load("\n".join(line[2:] for line in text.splitlines() if line.startswith("# ")))


def test_rows_follow_the_mappings(tmp_path):
    _root, views = build(tmp_path)
    rows = _rows(sssom_tsv(views, "test"))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [(r["subject_id"], r["predicate_id"], r["object_id"]) for r in rows] == [
        ("no:alpha", "skos:closeMatch", "dk:gamma")]
    assert rows[0]["mapping_justification"] == "semapv:ManualMappingCuration"
    assert rows[0]["comment"] == "Both advise; the Danish one starts earlier."
    # The mini catalogue's false friend (no:beta / dk:delta) is left out.
    assert views.false_friends and not any("beta" in r["subject_id"] + r["object_id"] for r in rows)


def test_real_catalogue_export_counts(catalogue):
    from catalogue.model.catalogue import build_views

    views = build_views(catalogue.location)
    rows = _rows(sssom_tsv(views, "test"))
    assert len(rows) == len(views.mappings)


def test_header_keys_survive_a_yaml_1_1_parser(monkeypatch, tmp_path):
    """PyYAML follows YAML 1.1, where an unquoted no, yes, on or off is a boolean: the Norway problem. The
    prefixes come from the data, so every one is quoted, whatever it is."""
    _root, views = build(tmp_path)
    header = _header(sssom_tsv(views, "test"))
    assert set(header["curie_map"]) == set(sssom_module.curie_map(views.registry))
    assert "no" in header["curie_map"]
    assert all(isinstance(key, str) for key in header["curie_map"])
    tricky = {"no": "https://example.org/a/", "yes": "https://example.org/b/", "on": "https://example.org/c/",
              "off": "https://example.org/d/", "null": "https://example.org/e/", "1.0": "https://example.org/f/"}
    monkeypatch.setattr(sssom_module, "curie_map", lambda registry: tricky)
    header = _header(sssom_tsv(views, "1.0"))
    assert header["curie_map"] == tricky
    assert header["mapping_set_version"] == "1.0"


@pytest.fixture(scope="module")
def exported(tmp_path_factory, repo):
    folder = tmp_path_factory.mktemp("sssom")
    target = folder / "no-dk.sssom.tsv"
    result = CliRunner().invoke(main, ["--catalogue", str(repo), "export", "sssom", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def _sssom(*args):
    return subprocess.run([str(SSSOM), *map(str, args)], capture_output=True, text=True, timeout=300)


def test_sssom_py_validates_the_export(exported):
    result = _sssom("validate", exported)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_sssom_py_converts_to_json_with_every_mapping(exported, catalogue, tmp_path):
    from catalogue.model.catalogue import build_views

    out = tmp_path / "no-dk.json"
    result = _sssom("convert", exported, "-O", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    mappings = build_views(catalogue.location).mappings
    assert len(data["mappings"]) == len(mappings)
    assert data["@context"]["no"] == "https://w3id.org/overgang/no/"  # the prefix read as a prefix, not False


@pytest.mark.parametrize("fmt", ["owl", "rdf"])
def test_no_false_friend_becomes_an_asserted_match(exported, catalogue, tmp_path, fmt):
    from catalogue.model.catalogue import build_views

    out = tmp_path / f"no-dk.{fmt}.ttl"
    result = _sssom("convert", exported, "-O", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(out, format="turtle")
    views = build_views(catalogue.location)
    assert len(views.false_friends) > 0
    matches = {(s, o) for s, p, o in graph if p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch,
                                                      SKOS.narrowMatch, SKOS.relatedMatch)}
    for false_friend in views.false_friends:
        a, b = (URIRef(iri) for iri in false_friend.concepts)
        assert (a, b) not in matches and (b, a) not in matches, false_friend.iri
    if fmt == "owl":  # the mappings themselves are asserted
        exact = {(URIRef(m.source), URIRef(m.target)) for m in views.mappings if m.relation == "exactMatch"}
        assert exact <= {(s, o) for s, p, o in graph if p == SKOS.exactMatch}


def test_export_refuses_to_overwrite_and_writes_0600(repo, tmp_path):
    target = tmp_path / "out.sssom.tsv"
    runner = CliRunner()
    first = runner.invoke(main, ["--catalogue", str(repo), "export", "sssom", "-o", str(target)])
    assert first.exit_code == 0, first.output
    assert target.stat().st_mode & 0o777 == 0o600
    second = runner.invoke(main, ["--catalogue", str(repo), "export", "sssom", "-o", str(target)])
    assert second.exit_code == 3
    assert "already exists" in second.output
