"""`overgang check` on the command line: readable findings with file and line, and the documented exit codes."""

import json

from click.testing import CliRunner
from jurisdiction_ns import NO
from minicatalogue import build, mini_graph
from rdflib import Literal
from rdflib.namespace import SKOS

from cli import main


def test_clean_catalogue_exits_0(tmp_path):
    root, _views = build(tmp_path)
    result = CliRunner().invoke(main, ["--catalogue", str(root), "check"])
    assert result.exit_code == 0, result.output
    assert "0 violation(s)" in result.output


def test_findings_name_file_and_line_and_exit_1(tmp_path):
    graph = mini_graph()
    graph.add((NO.alpha, SKOS.prefLabel, Literal("alfa to", lang="nb")))
    root, _views = build(tmp_path, graph)
    result = CliRunner().invoke(main, ["--catalogue", str(root), "check", "--lang", "nn"])
    assert result.exit_code == 1
    assert "vocab/test.ttl:" in result.output
    assert "[qskos:ipl]" in result.output
    assert "Legg til nøyaktig éin tilrådd term på bokmål" in result.output  # the nn message of our shape


def test_json_output_and_only(tmp_path):
    graph = mini_graph()
    graph.add((NO.alpha, SKOS.prefLabel, Literal("alfa to", lang="nb")))
    root, _views = build(tmp_path, graph)
    result = CliRunner().invoke(main, ["--catalogue", str(root), "check", "--only", "qskos", "--format", "json"])
    data = json.loads(result.output)
    assert data["summary"]["violation"] >= 1
    assert {f["check"] for f in data["findings"]} == {"qskos:ipl"}


def test_unknown_check_is_a_usage_error(tmp_path):
    root, _views = build(tmp_path)
    result = CliRunner().invoke(main, ["--catalogue", str(root), "check", "--only", "nonsense"])
    assert result.exit_code == 2
