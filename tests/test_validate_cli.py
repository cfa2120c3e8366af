"""`overgang validate` as an architect uses it: exit codes, formats, languages, privacy, and no side effects."""

import hashlib
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import SH

from cli import main

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "examples" / "valid"
INVALID = REPO / "examples" / "invalid"


def validate(*args, input=None):
    return CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", *map(str, args)], input=input)


@pytest.mark.parametrize("example", sorted(VALID.glob("*.ttl")), ids=lambda p: p.stem)
def test_valid_examples_conform(example):
    result = validate(example)
    assert result.exit_code == 0, result.output
    assert "0 violation(s), 0 warning(s)" in result.output


def test_folder_and_several_files(tmp_path):
    result = validate(VALID, INVALID / "missing-pupil.ttl")
    assert result.exit_code == 1
    assert f"in {len(list(VALID.glob('*.ttl'))) + 1} file(s)" in result.output


def test_violation_exits_1_and_says_what_to_do():
    result = validate(INVALID / "consent-missing.ttl", "--lang", "en")
    assert result.exit_code == 1
    assert "VIOLATION: The item needs consent" in result.output
    assert "valid consent" in result.output  # the property in plain words
    assert "consent-missing/handover" in result.output


def test_warnings_pass_unless_fail_on_warning():
    assert validate(INVALID / "deadline-missed.ttl").exit_code == 0
    assert validate(INVALID / "deadline-missed.ttl", "--fail-on", "warning").exit_code == 1


@pytest.mark.parametrize("lang, text", [
    ("nb", "Opplysningen krever samtykke"), ("nn", "Opplysninga krev samtykke"),
    ("da", "Oplysningen kræver samtykke"), ("en", "The item needs consent"),
])
def test_messages_follow_lang(lang, text):
    assert text in validate(INVALID / "consent-missing.ttl", "--lang", lang).output


def test_language_defaults_from_locale(monkeypatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert "Oplysningen kræver samtykke" in validate(INVALID / "consent-missing.ttl").output


@pytest.mark.parametrize("example, secret", [
    ("pupil-with-name", "Kari Testesen"),
    ("fodselsnummer-in-note", "15831150065"),
    ("cpr-in-note", "300205-4321"),
])
@pytest.mark.parametrize("fmt", ["text", "json", "turtle", "junit"])
def test_values_are_never_printed_by_default(example, secret, fmt):
    result = validate(INVALID / f"{example}.ttl", "--format", fmt)
    assert result.exit_code == 1
    assert secret not in result.output


def test_show_values_prints_them():
    result = validate(INVALID / "pupil-with-name.ttl", "--show-values")
    assert "Kari Testesen" in result.output


def test_json_format():
    data = json.loads(validate(INVALID / "legacy-upv.ttl", "--format", "json").output)
    assert data["conforms"] is False
    assert data["summary"] == {"violation": 1, "warning": 1, "info": 0}
    deprecated = [r for r in data["results"] if r["severity"] == "warning"][0]
    assert deprecated["file"].endswith("legacy-upv.ttl")


def test_turtle_format_is_a_shacl_report():
    report = Graph().parse(data=validate(INVALID / "missing-pupil.ttl", "--format", "turtle").output, format="turtle")
    assert len(list(report.subjects(None, SH.ValidationReport))) == 1
    assert len(list(report.objects(None, SH.result))) == 1
    assert not list(report.objects(None, SH.value))


def test_junit_format_is_xml_with_failures():
    root = ET.fromstring(validate(VALID, INVALID / "missing-pupil.ttl", "--format", "junit").output)
    assert root.tag == "testsuites" and root.get("failures") == "1"
    assert len(root.findall(".//failure")) == 1


def test_deprecated_concept_names_its_replacement(tmp_path):
    text = (INVALID / "legacy-upv.ttl").read_text(encoding="utf-8").replace(
        "dk:uddannelsesparathedsvurdering", "dk:uu")
    # dk:uu is not an information category, but it is deprecated with a replacement (KUI)
    path = tmp_path / "uu.ttl"
    path.write_text(text, encoding="utf-8")
    result = validate(path, "--lang", "da")
    assert "den kommunale ungeindsats" in result.output.lower()


def test_stdin_and_input_formats(tmp_path):
    data = (VALID / "no-grunnskole-vgo.ttl").read_text(encoding="utf-8")
    assert validate("-", input=data).exit_code == 0
    g = Graph().parse(VALID / "no-grunnskole-vgo.ttl")
    for fmt, suffix in (("nt", ".nt"), ("json-ld", ".jsonld"), ("xml", ".rdf")):
        path = tmp_path / f"data{suffix}"
        g.serialize(path, format=fmt, encoding="utf-8")
        assert validate(path).exit_code == 0, fmt
    odd = tmp_path / "data.txt"
    g.serialize(odd, format="nt", encoding="utf-8")
    assert validate(odd).exit_code == 3
    assert validate(odd, "--input-format", "nt").exit_code == 0


def test_unreadable_input_gives_exit_3_with_position(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "Ola Nordmann" \nex:c ex:d ex:e .\n')
    result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO),
                             "validate", str(bad)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 3
    assert "bad.ttl:3:" in result.stderr
    assert "Ola Nordmann" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_empty_input_is_rejected(tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("# nothing here\n")
    result = validate(empty)
    assert result.exit_code == 3
    assert "dataset is empty" in result.output


def test_input_is_never_modified_and_report_written_0600(tmp_path):
    example = INVALID / "consent-missing.ttl"
    before = hashlib.sha256(example.read_bytes()).hexdigest()
    report = tmp_path / "report.json"
    result = validate(example, "--format", "json", "--output", report)
    assert result.exit_code == 1
    assert hashlib.sha256(example.read_bytes()).hexdigest() == before
    assert report.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    assert validate(example, "--output", report).exit_code == 3  # never over an existing file


def test_files_are_separate_datasets_unless_merged(tmp_path):
    # Two files that reuse the same IRIs: validated apart they are fine; merged they collide.
    a = tmp_path / "a.ttl"
    b = tmp_path / "b.ttl"
    a.write_text((VALID / "no-grunnskole-vgo.ttl").read_text(encoding="utf-8"), encoding="utf-8")
    b.write_text((VALID / "no-grunnskole-vgo.ttl").read_text(encoding="utf-8").replace('"15"^^', '"16"^^'),
                 encoding="utf-8")
    assert validate(a, b).exit_code == 0
    assert validate(a, b, "--merge").exit_code == 1


def test_inference_option(tmp_path):
    assert validate(VALID / "no-barnehage-skole.ttl", "--inference", "rdfs").exit_code == 0
