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
    from catalogue.search.lookup import Answer, as_text
    results = [{"iri": "https://w3id.org/overgang/dk/x", "jurisdiction": "dk", "jurisdiction_names": {"en": "Denmark"}, "pref_labels": {"en": "evil\x1b[31m"}, "native_label": "ond\x1b[31m",
                "labels": [], "definitions": {"en": "d"}, "sources": [], "deprecated": False, "replaced_by": [],
                "editorial_notes": {}, "counterparts": [], "false_friends": [], "match": "exact"}]
    out = as_text(Answer("x\x1b[2J", results, 1, [{"text": "t\x1b[31m", "iri": "i", "jurisdiction": "dk"}]), "en")
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
         "labels": [{"text": "PPT", "lang": "nb", "kind": "alt", "folded": "ppt", "key": "ppt", "starts": ["ppt"]}]},
        {"iri": "a", "jurisdiction": "no", "deprecated": False,
         "labels": [{"text": "PPT", "lang": "nb", "kind": "pref", "folded": "ppt", "key": "ppt", "starts": ["ppt"]}]},
    ]}
    assert [r["iri"] for r in search(index, "ppt")] == ["a", "b"]


# ---------------------------------------------------------------- the forgiving rule (issue 16)

@pytest.mark.parametrize("term, expected", [
    ("PP tjenesten", "no/pp-tjenesten"),             # a space where the label has a hyphen
    ("oppfolgingstjenesten", "no/oppfolgingstjenesten"),  # no ø
    ("oppfølgingstjensten", "no/oppfolgingstjenesten"),   # a letter missing
    ("uu vejleder", "dk/uddannelsesvejleder"),          # UU-vejleder, typed with a space
    ("pædagogisk psykologisk vurdering", "dk/ppv"),
    ("sakyndig vurdering", "no/sakkyndig-vurdering"),   # a typo in a multi-word label
])
def test_forgiving_terms_find_the_right_concept(repo, cache, term, expected):
    result = lookup(repo, term, "--format", "json")
    assert result.exit_code == 0, result.output
    assert _iris(result)[0] == "https://w3id.org/overgang/" + expected


def test_typos_rank_below_exact_hits():
    from catalogue.search.lookup import find

    index = {"concepts": [
        {"iri": "typo", "jurisdiction": "no", "deprecated": False,
         "labels": [{"text": "rektur", "kind": "pref", "key": "rektur", "starts": ["rektur"]}]},
        {"iri": "exact", "jurisdiction": "no", "deprecated": False,
         "labels": [{"text": "rektor", "kind": "alt", "key": "rektor", "starts": ["rektor"]}]},
    ]}
    answer = find(index, "rektor")
    assert [r["iri"] for r in answer.results] == ["exact", "typo"]
    assert [r["match"] for r in answer.results] == ["exact", "typo"]
    assert answer.suggestions == []


def test_did_you_mean_when_nothing_matches_exactly(repo, cache):
    data = json.loads(lookup(repo, "oppfølgingstjensten", "--format", "json").output)
    assert "https://w3id.org/overgang/no/oppfolgingstjenesten" in [s["iri"] for s in data["did_you_mean"]]
    text = lookup(repo, "oppfølgingstjensten", "--lang", "en").output
    assert text.startswith("Did you mean: oppfølgingstjenesten [NO]?")
    nb = lookup(repo, "kommunne", "--lang", "nb")
    assert "Mente du:" in nb.output and "kommune" in nb.output


def test_lookup_shows_the_best_ten_and_says_how_many_more(repo, cache):
    result = lookup(repo, "P", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(lookup(repo, "P", "--format", "json").output)
    assert data["shown"] == 10 < data["total"]
    assert f"Showing 10 of {data['total']} matches; --limit N shows more." in result.output
    assert len(result.output.splitlines()) < 80
    three = json.loads(lookup(repo, "P", "--format", "json", "--limit", "3").output)
    assert [r["iri"] for r in three["results"]] == [r["iri"] for r in data["results"][:3]]
    assert lookup(repo, "P", "--limit", "0").exit_code == 2


def test_each_brief_result_shows_country_and_definition_start(repo, cache):
    output = lookup(repo, "PP", "--lang", "en").output
    brief = output.split("Other matches:", 1)[1].splitlines()
    entries = [line for line in brief if "[" in line]
    assert entries and all(("[NO · Norway]" in line) or ("[DK · Denmark]" in line) for line in entries)
    definitions = [line.strip() for line in brief if line.startswith("      ")]
    assert len(definitions) == len(entries) and all(len(d) <= 111 for d in definitions)
