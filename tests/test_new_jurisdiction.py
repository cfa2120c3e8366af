"""A jurisdiction is data: a fictional one (tests/fixtures/jurisdiction-zz) added to a copy of the real catalogue
shows up in every command, its profile is applied, and nothing in vocab/ goes unchecked."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "jurisdiction-zz"
ZZ = "https://w3id.org/overgang/zz/"


def _catalogue(tmp_path: Path) -> Path:
    root = tmp_path / "cat"
    for folder in ("ontology", "shapes", "vocab", "examples"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return root


def _run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--catalogue", str(root), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def zz_root(tmp_path_factory) -> Path:
    root = _catalogue(tmp_path_factory.mktemp("zz"))
    result = _run(root, "format")  # the fixture is written by hand; canonical form is the format command's job
    assert result.exit_code == 0, result.output
    return root


def test_check_applies_the_new_profile_and_passes_clean_data(zz_root):
    result = _run(zz_root, "check", "--format", "json")
    findings = json.loads(result.output)["findings"] if result.output.strip().startswith("{") else json.loads(result.output)
    assert [f for f in findings if f["severity"] == "violation"] == [], result.output
    assert result.exit_code == 0


PROFILE_DEFECTS = {
    "zz-prefLabel": lambda g, c: g.remove((c, SKOS.prefLabel, None)),
    "zz-definition": lambda g, c: g.remove((c, SKOS.definition, None)),
    "zz-source": lambda g, c: g.set((c, DCTERMS.source, URIRef("https://elsewhere.example/page"))),
}


@pytest.mark.parametrize("rule", sorted(PROFILE_DEFECTS))
def test_each_profile_rule_fires_on_a_planted_defect(tmp_path, rule):
    root = _catalogue(tmp_path)
    path = root / "vocab" / "zz" / "begrepp.ttl"
    graph = Graph().parse(path)
    PROFILE_DEFECTS[rule](graph, URIRef(ZZ + "elevhalsa"))
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    result = _run(root, "check", "--only", "profile", "--format", "json")
    payload = json.loads(result.output)
    findings = payload["findings"] if isinstance(payload, dict) else payload
    hits = [f for f in findings if f["check"] == "profile:zz-test" and f["focus"] == ZZ + "elevhalsa"
            and f.get("shape", "").endswith("#" + rule)]
    assert hits, result.output
    assert result.exit_code == 1


HANDOVER = """\
@prefix dct: <http://purl.org/dc/terms/> .
@prefix dpv: <https://w3id.org/dpv#> .
@prefix ex: <https://example.org/zz/> .
@prefix zz: <https://w3id.org/overgang/zz/> .
@prefix ovg: <https://w3id.org/overgang/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:h a ovg:Handover ; ovg:transition zz:overgang-grundskola-gymnasieskola ; ovg:pupil ex:p ;
  ovg:sender ex:s ; ovg:recipient ex:r ; dct:date "2026-09-20"^^xsd:date ;
  ovg:expectedStart "2027-08-17"^^xsd:date ; ovg:consent ex:c ; ovg:informationItem ex:i .
