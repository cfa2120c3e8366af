"""Each catalogue check passes on a small valid catalogue and fires on a fixture that breaks its rule."""

import shutil

import pytest
from click.testing import CliRunner
from jurisdiction_ns import DK, NO
from minicatalogue import REPO, build, mini_graph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.checks.files import syntax_findings
from catalogue.checks.registry import REGISTRY, run_checks
from catalogue.namespaces import OVG
from catalogue.source.loader import load
from catalogue.source.locate import CatalogueLocation
from cli import main

ALPHA, BETA, GAMMA, DELTA = NO.alpha, NO.beta, DK.gamma, DK.delta
RECORD = URIRef("https://w3id.org/overgang/alignment/alpha--gamma")
FALSE_FRIEND = URIRef("https://w3id.org/overgang/alignment/false-friend/betaskole")


def test_the_mini_catalogue_is_clean(tmp_path):
    _root, views = build(tmp_path)
    assert run_checks(views) == []


def _remove_label(g, subject, prop, lang):
    for obj in list(g.objects(subject, prop)):
        if obj.language == lang:
            g.remove((subject, prop, obj))


MUTATIONS = {
    "qskos:ipl": lambda g: g.add((ALPHA, SKOS.prefLabel, Literal("alfa to", lang="nb"))),
    "qskos:dlv": lambda g: g.add((ALPHA, SKOS.hiddenLabel, Literal("AT", lang="nb"))),
    "qskos:el": lambda g: g.add((ALPHA, SKOS.altLabel, Literal("  ", lang="nn"))),
    "qskos:oilt": lambda g: g.add((ALPHA, SKOS.altLabel, Literal("untagged"))),
    "qskos:ucil": lambda g: g.add((ALPHA, SKOS.altLabel, Literal("alfa\u202e", lang="nb"))),
    "qskos:chr": lambda g: (g.add((ALPHA, SKOS.broader, BETA)), g.add((BETA, SKOS.narrower, ALPHA))),
    "qskos:mc": lambda g: (g.add((ALPHA, SKOS.exactMatch, DELTA)), g.add((ALPHA, SKOS.relatedMatch, DELTA))),
    "qskos:rc": lambda g: (g.add((ALPHA, SKOS.related, BETA)), g.add((BETA, SKOS.related, ALPHA))),
    "qskos:rrc": lambda g: g.add((GAMMA, SKOS.related, GAMMA)),
    "qskos:urc": lambda g: g.remove((ALPHA, SKOS.narrower, BETA)),
    "qskos:usr": lambda g: g.add((ALPHA, URIRef(str(SKOS) + "preferredLabel"), Literal("x", lang="nb"))),
    "qskos:mri": lambda g: g.add((ALPHA, SKOS.closeMatch, BETA)),
    "qskos:ol": lambda g: g.add((BETA, SKOS.altLabel, Literal("alfatjenesten", lang="nb"))),
    "profile:skos-ap-no": lambda g: _remove_label(g, ALPHA, SKOS.prefLabel, "nn"),
    "profile:fda-dk": lambda g: _remove_label(g, GAMMA, SKOS.definition, "da"),
    "sources:concepts": lambda g: g.remove((DELTA, DCTERMS.source, None)),
    # gamma then links only the act's ELI, which the registry's ovg:actPattern marks as a whole act
    "legal-sources:whole-act": lambda g: g.remove((GAMMA, URIRef("https://w3id.org/overgang/ontology#legalProvision"),
                                                   None)),
    "identifiers": lambda g: g.set((BETA, DCTERMS.identifier, Literal(str(ALPHA)))),
    "note-languages": lambda g: g.add((ALPHA, SKOS.scopeNote, Literal("Only in English.", lang="en"))),
    "alignment:targets": lambda g: g.add((ALPHA, SKOS.relatedMatch, DK.nowhere)),
    "alignment:pairs": lambda g: g.add((ALPHA, SKOS.relatedMatch, GAMMA)),
    "alignment:records": lambda g: g.remove((RECORD, DCTERMS.creator, None)),
    "alignment:false-friends": lambda g: g.add((BETA, SKOS.closeMatch, DELTA)),
    "qskos:oc": lambda g: (g.remove((ALPHA, SKOS.narrower, BETA)), g.remove((BETA, SKOS.broader, ALPHA))),
    "qskos:otc": lambda g: g.remove((DK.scheme, SKOS.hasTopConcept, None)),
    "derived:definition": lambda g: g.set((BETA, SKOS.definition, Literal("Edited by hand.", lang="en"))),
    "derived:top-concepts": lambda g: g.remove((ALPHA, SKOS.topConceptOf, None)),
    "registry:unplaced": lambda g: g.add((URIRef("https://legacy.example/begrep/1"), RDF.type, SKOS.Concept)),
    "registry:entry": lambda g: g.add((URIRef("https://w3id.org/overgang/qq/jurisdiction"), RDF.type,
                                       OVG.Jurisdiction)),
}


