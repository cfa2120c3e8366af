"""Cross-check with Digdir's official SKOS-AP-NO-Begrep v2 shapes (kept outside the project, in shared/external).

Our own profile shapes encode the same rules so that `overgang check` works anywhere; these tests show that
the official shapes agree with ours on our data and on broken fixtures. They skip when the folder is absent.
"""

import pytest
from conftest import SHARED
from jurisdiction_ns import NO
from minicatalogue import build, mini_graph
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, SKOS

from catalogue.checks.registry import run_checks
from catalogue.namespaces import EUVOC
from catalogue.validate.shacl import run_shacl

OFFICIAL = SHARED / "external" / "skos-ap-no" / "SKOS-AP-NO-Begrep-shape_shape_v2.ttl"
pytestmark = pytest.mark.skipif(not OFFICIAL.is_file(), reason="shared/external/skos-ap-no is not present")


@pytest.fixture(scope="module")
def official_shapes():
    return Graph().parse(OFFICIAL)


def _official_violations(views, official_shapes):
    """Official violations about our resources; a definition's blank node counts as its concept."""
    ours = set(views.concepts) | {str(NO.collection)}
    owner = {str(note): str(concept) for concept, note in views.graph.subject_objects(EUVOC.xlDefinition)}
    found = []
    for r in run_shacl(views.graph, official_shapes):
        focus = owner.get(r.focus, r.focus)
        if focus in ours and focus.startswith(str(NO)) and r.severity == "violation":
            found.append(type(r)(focus, r.path, r.severity, r.messages, r.source_shape, r.component))
    return found


def test_official_shapes_find_no_violation_in_our_norwegian_concepts(catalogue, official_shapes):
    from catalogue.model.catalogue import build_views

    views = build_views(catalogue.location)
    assert any(c.jurisdiction == "no" for c in views.concepts.values())
    assert _official_violations(views, official_shapes) == []


def _drop_lang(lang):
    def mutate(g):
        for label in list(g.objects(NO.alpha, SKOS.prefLabel)):
            if label.language == lang:
                g.remove((NO.alpha, SKOS.prefLabel, label))
    return mutate


def _two_values_in_one_definition(g):
    note = next(iter(g.objects(NO.alpha, EUVOC.xlDefinition)))
    g.add((note, RDF.value, Literal("en ekstra tekst", lang="nb")))


BROKEN = {
    "missing nynorsk label": _drop_lang("nn"),
    "missing bokmål label": _drop_lang("nb"),
    "two bokmål labels": lambda g: g.add((NO.alpha, SKOS.prefLabel, Literal("alfa igjen", lang="nb"))),
    "no publisher": lambda g: g.remove((NO.alpha, DCTERMS.publisher, None)),
    "no identifier": lambda g: g.remove((NO.alpha, DCTERMS.identifier, None)),
    "no definition": lambda g: g.remove((NO.alpha, EUVOC.xlDefinition, None)),
    "definition with two texts": _two_values_in_one_definition,
    "collection without title": lambda g: g.add((NO.collection, DCTERMS.title, Literal("x"))) or
    [g.remove(t) for t in list(g.triples((NO.collection, DCTERMS.title, None)))],
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_official_and_our_shapes_agree_on_broken_fixtures(tmp_path, official_shapes, case):
    graph = mini_graph()
    BROKEN[case](graph)
    root, views = build(tmp_path, graph)
    if case == "collection without title":
        scheme = root / "vocab" / "no" / "scheme.ttl"
        g = Graph().parse(scheme)
        g.remove((NO.collection, DCTERMS.title, None))
        scheme.write_text(g.serialize(format="turtle"), encoding="utf-8")
        from catalogue.model.catalogue import build_views
        from catalogue.source.locate import CatalogueLocation
        views = build_views(CatalogueLocation(root, "option"))
    official = _official_violations(views, official_shapes)
    ours = [f for f in run_checks(views, ["profile:skos-ap-no"]) if f.severity == "violation"]
    assert official, f"the official shapes did not flag: {case}"
    assert ours, f"our shapes did not flag: {case}"
    assert {r.focus for r in official} == {f.focus for f in ours}