ex:p a ovg:Pupil ; ovg:pseudonym "ZZa7f3k9q2" ; ovg:ageAtHandover "AGE"^^xsd:nonNegativeInteger .
ex:s a ovg:School ; rdfs:label "Skola A"@sv ; ovg:institutionType zz:grundskola .
ex:r a ovg:School ; rdfs:label "Skola B"@sv ; ovg:institutionType zz:gymnasieskola .
ex:c a dpv:Consent ; ovg:consentGivenBy zz:elev ; dct:date "2026-09-02"^^xsd:date ; ovg:coversCategory zz:betyg .
ex:i a ovg:InformationItem ; ovg:informationCategory zz:betyg NOTE .
"""


def _zedland_number(first_seven: str, valid: bool) -> str:
    """A number in the fixture's invented form, with its checksum computed from the fixture's own weights."""
    form = Graph().parse(FIXTURE / "vocab" / "zz" / "jurisdiction.ttl")
    ovg = "https://w3id.org/overgang/ontology#"
    weights = [int(w) for w in str(next(form.objects(None, URIRef(ovg + "checksumWeights")))).split()]
    modulus = int(next(form.objects(None, URIRef(ovg + "checksumModulus"))))
    digits = [int(d) for d in first_seven]
    good = [last for last in range(10)
            if sum(w * d for w, d in zip(weights, digits + [last], strict=True)) % modulus == 0]
    assert good, "pick other digits: no last digit completes this checksum"
    last = good[0] if valid else (good[0] + 1) % 10
    text = first_seven + str(last)
    return f"{text[:4]}/{text[4:]}"


def _validate_zz(root: Path, tmp_path: Path, age: int = 17, note: str | None = None, engine: str = "auto"):
    data = HANDOVER.replace("AGE", str(age)).replace("NOTE", f'; ovg:note "ring {note} i morgon"' if note else "")
    path = tmp_path / "zz-handover.ttl"
    path.write_text(data, encoding="utf-8")
    result = _run(root, "validate", "--engine", engine, "--format", "json", str(path))
    return result, json.loads(result.output)


def _findings(report) -> list[dict]:
    return report["results"]


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_a_handover_in_the_new_jurisdiction_validates_by_its_own_rules(zz_root, tmp_path, engine):
    result, _report = _validate_zz(zz_root, tmp_path, age=17, engine=engine)
    assert result.exit_code == 0, result.output
    # the fixture's consent rule (the pupil consents from 16) is what the shapes read: at 15 it fails
    result, report = _validate_zz(zz_root, tmp_path, age=15, engine=engine)
    assert result.exit_code == 1, result.output
    assert all("consent" in (f.get("constraint") or f.get("shape") or "").lower() for f in _findings(report)), result.output


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_the_new_jurisdictions_identity_number_is_caught_and_not_echoed(zz_root, tmp_path, engine):
    number = _zedland_number("1234567", valid=True)
    result, report = _validate_zz(zz_root, tmp_path, note=number, engine=engine)
    assert result.exit_code == 1, result.output
    assert any(str(f.get("constraint", "")).endswith("#no-zedland-personnummer") for f in _findings(report)), result.output
    assert number not in result.output and number.replace("/", "") not in result.output
    # the checksum is read from the registry: the same digits with a wrong check digit are not a number
    result, _report = _validate_zz(zz_root, tmp_path, note=_zedland_number("1234567", valid=False), engine=engine)
    assert result.exit_code == 0, result.output


def test_a_malformed_identity_number_form_is_reported_by_check(tmp_path):
    root = _catalogue(tmp_path)
    path = root / "vocab" / "zz" / "jurisdiction.ttl"
    path.write_text(path.read_text(encoding="utf-8").replace("ovg:checksumModulus 11 ;", ""), encoding="utf-8")
    result = _run(root, "check", "--only", "registry", "--format", "json")
    payload = json.loads(result.output)
    findings = payload["findings"] if isinstance(payload, dict) else payload
    assert any(f["check"] == "registry:entry" and "checksumModulus" in f["message"] for f in findings), result.output
    assert result.exit_code == 1


def test_a_concept_in_no_registered_scheme_is_reported(tmp_path):
    root = _catalogue(tmp_path)
    (root / "vocab" / "stray").mkdir()
    (root / "vocab" / "stray" / "legacy.ttl").write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://legacy.example/begrep/1> a skos:Concept ; skos:prefLabel \"gammelt\"@nb .\n", encoding="utf-8")
    _run(root, "format")
    result = _run(root, "check", "--format", "json")
    payload = json.loads(result.output)
    findings = payload["findings"] if isinstance(payload, dict) else payload
    assert any(f["check"] == "registry:unplaced" and f["focus"] == "https://legacy.example/begrep/1" for f in findings)
    assert any(f["check"] == "registry:entry" and "vocab/stray/" in (f.get("file") or "") for f in findings)
    assert result.exit_code == 1


def test_lookup_finds_the_new_terms_in_their_own_language(zz_root):
    result = _run(zz_root, "lookup", "elevhälsan", "--lang", "sv", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "Zedland" in result.output and "elevhälsan" in result.output


def test_sssom_export_has_the_new_pair_and_prefix(zz_root):
    result = _run(zz_root, "export", "sssom")
    assert result.exit_code == 0
    assert f'"zz": "{ZZ}"' in result.output  # every header key is quoted (YAML 1.1 reads some as booleans)
    assert "zz:gymnasieskola" in result.output


def test_propose_scaffolds_into_the_new_jurisdiction(tmp_path):
    root = _catalogue(tmp_path)
    _run(root, "format")
    result = _run(root, "propose", "-j", "zz", "--label", "sv=skolkurator", "--label", "en=school counsellor",
                  "--definition", "sv=En påhittad roll.", "--definition", "en=An invented role.",
                  "--source", "https://fiktiv.example/lag/skollag#2-25")
    assert result.exit_code == 0, result.output
    text = (root / "vocab" / "zz" / "begrepp.ttl").read_text(encoding="utf-8")
    assert "zz:skolkurator" in text and "PREFIX zz:" in text
    check = _run(root, "check", "--only", "profile:zz-test", "--format", "json")
    assert check.exit_code == 0, check.output


def test_diff_reports_changes_in_the_new_jurisdiction(tmp_path, zz_root):
    before = tmp_path / "before"
    shutil.copytree(zz_root, before)
    after = tmp_path / "after"
    shutil.copytree(zz_root, after)
    path = after / "vocab" / "zz" / "begrepp.ttl"
    path.write_text(path.read_text(encoding="utf-8").replace("elevhälsan", "elevhälsoteamet"), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(before), str(after), "--format", "json"], catch_exceptions=False)
    assert ZZ + "elevhalsa" in result.output, result.output


def test_build_gives_the_new_jurisdiction_its_pages(tmp_path, zz_root):
    out = tmp_path / "site"
    result = _run(zz_root, "build", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "elevhälsan" in (out / "jurisdiction-zz.html").read_text(encoding="utf-8")
    assert (out / "concepts" / "zz" / "elevhalsa.html").is_file()
    assert "Zedland" in (out / "crosswalk.html").read_text(encoding="utf-8")
    assert (out / "downloads" / "collection-zz.ttl").is_file()
    assert (out / "downloads" / "alignment-no-zz.sssom.tsv").is_file()


FOREIGN = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix zz: <https://w3id.org/overgang/zz/> .
zz:x a <https://one.example/vocab#Thing> , <https://two.example/terms/Kind> ;
    <https://three.example/p#q> "a" ; <https://four.example/r/s> "b" ; <https://five.example/t#u> zz:y ;
    skos:prefLabel "x"@sv .
"""


