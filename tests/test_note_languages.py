"""note-languages: every note in the reader's languages (read from the data), and no working notes."""

import shutil
from pathlib import Path

import pytest
from jurisdiction_ns import DK, NO
from minicatalogue import build, mini_graph
from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from catalogue.checks import note_languages
from catalogue.checks.registry import REGISTRY, run_checks
from catalogue.model.catalogue import build_views
from catalogue.namespaces import OVG
from catalogue.site.strings import SITE_LANGUAGES
from catalogue.source.locate import CatalogueLocation

REPO = Path(__file__).resolve().parent.parent
ZZ_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "jurisdiction-zz"
ZZ = Namespace("https://w3id.org/overgang/zz/")
RECORD = URIRef("https://w3id.org/overgang/alignment/alpha--gamma")


def _notes(**texts):
    return [Literal(text, lang=lang) for lang, text in texts.items()]


def _findings(tmp_path, graph, prepare=None):
    _root, views = build(tmp_path, graph, prepare)
    return run_checks(views, ["note-languages"]), views


def test_the_check_is_registered():
    assert "note-languages" in REGISTRY


def test_the_real_catalogue_has_every_note_in_its_readers_languages_and_no_working_notes():
    views = build_views(CatalogueLocation(REPO, "checkout"))
    findings = note_languages.note_languages(views)
    assert findings == [], [(f.focus, f.message["en"]) for f in findings[:10]]


def test_a_norwegian_concept_needs_its_own_content_languages_too(tmp_path):
    graph = mini_graph()
    for lit in _notes(en="A note.", nb="En merknad.", da="En note."):
        graph.add((NO.alpha, SKOS.scopeNote, lit))
    findings, views = _findings(tmp_path, graph)
    assert [f.check for f in findings] == ["note-languages:missing"]
    assert findings[0].focus == str(NO.alpha) and findings[0].detail["languages"] == "nn"
    assert findings[0].file == "vocab/test.ttl" and findings[0].line
    # the languages are the interface languages and the jurisdiction's own, as the registry states them
    assert set(note_languages.required_languages(views, NO.alpha)) == set(SITE_LANGUAGES) | set(
        views.registry.get(views.registry.of(str(NO.alpha))).languages)


def test_a_danish_concept_with_interface_languages_passes(tmp_path):
    graph = mini_graph()
    for lit in _notes(en="A note.", nb="En merknad.", da="En note."):
        graph.add((DK.gamma, SKOS.editorialNote, lit))
    findings, _views = _findings(tmp_path, graph)
    assert findings == []


def test_an_english_only_note_is_missing_the_other_interface_languages(tmp_path):
    graph = mini_graph()
    graph.add((DK.gamma, SKOS.editorialNote, Literal("Not verified.", lang="en")))
    findings, _views = _findings(tmp_path, graph)
    assert [f.detail["languages"] for f in findings] == ["nb, da"]


def test_a_second_note_translated_into_fewer_languages_is_found(tmp_path):
    graph = mini_graph()
    for lit in _notes(en="One.", nb="En.", da="En."):
        graph.add((DK.gamma, SKOS.scopeNote, lit))
    graph.add((DK.gamma, SKOS.scopeNote, Literal("Two.", lang="en")))
    findings, _views = _findings(tmp_path, graph)
    assert [f.detail["languages"] for f in findings] == ["nb, da"]


def test_an_untagged_note_is_found(tmp_path):
    graph = mini_graph()
    for lit in _notes(en="One.", nb="En.", da="En."):
        graph.add((DK.gamma, SKOS.scopeNote, lit))
    graph.add((DK.gamma, SKOS.scopeNote, Literal("One.")))
    findings, _views = _findings(tmp_path, graph)
    assert len(findings) == 1 and "no language tag" in findings[0].message["en"]


def test_a_justification_needs_the_interface_languages_only(tmp_path):
    graph = mini_graph()
    for lit in list(graph.objects(RECORD, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))):
        if lit.language == "da":
            graph.remove((RECORD, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"), lit))
    findings, views = _findings(tmp_path, graph)
    assert [(f.focus, f.detail["languages"]) for f in findings] == [(str(RECORD), "da")]
    assert note_languages.required_languages(views, RECORD) == tuple(SITE_LANGUAGES)


def test_a_rule_note_is_reported_on_the_transition_that_holds_it(tmp_path):
    graph = mini_graph()
    rule = BNode()
    graph.add((NO.alpha, OVG.informationRule, rule))
    graph.add((rule, RDF.type, OVG.InformationRule))
    for lit in _notes(en="Read in the act.", nb="Lest i loven.", da="Læst i loven."):
        graph.add((rule, SKOS.editorialNote, lit))
    findings, _views = _findings(tmp_path, graph)
    assert [(f.focus, f.detail["languages"]) for f in findings] == [(str(NO.alpha), "nn")]


def _with_zz(root):
    for rel in ("vocab/zz/jurisdiction.ttl", "vocab/zz/scheme.ttl"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ZZ_FIXTURE / rel, root / rel)


def test_a_new_jurisdictions_languages_come_from_its_registry_entry(tmp_path):
    """The fictional jurisdiction writes Swedish: its notes need sv, with no line of code naming it."""
    graph = mini_graph()
    for lit in _notes(en="A note.", nb="En merknad.", da="En note."):
        graph.add((ZZ.elevhalsa, SKOS.scopeNote, lit))
    findings, views = _findings(tmp_path, graph, _with_zz)
    assert "sv" in views.registry.get("zz").languages
    assert [(f.focus, f.detail["languages"]) for f in findings if f.focus == str(ZZ.elevhalsa)] == [
        (str(ZZ.elevhalsa), "sv")]


@pytest.mark.parametrize("text", [
    "The older name (template example) was not verified.",
    "Only ovg:providesStage udskoling is given.",
    "The same as dk:gymnasieloven; a newer consolidation may exist.",
    "TODO: check the section.",
])
def test_working_notes_are_found(tmp_path, text):
    graph = mini_graph()
    for lang in ("en", "nb", "da"):
        graph.add((DK.gamma, SKOS.editorialNote, Literal(text, lang=lang)))
    findings, _views = _findings(tmp_path, graph)
    assert {f.check for f in findings} == {"note-languages:internal"} and len(findings) == 3


@pytest.mark.parametrize("text", [
    "See https://lovdata.no/lov/2023-06-09-30/§25-1 and lovdata.no/lov/2005-06-17-64.",
    "Deadline: 1 October, at 10:30 at the latest.",
    "ELI eli/lta/2024/989 (LBK nr. 989 af 27/08/2024).",
])
def test_prose_with_links_and_times_is_not_a_working_note(tmp_path, text):
    graph = mini_graph()
    for lang in ("en", "nb", "da"):
        graph.add((DK.gamma, SKOS.editorialNote, Literal(text, lang=lang)))
    findings, _views = _findings(tmp_path, graph)
    assert findings == []
