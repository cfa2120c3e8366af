"""validate says what it checked (issue 14): a file with no handover fails and names the likely cause, terms the
catalogue does not define are named with the closest known ones, deprecated concepts name their replacement,
and every report counts the handovers, pupils and files it checked. On both engines."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from catalogue.namespaces import OVG
from cli import main

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "examples" / "valid"
INVALID = REPO / "examples" / "invalid"
EXAMPLE = VALID / "no-barnehage-skole.ttl"
ENGINES = ["pyshacl", "compiled"]


def validate(*args):
    return CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", *map(str, args)])


def variant(tmp_path, name, old, new, source=EXAMPLE):
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def results(*args):
    result = validate(*args, "--format", "json")
    return result, json.loads(result.output)


@pytest.fixture(scope="module")
def knowledge(catalogue):
    return catalogue.union("ontology", "vocab")


# ---------------------------------------------------------------- no handover found

@pytest.mark.parametrize("engine", ENGINES)
def test_a_mistyped_class_is_no_handover_and_named(tmp_path, engine):
    path = variant(tmp_path, "typo.ttl", " a ovg:Handover", " a ovg:HandOver")
    result = validate(path, "--engine", engine, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert f"No handover found in {path}" in result.output
    assert "ovg:HandOver is used as a class; did you mean ovg:Handover?" in result.output
    assert "checked 0 handover(s)" in result.output


@pytest.mark.parametrize("engine", ENGINES)
def test_a_namespace_one_edit_away_is_named(tmp_path, engine):
    path = variant(tmp_path, "ns.ttl", "<https://w3id.org/overgang/ontology#>", "<https://w3id.org/overgang/ontolgy#>")
    result, data = results(path, "--engine", engine)
    assert result.exit_code == 1
    messages = [r["message"] for r in data["results"]]
    assert any(m.startswith("No handover found") and "<https://w3id.org/overgang/ontolgy#>" in m for m in messages)
    # One finding for the namespace, not one per term in it.
    namespace = [r for r in data["results"] if r["component"].endswith("#UnknownNamespace")]
    assert len(namespace) == 1 and "1 edit(s) away from <https://w3id.org/overgang/ontology#>" in \
        namespace[0]["message"]


@pytest.mark.parametrize("path", [REPO / "ontology" / "overgang.ttl", REPO / "vocab" / "dk" / "scheme.ttl",
                                  REPO / "shapes" / "handover.ttl"], ids=lambda p: p.name)
def test_files_that_are_not_handover_datasets_fail(path):
    result = validate(path)
    assert result.exit_code == 1, result.output
    assert "No handover found in" in result.output
    assert "conform" not in result.output


def test_unrelated_rdf_fails_and_every_file_is_judged_on_its_own(tmp_path):
    other = tmp_path / "other.ttl"
    other.write_text("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n")
    result, data = results(EXAMPLE, other)
    assert result.exit_code == 1
    missing = [r for r in data["results"] if r["component"].endswith("#NoHandover")]
    assert [r["file"] for r in missing] == [str(other)]
    assert missing[0]["focus"] is None


def test_with_merge_a_file_of_shared_records_is_fine(tmp_path):
    # With --merge the inputs are one dataset: one file may hold the institutions the handovers point at.
    graph = Graph().parse(EXAMPLE)
    handover = next(graph.subjects(RDF.type, OVG.Handover))
    shared = Graph()
    for triple in graph.triples((None, None, None)):
        if triple[0] != handover:
            shared.add(triple)
    main_part = Graph()
    for triple in graph.triples((handover, None, None)):
        main_part.add(triple)
    (tmp_path / "a.ttl").write_text(main_part.serialize(format="turtle"), encoding="utf-8")
    (tmp_path / "b.ttl").write_text(shared.serialize(format="turtle"), encoding="utf-8")
    assert validate(tmp_path / "a.ttl", tmp_path / "b.ttl", "--merge").exit_code == 0
    assert validate(tmp_path / "b.ttl", "--merge").exit_code == 1


# ---------------------------------------------------------------- unknown terms

@pytest.mark.parametrize("engine", ENGINES)
def test_an_unknown_concept_is_one_finding_with_suggestions(tmp_path, engine, knowledge):
    path = variant(tmp_path, "concept.ttl", "no:sterke-sider ;", "no:sterke-sidr ;")
    result, data = results(path, "--engine", engine, "--lang", "en")
    assert result.exit_code == 1
    violations = [r for r in data["results"] if r["severity"] == "violation"]
    # Before: three misleading violations ("not from the right scheme", "not allowed", "not a category").
    assert len(violations) == 1, [r["message"] for r in violations]
    message = violations[0]["message"]
    assert message.startswith("Unknown concept no:sterke-sidr")
    suggested = re.findall(r"no:[a-z-]+", message.split("Did you mean", 1)[1])
    assert suggested[0] == "no:sterke-sider"
    assert 1 <= len(suggested) <= 3
    for curie in suggested:
        assert (URIRef("https://w3id.org/overgang/no/" + curie[3:]), RDF.type, SKOS.Concept) in knowledge
    assert violations[0]["path"] == str(OVG.informationCategory)
    assert violations[0]["handover"] == "https://example.org/overgang/nordvik/handover-2026-0088"


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unknown_ontology_term_names_the_closest(tmp_path, engine):
    path = variant(tmp_path, "prop.ttl", "ovg:pupil ex:", "ovg:pupill ex:")
    result = validate(path, "--engine", engine, "--lang", "en")
    assert result.exit_code == 1
    assert "Unknown term ovg:pupill: neither the ontology nor the catalogue defines it. Closest known term: " \
           "ovg:pupil" in result.output


def test_unknown_terms_never_echo_identity_numbers(tmp_path):
    path = variant(tmp_path, "nin.ttl", "no:sterke-sider ;", "<https://w3id.org/overgang/no/15831150065> ;")
    for fmt in ("text", "json", "turtle", "junit"):
        result = validate(path, "--format", fmt)
        assert result.exit_code == 1
        assert "15831150065" not in result.output
    assert "15831150065" in validate(path, "--show-values").output


def test_a_valid_dataset_has_no_unknown_terms():
    for path in sorted(VALID.glob("*.ttl")):
        result = validate(path)
        assert result.exit_code == 0, result.output
        assert "Unknown" not in result.output


# ---------------------------------------------------------------- deprecated concepts

def _label(knowledge, iri, lang):
    return next(str(o) for o in knowledge.objects(URIRef(iri), SKOS.prefLabel) if o.language == lang)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_deprecated_concept_names_its_replacement(tmp_path, engine, knowledge):
    deprecated = "https://w3id.org/overgang/dk/uu"
    replacement = next(knowledge.objects(URIRef(deprecated), DCTERMS.isReplacedBy))
    path = variant(tmp_path, "uu.ttl", "dk:uddannelsesparathedsvurdering", "dk:uu", INVALID / "legacy-upv.ttl")
    _result, data = results(path, "--engine", engine, "--lang", "en")
    warning = next(r for r in data["results"] if r["severity"] == "warning")
    assert warning["message"].startswith("The concept dk:uu")
    assert f"use dk:{str(replacement).rsplit('/', 1)[1]} ({_label(knowledge, replacement, 'en')}) instead" in \
        warning["message"]
    for lang in ("nb", "nn", "da"):
        assert str(replacement).rsplit("/", 1)[1] in warning["messages"][lang]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_deprecated_concept_without_replacement_says_so(engine, knowledge):
    upv = URIRef("https://w3id.org/overgang/dk/uddannelsesparathedsvurdering")
    assert (upv, OWL.deprecated, Literal(True)) in knowledge
    assert list(knowledge.objects(upv, DCTERMS.isReplacedBy)) == []
    _result, data = results(INVALID / "legacy-upv.ttl", "--engine", engine, "--lang", "en")
    warning = next(r for r in data["results"] if r["severity"] == "warning")
    assert "names no concept that replaces it" in warning["message"]
    assert "use the concept that replaces it" not in warning["message"]


def test_lookup_prints_the_replacement_or_that_there_is_none(knowledge):
    runner = CliRunner()
    upv = runner.invoke(main, ["--catalogue", str(REPO), "lookup", "UPV", "--lang", "en"]).output
    assert "use instead: )" not in upv
    assert "(deprecated; no replacement recorded)" in upv
    uu = runner.invoke(main, ["--catalogue", str(REPO), "lookup", "Ungdommens Uddannelsesvejledning",
                              "--lang", "en"]).output
    replacement = next(knowledge.objects(URIRef("https://w3id.org/overgang/dk/uu"), DCTERMS.isReplacedBy))
    assert f"(deprecated; use instead: {_label(knowledge, replacement, 'en')})" in uu


# ---------------------------------------------------------------- what was checked

def _counts(paths):
    handovers, pupils = 0, 0
    for path in paths:
        graph = Graph().parse(path)
        handovers += len(set(graph.subjects(RDF.type, OVG.Handover)))
        pupils += len(set(graph.objects(None, OVG.pupil)) | set(graph.subjects(RDF.type, OVG.Pupil)))
    return handovers, pupils


@pytest.mark.parametrize("engine", ENGINES)
def test_every_report_states_what_was_checked(engine):
    paths = sorted(VALID.glob("*.ttl")) + [INVALID / "consent-missing.ttl"]
    handovers, pupils = _counts(paths)
    assert handovers > 0 and pupils > 0
    text = validate(*paths, "--engine", engine).output
    assert f"in {len(paths)} file(s); checked {handovers} handover(s) with {pupils} pupil(s)" in text
    data = json.loads(validate(*paths, "--engine", engine, "--format", "json").output)
    assert data["checked"] == {"files": len(paths), "handovers": handovers, "pupils": pupils, "unreadable": 0}
    report = Graph().parse(data=validate(*paths, "--engine", engine, "--format", "turtle").output, format="turtle")
    comment = str(next(report.objects(None, RDFS.comment)))
    assert f"Checked {handovers} handover(s) with {pupils} pupil(s) in {len(paths)} file(s)" in comment
    conforming = validate(*sorted(VALID.glob("*.ttl")), "--engine", engine).output
    valid_handovers, valid_pupils = _counts(sorted(VALID.glob("*.ttl")))
    assert f"conform: {valid_handovers} handover(s) with {valid_pupils} pupil(s) checked" in conforming


def test_the_background_scan_of_large_files_gives_the_same_report(monkeypatch, tmp_path):
    """Large files are scanned in a forked process while the engine runs; the report must not change."""
    from catalogue.validate import coverage

    typo = variant(tmp_path, "concept.ttl", "no:sterke-sider ;", "no:sterke-sidr ;")
    inputs = [*sorted(VALID.glob("*.ttl")), typo, INVALID / "legacy-upv.ttl"]
    inline = validate(*inputs, "--format", "json").output
    started = []
    real_init = coverage.BackgroundScans.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        started.append(self.process is not None)

    monkeypatch.setattr(coverage, "BACKGROUND_BYTES", 1)
    monkeypatch.setattr(coverage.BackgroundScans, "__init__", init)
    assert validate(*inputs, "--format", "json").output == inline
    assert started == [True]