def test_every_registered_check_has_a_failing_fixture(tmp_path):
    # A family (profile) is one registered check with one member per profile the registry names.
    _root, views = build(tmp_path)
    expected = {n for n in REGISTRY if n != "profile"} | {f"profile:{name}" for name in views.registry.profiles()}
    assert expected == set(MUTATIONS) | set(FILE_MUTATIONS)



def test_syntax_errors_are_found_in_every_file_with_their_line(tmp_path):
    root, _views = build(tmp_path)
    _write(root, "vocab/a.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c\nex:d ex:e ex:f .\n")
    _write(root, "vocab/b.ttl", "@prefix ex: <http://example.org/> .\n\nex:a ex:b .\n")
    errors = []
    load(CatalogueLocation(root, "option"), errors)
    findings = syntax_findings(errors)
    assert [(f.file, f.line) for f in findings] == [("vocab/a.ttl", 3), ("vocab/b.ttl", 3)]
    result = CliRunner().invoke(main, ["--catalogue", str(root), "check"])
    assert result.exit_code == 3 and "vocab/a.ttl:3:" in result.output and "vocab/b.ttl:3:" in result.output


def _write(root, relative, text):
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(text, encoding="utf-8")


def _drop_nn_label_from_ontology(root):
    path = root / "ontology" / "overgang.ttl"
    g = Graph().parse(path)
    for label in list(g.objects(OVG.Pupil, RDFS.label)):
        if label.language == "nn":
            g.remove((OVG.Pupil, RDFS.label, label))
    path.write_text(canonical_turtle(g), encoding="utf-8")


def _wrong_manifest_expectation(root):
    shutil.copytree(REPO / "examples", root / "examples")
    manifest = root / "examples" / "manifest.ttl"
    # Claim that a valid example does not conform: the run must disagree with the manifest.
    text = manifest.read_text(encoding="utf-8").replace(
        "sh:conforms true ] ;\n    mf:status sht:approved .", "sh:conforms false ] ;\n    mf:status sht:approved .", 1)
    manifest.write_text(text, encoding="utf-8")


FILE_MUTATIONS = {
    "format": lambda root: _write(root, "vocab/test.ttl", (root / "vocab" / "test.ttl").read_text() + "\n\n"),
    "ontology:labels": _drop_nn_label_from_ontology,
    "ontology:consistency": lambda root: _write(root, "ontology/clash.ttl", """
        @prefix ovg: <https://w3id.org/overgang/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
        ovg:Pupil owl:disjointWith ovg:Guardian . <https://example.org/x> a ovg:Pupil , ovg:Guardian ."""),
    "shapes:meta": lambda root: _write(root, "shapes/broken.ttl", """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://example.org/s> a sh:NodeShape ; sh:property [ sh:path ( 1 2 ) ] ."""),
    "shapes:manifest": _wrong_manifest_expectation,
    "shapes:handover-json": lambda root: _write(root, "shapes/handover.schema.json", "{}"),
    "shapes:patterns": lambda root: _write(root, "shapes/redos.ttl", """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <https://example.org/s> a sh:NodeShape ; sh:targetClass <https://example.org/C> ;
            sh:property [ sh:path <https://example.org/name> ; sh:pattern "^([A-Za-z]+[ -]?)+$" ] ."""),
}
MUTATIONS["ontology:defined"] = lambda g: g.add((ALPHA, OVG.madeUpProperty, Literal("x")))


@pytest.mark.parametrize("check", sorted(MUTATIONS) + sorted(FILE_MUTATIONS))
def test_check_fires_on_its_fixture(tmp_path, check):
    graph = mini_graph()
    if check in MUTATIONS:
        MUTATIONS[check](graph)
    _root, views = build(tmp_path, graph, FILE_MUTATIONS.get(check))
    findings = run_checks(views, [check])
    assert findings, f"{check} found nothing"
    assert all(f.check.startswith(check) for f in findings)
    assert all(f.file for f in findings), [f for f in findings if not f.file]
    assert all(f.line for f in findings if f.focus and f.focus.startswith(("https://w3id.org/overgang/no/",
                                                                            "https://w3id.org/overgang/dk/")))


def test_profile_messages_come_in_four_languages(tmp_path):
    graph = mini_graph()
    _remove_label(graph, ALPHA, SKOS.prefLabel, "nn")
    _root, views = build(tmp_path, graph)
    finding = run_checks(views, ["profile:skos-ap-no"])[0]
    assert set(finding.message) == {"nb", "nn", "da", "en"}
    assert finding.file == "vocab/test.ttl"


def test_deprecated_concept_needs_history_and_retired_status(tmp_path):
    graph = mini_graph()
    graph.add((BETA, OWL.deprecated, Literal(True)))
    _root, views = build(tmp_path, graph)
    shapes = {f.detail.get("shape") for f in run_checks(views, ["profile:skos-ap-no"])}
    assert "https://w3id.org/overgang/shapes#deprecated-history" in shapes
    assert "https://w3id.org/overgang/shapes#deprecated-status" in shapes
