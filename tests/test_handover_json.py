"""The handover's JSON form: generated files in step, the schema valid 2020-12, every example's JSON twin reads
as its Turtle, a JSON-LD processor (PyLD) reads the form as our reader does, conversion is lossless both ways,
and validate points findings at the JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic

from catalogue.handover_json.artefacts import expected_files, stale_files
from catalogue.handover_json.context import CONTEXT_FILE, CONTEXT_URL, SCHEMA_FILE
from catalogue.handover_json.convert import convert_file
from catalogue.handover_json.reader import read_json
from cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (REPO / "examples").glob("*/*.ttl"))
TWINS = sorted((REPO / "examples" / "json").glob("*/*.json"))


def twin_of(ttl: Path) -> Path:
    return REPO / "examples" / "json" / ttl.parent.name / (ttl.stem + ".json")


def test_every_example_has_a_twin_and_no_twin_is_orphaned():
    assert {twin_of(p) for p in EXAMPLES} == set(TWINS)


def test_generated_files_are_current(catalogue):
    assert [p.relative_to(REPO).as_posix() for p, _t in stale_files(catalogue)] == []


def test_generated_files_notice_a_change_in_the_shapes(catalogue, tmp_path):
    """A stale file is reported: the model really is read from the shapes (a new maxInclusive changes the
    schema)."""
    import shutil

    from catalogue.source.loader import load
    from catalogue.source.locate import CatalogueLocation

    copy = tmp_path / "cat"
    for folder in ("ontology", "vocab", "shapes"):
        shutil.copytree(REPO / folder, copy / folder)
    shapes = copy / "shapes" / "handover.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8").replace('sh:maxInclusive "30"', 'sh:maxInclusive "25"'),
                      encoding="utf-8")
    stale = stale_files(load(CatalogueLocation(copy, "option")))
    assert [p.name for p, _t in stale] == ["handover.schema.json"]
    assert '"maximum": 25' in stale[0][1]


def test_schema_is_valid_json_schema_2020_12():
    schema = json.loads((REPO / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_valid_twins_pass_the_schema_and_keys_are_short():
    schema = json.loads((REPO / SCHEMA_FILE).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for twin in (REPO / "examples" / "json" / "valid").glob("*.json"):
        document = json.loads(twin.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(document)) == [], twin.name
        assert {"pupil", "sender", "recipient", "transition", "items", "date"} <= set(document)


@pytest.mark.parametrize("ttl", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_twin_reads_as_its_turtle(ttl):
    twin = twin_of(ttl)
    assert isomorphic(read_json(str(twin), twin.read_text(encoding="utf-8")).graph, Graph().parse(ttl))


def _pyld_graph(document: dict) -> Graph:
    bundled = json.loads((REPO / CONTEXT_FILE).read_text(encoding="utf-8"))

    def loader(url, options=None):
        assert url == CONTEXT_URL, url  # nothing else may be loaded
        return {"contextUrl": None, "documentUrl": url, "document": bundled}

    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": loader})
    return Graph().parse(data=nquads, format="nt")


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_pyld_reads_the_twin_as_our_reader_does(twin):
    """The context is the definition: a stock JSON-LD processor with it gives our reader's graph."""
    text = twin.read_text(encoding="utf-8")
    document = json.loads(text)
    document.setdefault("@context", CONTEXT_URL)
    assert isomorphic(_pyld_graph(document), read_json(str(twin), text).graph)


def test_pyld_agrees_on_the_corners_of_json_ld():
    """Numbers, booleans, value objects, blank nodes, null and prefixed keys read as JSON-LD 1.1 says."""
    document = json.loads((REPO / "examples/json/valid/no-grunnskole-vgo.json").read_text(encoding="utf-8"))
    document["pupil"].pop("id")
    document["items"][0].pop("id")
    document["items"][0]["rdfs:comment"] = [{"@value": "x", "@language": "nb"}, 2.5, True, 7, None,
                                            {"@value": "3", "@type": "xsd:integer"}, {"id": "_:shared"}]
    document["items"][1]["rdfs:seeAlso"] = {"id": "_:shared"}
    document["expectedStart"] = {"@value": "soon"}
    text = json.dumps(document)
    assert isomorphic(_pyld_graph(document), read_json("x.json", text).graph)


