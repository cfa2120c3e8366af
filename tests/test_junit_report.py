"""`validate --format junit` as CI systems read it: checked against the published Jenkins JUnit schema
(tests/schemas/jenkins-junit.xsd), one test case per handover, an <error> per unreadable file, counts that
match the elements, and a report that is written even when a file cannot be read."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from rdflib import Graph
from rdflib.namespace import RDF

from catalogue.namespaces import OVG

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "examples" / "valid"
INVALID = REPO / "examples" / "invalid"
SCHEMA = xmlschema.XMLSchema(Path(__file__).resolve().parent / "schemas" / "jenkins-junit.xsd")


def overgang(tmp_path, *args):
    """The real command in a subprocess, as CI runs it."""
    result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO),
                             *map(str, args)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    return result


def junit(tmp_path, *inputs, extra=(), name="report.xml"):
    report = tmp_path / name
    result = overgang(tmp_path, "validate", *inputs, "--format", "junit", "-o", report, *extra)
    assert report.exists(), result.stderr
    text = report.read_text(encoding="utf-8")
    SCHEMA.validate(text)  # raises with the reason when the report does not fit the schema
    return result, ET.fromstring(text)


def handovers_in(*paths) -> dict[str, int]:
    """Handovers per file, counted with rdflib (not with the code under test)."""
    counts = {}
    for path in paths:
        files = sorted(path.glob("*.ttl")) if path.is_dir() else [path]
        for file in files:
            counts[file] = len(set(Graph().parse(file).subjects(RDF.type, OVG.Handover)))
    return counts


def assert_counts_match(root):
    suites = root.findall("testsuite")
    for node in [root, *suites]:
        cases = node.findall(".//testcase")
        assert int(node.get("tests")) == len(cases)
        assert int(node.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(node.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
    assert len(root.findall(".//failure")) == int(root.get("failures"))  # one <failure> per failed case


def test_conforming_data_gives_one_passing_testcase_per_handover(tmp_path):
    result, root = junit(tmp_path, VALID)
    assert result.returncode == 0, result.stderr
    expected = handovers_in(VALID)
    assert int(root.get("tests")) == sum(expected.values()) > 0
    assert root.findall(".//failure") == [] and root.findall(".//error") == []
    for suite in root.findall("testsuite"):
        file = Path(suite.get("name"))
        cases = suite.findall("testcase")
        assert len(cases) == expected[file.resolve()]
        assert {case.get("classname") for case in cases} == {suite.get("name")}  # the class name is the file
    assert_counts_match(root)


def test_invalid_examples_counts_match_the_elements(tmp_path):
    result, root = junit(tmp_path, INVALID)
    assert result.returncode == 1
    assert_counts_match(root)
    # Every example is one handover, and every handover is a test case of its own.
    assert int(root.get("tests")) >= sum(handovers_in(INVALID).values())
    by_suite = {Path(s.get("name")).name: s for s in root.findall("testsuite")}
    assert by_suite["consent-missing.ttl"].find("testcase/failure") is not None
    assert by_suite["deadline-missed.ttl"].find("testcase/failure") is None  # a warning only
    assert by_suite["deadline-missed.ttl"].find("testcase/system-out") is not None


def test_fail_on_warning_turns_warnings_into_failures(tmp_path):
    result, root = junit(tmp_path, INVALID / "deadline-missed.ttl", extra=("--fail-on", "warning"))
    assert result.returncode == 1
    assert root.find(".//failure").get("type") == "warning"
    assert_counts_match(root)


def test_an_unreadable_file_is_an_error_testcase_and_the_report_is_still_written(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "Ola Nordmann" \nex:c ex:d ex:e .\n')
    result, root = junit(tmp_path, VALID / "no-grunnskole-vgo.ttl", bad, INVALID / "consent-missing.ttl")
    assert result.returncode == 3  # unreadable input, as documented, but after writing the report
    assert "broken.ttl:3:" in result.stderr
    assert_counts_match(root)
    errors = root.findall(".//error")
    assert len(errors) == 1 and "broken.ttl:3:" in errors[0].get("message")
    assert "Ola Nordmann" not in ET.tostring(root, encoding="unicode")
    suites = {Path(s.get("name")).name: s for s in root.findall("testsuite")}
    # The other two files were still validated.
    assert suites["no-grunnskole-vgo.ttl"].find("testcase/failure") is None
    assert suites["consent-missing.ttl"].find("testcase/failure") is not None


def test_a_file_without_a_handover_is_a_failing_testcase(tmp_path):
    result, root = junit(tmp_path, REPO / "ontology" / "overgang.ttl")
    assert result.returncode == 1
    assert int(root.get("tests")) == 1 and int(root.get("failures")) == 1
    assert "No handover found" in root.find(".//failure").get("message")


def test_a_file_name_with_control_characters_still_gives_valid_xml(tmp_path):
    odd = tmp_path / "odd\x01name.ttl"
    odd.write_text((VALID / "no-barnehage-skole.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    result, root = junit(tmp_path, odd)
    assert result.returncode == 0
    assert int(root.get("tests")) == 1


@pytest.mark.parametrize("engine", ["pyshacl", "compiled"])
def test_both_engines_give_the_same_junit(tmp_path, engine):
    _result, root = junit(tmp_path, INVALID, extra=("--engine", engine))
    _result, reference = junit(tmp_path, INVALID, extra=("--engine", "pyshacl"), name="reference.xml")
    assert ET.tostring(root) == ET.tostring(reference)