def test_format_is_byte_identical_under_any_hash_seed(tmp_path):
    outputs = set()
    for seed in ("1", "2", "3"):
        root = tmp_path / seed
        shutil.copytree(FIXTURE, root)
        (root / "ontology").mkdir()
        shutil.copy(REPO / "ontology" / "overgang.ttl", root / "ontology" / "overgang.ttl")
        target = root / "vocab" / "zz" / "foreign.ttl"
        target.write_text(FOREIGN, encoding="utf-8")
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", "import cli; cli.main()", "--catalogue", str(root), "format"],
                       env=env, check=True, capture_output=True)
        outputs.add(target.read_text(encoding="utf-8"))
    assert len(outputs) == 1
    text = outputs.pop()
    assert "ns1:" in text and "zz:x" in text


LEGACY = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://agency.example/begrep/> .

ex:a a skos:Concept ;
    skos:prefLabel "elevmappe"@nb .
"""


def test_an_outside_vocabulary_is_checked_against_a_profile_without_joining(tmp_path):
    path = tmp_path / "legacy.ttl"
    path.write_text(LEGACY, encoding="utf-8")
    before = {p: p.read_bytes() for p in (REPO / "vocab").rglob("*.ttl")}
    result = CliRunner().invoke(main, ["check", "--vocabulary", str(path), "--profile", "skos-ap-no",
                                       "--format", "json"], catch_exceptions=False)
    payload = json.loads(result.output)
    assert result.exit_code == 1
    assert payload["findings"] and {f["file"] for f in payload["findings"]} == {str(path)}
    assert {f["line"] for f in payload["findings"]} == {4}  # the line where ex:a's block starts
    assert before == {p: p.read_bytes() for p in (REPO / "vocab").rglob("*.ttl")}
    unknown = CliRunner().invoke(main, ["check", "--vocabulary", str(path), "--profile", "nope"])
    assert unknown.exit_code == 3 and "skos-ap-no" in unknown.output


COUNTRY_WORDS = __import__("re").compile(
    r"""["'](no|dk|se|fi|is|fo|gl)["']|\b(NO|DK)\.|Norway|Denmark|Norge|Danmark|Noreg|/no/|/dk/""")


def test_the_code_names_no_jurisdiction():
    """Jurisdictions live in the data; the package, the CLI and the templates name none (comments aside)."""
    hits = []
    files = [*(REPO / "catalogue").rglob("*.py"), *(REPO / "catalogue" / "templates").rglob("*.j2"), REPO / "cli.py"]
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0] if path.suffix == ".py" else line
            if COUNTRY_WORDS.search(code):
                hits.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert hits == []