@pytest.mark.parametrize("ttl", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("to", ["json", "jsonld", "turtle"])
def test_convert_round_trip_is_lossless(catalogue, ttl, to, tmp_path):
    original = Graph().parse(ttl)
    out = tmp_path / ("out." + {"json": "json", "jsonld": "jsonld", "turtle": "ttl"}[to])
    out.write_text(convert_file(str(ttl), to, catalogue), encoding="utf-8")
    back = Graph().parse(out, format={"json": "json-ld", "jsonld": "json-ld", "turtle": "turtle"}[to]) \
        if to != "json" else read_json(str(out), out.read_text(encoding="utf-8")).graph
    assert isomorphic(back, original)
    if to != "turtle":
        # and back again: JSON -> Turtle -> the same graph
        again = tmp_path / "again.ttl"
        again.write_text(convert_file(str(out), "turtle", catalogue), encoding="utf-8")
        assert isomorphic(Graph().parse(again), original)


def test_convert_cli_writes_and_never_overwrites(tmp_path):
    out = tmp_path / "h.json"
    runner = CliRunner()
    args = ["--catalogue", str(REPO), "convert", str(REPO / "examples/valid/no-barnehage-skole.ttl"), "--to", "json",
            "-o", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    assert json.loads(out.read_text())["@context"] == CONTEXT_URL
    again = runner.invoke(main, args)
    assert again.exit_code != 0
    not_handover = tmp_path / "x.ttl"
    not_handover.write_text("<https://example.org/a> <https://example.org/b> 1 .\n")
    result = runner.invoke(main, ["--catalogue", str(REPO), "convert", str(not_handover), "--to", "json"])
    assert result.exit_code == 3 and "not a handover" in result.output


def test_validate_json_points_at_the_json_location():
    result = CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", "--format", "json",
                                       str(REPO / "examples/json/invalid/wrong-country-concept.json")])
    assert result.exit_code == 1
    locations = [r.get("location") for r in json.loads(result.output)["results"]]
    twin = REPO / "examples/json/invalid/wrong-country-concept.json"
    line, col = _position_of(twin, '"no:sakkyndig-vurdering"')
    assert locations == [f"{twin}:{line}:{col} $.consent[0].coversCategory[1]"]


def _position_of(path: Path, needle: str) -> tuple[int, int]:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in text:
            return number, text.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_text_report_names_the_json_path_on_both_engines(engine):
    twin = "examples/json/invalid/pseudonym-digits-only.json"
    result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "validate", "--engine", engine, twin],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    line, col = _position_of(REPO / twin, '"98765432"')
    assert f"at:       {twin}:{line}:{col} $.pupil.pseudonym" in result.stdout
    assert "98765432" not in result.stdout  # the value itself is never echoed


def test_json_with_our_context_url_is_read_offline(tmp_path):
    """The published URL is never fetched (the network guard would refuse): the bundled copy is used."""
    document = json.loads((REPO / "examples/json/valid/dk-dagtilbud-skole.json").read_text(encoding="utf-8"))
    assert document["@context"] == CONTEXT_URL
    bare = tmp_path / "bare.json"
    document.pop("@context")
    bare.write_text(json.dumps(document))
    result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO), "validate",
                             str(REPO / "examples/json/valid/dk-dagtilbud-skole.json"), str(bare)],
                            capture_output=True, text=True, cwd=tmp_path, env={**os.environ})
    assert result.returncode == 0, result.stderr
    assert "All 2 file(s) conform" in result.stdout


def test_json_with_an_inline_context_is_json_ld(tmp_path):
    inline = tmp_path / "inline.json"
    inline.write_text(convert_file(str(REPO / "examples/valid/no-grunnskole-vgo.ttl"), "jsonld",
                                   __import__("catalogue.source.loader", fromlist=["load"]).load(
                                       __import__("catalogue.source.locate", fromlist=["locate"]).locate(REPO))))
    result = CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", str(inline)])
    assert result.exit_code == 0, result.output


def test_expected_files_are_what_format_writes(catalogue):
    assert set(expected_files(catalogue)) == {CONTEXT_FILE, SCHEMA_FILE}


def test_site_page_in_every_language_with_downloads(built_site):
    transitions = {json.loads(p.read_text(encoding="utf-8"))["transition"]
                   for p in (REPO / "examples" / "json" / "valid").glob("*.json")}
    for prefix in ("", "nb/", "da/"):
        page = (built_site / prefix / "reference" / "handover-json.html").read_text(encoding="utf-8")
        for key in ("pupil", "sender", "recipient", "transition", "items", "consent"):
            assert f"<code>{key}</code>" in page
        assert page.count("<h3>") == len(transitions)  # one complete example per transition
        assert "handover-json/context.jsonld" in page and "handover-json/handover.schema.json" in page
    for name, relative in (("context.jsonld", CONTEXT_FILE), ("handover.schema.json", SCHEMA_FILE)):
        assert (built_site / "handover-json" / name).read_text(encoding="utf-8") == \
            (REPO / relative).read_text(encoding="utf-8")
    assert "RewriteRule ^handover-json/(context" in (built_site / "w3id" / ".htaccess").read_text(encoding="utf-8")
