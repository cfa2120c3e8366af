"""`overgang propose`: a proposal lands in the right file, fails `check` until complete, and overwrites nothing."""

import json
import shutil

import pytest
from click.testing import CliRunner
from minicatalogue import REPO

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.source.rdfio import parse_file
from cli import main


@pytest.fixture
def checkout(tmp_path):
    root = tmp_path / "catalogue"
    for folder in ("ontology", "vocab", "shapes"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def run(root, *args):
    return CliRunner().invoke(main, ["--catalogue", str(root), *args])


def _check_findings(root):
    result = run(root, "check", "--format", "json", "--only", "profile", "--only", "sources", "--only", "alignment",
                 "--only", "qskos", "--only", "identifiers", "--only", "format")
    return result.exit_code, json.loads(result.output)["findings"]


def test_incomplete_proposal_fails_check_with_what_to_add(checkout):
    result = run(checkout, "propose", "-j", "no", "--kind", "role", "--label", "nb=miljøterapeut",
                 "--label", "nn=miljøterapeut")
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/overgang/no/miljoterapeut" in result.output
    code, findings = _check_findings(checkout)
    assert code == 1
    messages = " ".join(f["message"] for f in findings if f["focus"].endswith("/miljoterapeut"))
    assert "Add exactly one definition in Bokmål" in messages
    assert "preferred term in English" in messages
    assert all(f["file"] == "vocab/no/aktorar.ttl" for f in findings if f["focus"].endswith("/miljoterapeut"))


def test_complete_proposal_passes_check(checkout):
    result = run(checkout, "propose", "-j", "no", "--kind", "role",
                 "--label", "nb=miljøterapeut", "--label", "nn=miljøterapeut", "--label", "en=milieu therapist",
                 "--definition", "nb=Ansatt i skolen som arbeider med elevenes trivsel og sosiale miljø.",
                 "--definition", "nn=Tilsett i skulen som arbeider med trivselen og det sosiale miljøet til elevane.",
                 "--definition", "en=School staff member who works with pupils' well-being and social environment.",
                 "--source", "https://lovdata.no/lov/2023-06-09-30", "--broader", "no:laerer",
                 "--counterpart", "dk:paedagog", "--relation", "relatedMatch",
                 "--justification", "en=Both work with well-being; the Danish role is a trained educator.",
                 "--justification", "nb=Begge arbeider med trivsel; den danske rollen er en utdannet pedagog.",
                 "--justification", "da=Begge arbejder med trivsel; den danske rolle er en uddannet pædagog.")
    assert result.exit_code == 0, result.output
    code, findings = _check_findings(checkout)
    assert findings == [] and code == 0
    # canonical form is kept, so only real changes show in the pull request
    for rel in ("vocab/no/aktorar.ttl", "vocab/alignment/no-dk.ttl"):
        path = checkout / rel
        assert path.read_text(encoding="utf-8") == canonical_turtle(parse_file(path))


def test_identifiers_are_fresh_and_nothing_is_overwritten(checkout):
    before = (checkout / "vocab" / "dk" / "aktoerer.ttl").read_text(encoding="utf-8")
    result = run(checkout, "propose", "-j", "dk", "--kind", "role", "--label", "da=lærer", "--label", "en=teacher 2")
    assert result.exit_code == 0
    assert "https://w3id.org/overgang/dk/laerer-2" in result.output  # dk:laerer exists already
    after = (checkout / "vocab" / "dk" / "aktoerer.ttl").read_text(encoding="utf-8")
    assert before.count("dk:laerer\n") == after.count("dk:laerer\n")


def test_danish_eli_source_becomes_legal_source(checkout):
    run(checkout, "propose", "-j", "dk", "--kind", "law", "--label", "da=testloven", "--label", "en=Test Act",
        "--source", "https://www.retsinformation.dk/eli/lta/2024/989")
    text = (checkout / "vocab" / "dk" / "lovgivning.ttl").read_text(encoding="utf-8")
    block = text[text.index("dk:testloven\n"):]
    assert "mdl:legalSource <https://www.retsinformation.dk/eli/lta/2024/989>" in block.split("\n.\n")[0]


def test_unknown_broader_concept_is_refused_and_nothing_written(checkout):
    before = {p: p.read_bytes() for p in checkout.rglob("*.ttl")}
    result = run(checkout, "propose", "-j", "no", "--label", "nb=noe", "--broader", "no:finnes-ikke")
    assert result.exit_code == 3
    assert {p: p.read_bytes() for p in checkout.rglob("*.ttl")} == before


def test_installed_copy_is_never_written(tmp_path, monkeypatch):
    monkeypatch.delenv("OVERGANG_CATALOGUE", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["propose", "-j", "no", "--label", "nb=noe"])
    assert result.exit_code == 3
    assert "checkout" in result.output
