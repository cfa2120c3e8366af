"""`overgang lookup`: any label, any language, case- and accent-insensitive, prefixes; counterparts and warnings."""

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from catalogue.search.lookup import fold, search
from cli import main


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("OVERGANG_CACHE_DIR", str(folder))
    return folder


def lookup(repo, *args):
    return CliRunner().invoke(main, ["--catalogue", str(repo), "lookup", *args])


def test_fold_ignores_case_and_accents():
    assert fold("Oppfølgingstenesta") == fold("OPPFOLGINGSTENESTA") == "oppfolgingstenesta"
    assert fold("Pædagogisk-psykologisk") == "paedagogisk-psykologisk"
    assert fold("Årstrinn") == "arstrinn"


def _iris(result):
    return [r["iri"] for r in json.loads(result.output)["results"]]


@pytest.mark.parametrize("term, expected", [
    ("PPR", "dk/ppr"),
    ("ppr", "dk/ppr"),
    ("ungdomsudd", "dk/ungdomsuddannelse"),
    ("KUI", "dk/kui"),
    ("forældremyndighedsindehaver", "dk/foraeldremyndighedsindehaver"),
    ("foraeldremyndighed", "dk/foraeldremyndighedsindehaver"),
    ("ppt", "no/pp-tjenesten"),
    ("Oppfølgingstenesta", "no/oppfolgingstjenesten"),
    ("oppføl", "no/oppfolgingstjenesten"),
    ("IOP", "no/individuell-opplaeringsplan"),
])
def test_terms_are_found_in_any_language(repo, cache, term, expected):
    result = lookup(repo, term, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/overgang/" + expected in _iris(result)[:3]


def test_exact_label_ranks_before_prefix(repo, cache):
    iris = _iris(lookup(repo, "PPR", "--format", "json"))
    assert iris[0] == "https://w3id.org/overgang/dk/ppr"


def test_counterpart_and_difference_are_shown(repo, cache):
    data = json.loads(lookup(repo, "PPR", "--format", "json", "--lang", "nb").output)
    ppr = next(r for r in data["results"] if r["iri"] == "https://w3id.org/overgang/dk/ppr")
    counterparts = {c["iri"]: c for c in ppr["counterparts"]}
    assert "https://w3id.org/overgang/no/pp-tjenesten" in counterparts
    ppt = counterparts["https://w3id.org/overgang/no/pp-tjenesten"]
    assert ppt["relation"] in {"closeMatch", "exactMatch", "broadMatch", "narrowMatch", "relatedMatch"}
    assert ppt["justification"]["nb"]
    text = lookup(repo, "PPR", "--lang", "en").output
    assert "PP-tjenesten" in text or "PP-tenesta" in text


def test_false_friend_is_warned_about(repo, cache):
    result = lookup(repo, "ungdomsskole", "--lang", "en")
    assert result.exit_code == 0
    assert "FALSE FRIEND" in result.output
    data = json.loads(lookup(repo, "ungdomsskole", "--format", "json").output)
    found = {r["iri"]: r for r in data["results"]}
    for iri in ("https://w3id.org/overgang/no/ungdomsskole", "https://w3id.org/overgang/dk/ungdomsskole"):
        assert found[iri]["false_friends"], iri
        assert not any(c["iri"].endswith("/ungdomsskole") for c in found[iri]["counterparts"])


def test_definition_follows_the_language_option(repo, cache):
    nb = json.loads(lookup(repo, "ppt", "--format", "json", "--lang", "nb").output)["results"][0]
    en = json.loads(lookup(repo, "ppt", "--format", "json", "--lang", "en").output)["results"][0]
    assert nb["definition"] and en["definition"] and nb["definition"] != en["definition"]


def test_no_match_exits_1(repo, cache):
    result = lookup(repo, "qqqqzzzz")
    assert result.exit_code == 1
    assert "qqqqzzzz" in result.output


def test_cache_is_used_and_follows_the_sources(repo, cache, tmp_path):
    copy = tmp_path / "copy"
    for folder in ("ontology", "vocab", "shapes"):
        shutil.copytree(repo / folder, copy / folder)
    first = lookup(copy, "PPR", "--format", "json")
    assert first.exit_code == 0
    assert len(list(cache.glob("lookup-*.json"))) == 1
    assert lookup(copy, "PPR", "--format", "json").output == first.output
    # Changing a source file must change the key, so the new label is found without --no-cache.
    concept_file = next((copy / "vocab" / "dk").glob("aktoerer.ttl"))
    concept_file.write_text(concept_file.read_text(encoding="utf-8") + '\n<https://w3id.org/overgang/dk/ppr> '
                            '<http://www.w3.org/2004/02/skos/core#hiddenLabel> "Zebrakontoret"@da .\n',
                            encoding="utf-8")
    assert "https://w3id.org/overgang/dk/ppr" in _iris(lookup(copy, "zebrakontor", "--format", "json"))
    assert len(list(cache.glob("lookup-*.json"))) == 2


def test_terminal_control_characters_are_escaped():
    from catalogue.text.templating import render_text
    results = [{"iri": "https://w3id.org/overgang/dk/x", "jurisdiction": "dk", "jurisdiction_names": {"en": "Denmark"}, "pref_labels": {"en": "evil\x1b[31m"}, "native_label": "ond\x1b[31m",
                "labels": [], "definitions": {"en": "d"}, "sources": [], "deprecated": False, "replaced_by": [],
                "editorial_notes": {}, "counterparts": [], "false_friends": []}]
    out = render_text("lookup.txt.j2", results=results, term="x", lang="en")
    assert "\x1b" not in out and "\\u001b" in out


def test_broken_catalogue_gives_path_line_and_exit_3(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("OVERGANG_CACHE_DIR", str(tmp_path / "c"))
    copy = tmp_path / "broken"
    shutil.copytree(repo / "ontology", copy / "ontology")
    (copy / "vocab").mkdir()
    (copy / "vocab" / "bad.ttl").write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "Ola" \nex:c ex:d ex:e .\n')
    result = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(copy),
                             "lookup", "x"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 3
    assert "bad.ttl:3:" in result.stderr
    assert "Traceback" not in result.stderr and "Ola" not in result.stderr


def test_search_prefers_preferred_labels():
    index = {"concepts": [
        {"iri": "b", "jurisdiction": "no", "deprecated": False,
         "labels": [{"text": "PPT", "lang": "nb", "kind": "alt", "folded": "ppt"}]},
        {"iri": "a", "jurisdiction": "no", "deprecated": False,
         "labels": [{"text": "PPT", "lang": "nb", "kind": "pref", "folded": "ppt"}]},
    ]}
    assert [r["iri"] for r in search(index, "ppt")] == ["a", "b"]
