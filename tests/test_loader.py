"""One loader: named graph per file, no network, and clean `path:line: message` errors."""

import shutil

import pytest

from catalogue import errors
from catalogue.errors import InputError
from catalogue.source.loader import graph_id, load
from catalogue.source.locate import CatalogueLocation
from catalogue.source.rdfio import parse_file


def test_one_named_graph_per_source_file(catalogue):
    assert graph_id("ontology/overgang.ttl") in catalogue.files
    assert len(catalogue.graph_for("ontology/overgang.ttl")) > 100
    assert all(path.suffix == ".ttl" for path in catalogue.files.values())


def _copy_catalogue(repo, tmp_path):
    root = tmp_path / "cat"
    shutil.copytree(repo / "ontology", root / "ontology")
    (root / "vocab").mkdir()
    return root


def test_malformed_turtle_reports_path_line_and_exit_code_3(repo, tmp_path):
    root = _copy_catalogue(repo, tmp_path)
    bad = root / "vocab" / "broken.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "Kari Nordmann" .\nex:c ex:d ex:e\nex:f ex:g ex:h .\n')
    with pytest.raises(InputError) as caught:
        load(CatalogueLocation(root, "option"))
    err = caught.value
    assert err.exit_code == errors.INPUT_REJECTED == 3
    assert err.path.endswith("vocab/broken.ttl")
    assert err.line == 4
    assert str(err).startswith(f"{err.path}:4:")
    assert "Kari Nordmann" not in str(err)


def test_relative_iri_is_refused(tmp_path):
    f = tmp_path / "rel.ttl"
    f.write_text("<a> <http://example.org/p> <http://example.org/o> .\n")
    with pytest.raises(InputError, match="relative IRI"):
        parse_file(f)


def test_remote_json_ld_context_is_refused_without_fetching(tmp_path):
    f = tmp_path / "remote.jsonld"
    f.write_text('{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://example.org/a"}')
    with pytest.raises(InputError, match="@context must be inline"):
        parse_file(f)


def test_rdfxml_doctype_is_refused(tmp_path):
    f = tmp_path / "xxe.rdf"
    f.write_text('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
                 '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n')
    with pytest.raises(InputError) as caught:
        parse_file(f)
    assert caught.value.line == 2


def test_invalid_utf8_points_at_line_and_column(tmp_path):
    f = tmp_path / "latin1.ttl"
    f.write_bytes('<http://example.org/a> <http://example.org/p> "bl\u00e5b\u00e6r" .\n'.encode("latin-1"))
    with pytest.raises(InputError) as caught:
        parse_file(f)
    assert (caught.value.line, caught.value.col) == (1, 50)
