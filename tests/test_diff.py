"""`overgang diff` on git repositories built in the test: each kind of change, and the change policy."""

import json
import subprocess

import pytest
from click.testing import CliRunner
from jurisdiction_ns import NO
from minicatalogue import build
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.namespaces import CONCEPT_STATUS, EUVOC
from cli import main


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path):
    root, _views = build(tmp_path)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    return root


def change(root, mutate, message="change"):
    path = root / "vocab" / "test.ttl"
    graph = Graph().parse(path)
    mutate(graph)
    path.write_text(canonical_turtle(graph), encoding="utf-8")
    git(root, "commit", "-qam", message)


def diff(root, *args):
    result = CliRunner().invoke(main, ["diff", "--repo", str(root), "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def kinds(data):
    return {(c["iri"].rsplit("/", 1)[-1], c["kind"]) for c in data["concepts"]}


def test_no_changes(repo):
    code, data = diff(repo, "HEAD", "HEAD")
    assert code == 0 and data["concepts"] == [] and data["mappings"] == []


def test_each_kind_of_concept_change(repo):
    def mutate(g):
        g.set((NO.alpha, SKOS.prefLabel, Literal("alfatenesta", lang="nn")))
        g.remove((NO.alpha, SKOS.prefLabel, Literal("alfatenesta", lang="nn")))
        g.add((NO.alpha, SKOS.prefLabel, Literal("alfa-tenesta", lang="nn")))
        for note in list(g.objects(NO.beta, EUVOC.xlDefinition)):
            for value in list(g.objects(note, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#value"))):
                if value.language == "en":
                    g.set((note, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#value"),
                           Literal("A school that only exists in tests.", lang="en")))
        g.set((URIRef("https://w3id.org/overgang/dk/delta"), DCTERMS.source, URIRef("https://www.stil.dk/")))
        g.add((URIRef("https://w3id.org/overgang/dk/gamma"), OWL.deprecated, Literal(True)))
        g.set((URIRef("https://w3id.org/overgang/dk/gamma"), EUVOC.status, CONCEPT_STATUS.RETIRED))
    change(repo, mutate)
    code, data = diff(repo, "HEAD~1", "HEAD")
    assert code == 0
    assert {("alpha", "relabelled"), ("beta", "redefined"), ("delta", "sources"), ("gamma", "deprecated"),
            ("gamma", "status")} <= kinds(data)


def test_added_concept_and_mappings(repo):
    def mutate(g):
        epsilon = URIRef("https://w3id.org/overgang/dk/epsilon")
        for p, o in list(g.predicate_objects(URIRef("https://w3id.org/overgang/dk/delta"))):
            if p not in (SKOS.prefLabel, DCTERMS.identifier, SKOS.related):
                g.add((epsilon, p, o))
        g.add((epsilon, SKOS.prefLabel, Literal("epsilon", lang="da")))
        g.remove((NO.alpha, SKOS.closeMatch, URIRef("https://w3id.org/overgang/dk/gamma")))
        g.add((NO.alpha, SKOS.relatedMatch, URIRef("https://w3id.org/overgang/dk/gamma")))
        g.add((NO.alpha, SKOS.relatedMatch, epsilon))
    change(repo, mutate)
    code, data = diff(repo, "HEAD~1", "HEAD")
    assert ("epsilon", "added") in kinds(data)
    changes = {(m["change"], m["target"].rsplit("/", 1)[-1], m["relation"]) for m in data["mappings"]}
    assert ("changed", "gamma", "relatedMatch") in changes
    assert ("added", "epsilon", "relatedMatch") in changes


def test_deleting_a_published_concept_breaches_the_policy(repo):
    change(repo, lambda g: [g.remove(t) for t in list(g.triples((URIRef("https://w3id.org/overgang/dk/delta"), None, None)))])
    code, data = diff(repo, "HEAD~1", "HEAD")
    assert code == 1
    assert ("delta", "removed") in kinds(data)
    assert any("dk/delta" in b for b in data["breaches"])


def test_status_moving_backwards_breaches_the_policy(repo):
    change(repo, lambda g: g.set((NO.alpha, EUVOC.status, CONCEPT_STATUS.CANDIDATE)))
    code, data = diff(repo, "HEAD~1", "HEAD")
    assert code == 1 and any("moved back" in b for b in data["breaches"])


def test_withdrawing_an_unpublished_candidate_is_allowed(repo):
    change(repo, lambda g: g.set((NO.beta, EUVOC.status, CONCEPT_STATUS.CANDIDATE)), "add candidate")
    # candidate -> removal is fine (never published), but the status step above went backwards
    change(repo, lambda g: [g.remove(t) for t in list(g.triples((NO.beta, None, None)))])
    code, data = diff(repo, "HEAD~1", "HEAD")
    assert data["breaches"] == [] and code == 0


def test_shapes_and_ontology_changes_and_working_tree_default(repo):
    shapes = repo / "shapes" / "catalogue-no.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8").replace("Add exactly one preferred term in Bokmål",
                                                                 "Add one Bokmål term"), encoding="utf-8")
    code, data = diff(repo)  # merge-base with main -> working tree
    assert {"change": "changed", "iri": "https://w3id.org/overgang/shapes#no-prefLabel-nb"} in data["shapes"]


def test_markdown_escapes_contributed_text(repo):
    change(repo, lambda g: g.set((NO.alpha, SKOS.prefLabel, Literal("[click](javascript:alert(1))", lang="en"))))
    result = CliRunner().invoke(main, ["diff", "--repo", str(repo), "HEAD~1", "HEAD"])
    assert "[click](javascript" not in result.output
    assert "\\[click\\]\\(javascript" in result.output


def test_changelog_entry(repo):
    change(repo, lambda g: g.add((NO.alpha, OWL.deprecated, Literal(True))))
    result = CliRunner().invoke(main, ["diff", "--repo", str(repo), "HEAD~1", "HEAD", "--format", "changelog"])
    assert result.output.startswith("## [0.1.0] - ")
    assert "### Deprecated" in result.output and "no:alpha" in result.output


def test_two_folders(tmp_path):
    old_root, _ = build(tmp_path / "old")
    new_root, _ = build(tmp_path / "new")
    code, data = diff(tmp_path, str(old_root), str(new_root))
    assert code == 0 and data["concepts"] == []
