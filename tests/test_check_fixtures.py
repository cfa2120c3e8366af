"""Each catalogue check passes on a small valid catalogue and fires on a fixture that breaks its rule."""

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from catalogue.checks.registry import REGISTRY, run_checks
from catalogue.namespaces import DK, EUVOC, NO, OVG

from minicatalogue import build, mini_graph

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
    "identifiers": lambda g: g.set((BETA, DCTERMS.identifier, Literal(str(ALPHA)))),
    "alignment:targets": lambda g: g.add((ALPHA, SKOS.relatedMatch, DK.nowhere)),
    "alignment:pairs": lambda g: g.add((ALPHA, SKOS.relatedMatch, GAMMA)),
    "alignment:records": lambda g: g.remove((RECORD, DCTERMS.creator, None)),
    "alignment:false-friends": lambda g: g.add((BETA, SKOS.closeMatch, DELTA)),
}


def test_every_registered_check_has_a_failing_fixture():
    assert set(REGISTRY) == set(MUTATIONS)


@pytest.mark.parametrize("check", sorted(MUTATIONS))
def test_check_fires_on_its_fixture(tmp_path, check):
    graph = mini_graph()
    MUTATIONS[check](graph)
    _root, views = build(tmp_path, graph)
    findings = run_checks(views, [check])
    assert findings, f"{check} found nothing"
    assert all(f.check.startswith(check) for f in findings)
    assert all(f.file and f.line for f in findings if f.focus and f.focus.startswith(("https://w3id.org/overgang/no/",
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
