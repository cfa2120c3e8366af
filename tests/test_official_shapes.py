"""Cross-check with Digdir's official SKOS-AP-NO-Begrep v2 shapes (kept outside the project, in shared/external).

Our own profile shapes encode the same rules so that `overgang check` works anywhere; these tests show that
the official shapes agree with ours on our data and on broken fixtures, and that the published harvest and
concept files, as `overgang build` writes them, pass the official shapes on their own. They skip when the
folder is absent.
"""

import pytest
from conftest import REPO, SHARED
from jurisdiction_ns import NO
from made_once import made_once
from minicatalogue import build, mini_graph
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, SKOS

from catalogue.checks.registry import run_checks
from catalogue.namespaces import EUVOC
from catalogue.validate.shacl import run_shacl

OFFICIAL = SHARED / "external" / "skos-ap-no" / "SKOS-AP-NO-Begrep-shape_shape_v2.ttl"
# A profile names the published specification it implements (dct:conformsTo in vocab/<code>/jurisdiction.ttl);
# these are the specifications whose official shapes shared/external holds (see its SOURCE.md).
OFFICIAL_SHAPES = {"https://data.norge.no/specification/skos-ap-no-begrep/": OFFICIAL}
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
    "no definition": lambda g: (g.remove((NO.alpha, EUVOC.xlDefinition, None)),
                                g.remove((NO.alpha, SKOS.definition, None))),
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


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The real catalogue's downloads, written once by the step of `overgang build` that writes them."""
    from catalogue.model.catalogue import build_views
    from catalogue.site.downloads import write_downloads
    from catalogue.source.locate import CatalogueLocation

    views = build_views(CatalogueLocation(REPO, "checkout"))
    out = made_once(tmp_path_factory, "published-downloads", lambda folder: write_downloads(views, folder))
    return out, views


@pytest.fixture(scope="session")
def checked_jurisdictions(published):
    """(jurisdiction, official shapes) for every jurisdiction whose profile conforms to a specification with
    official shapes at hand: read from the registry, so no test names a country."""
    _, views = published
    found = []
    for jurisdiction in views.registry:
        if jurisdiction.profile is None:
            continue
        for spec in views.graph.objects(URIRef(jurisdiction.profile.iri), DCTERMS.conformsTo):
            path = OFFICIAL_SHAPES.get(str(spec))
            if path is not None and path.is_file():
                found.append((jurisdiction, Graph().parse(path)))
    assert found, "no registered profile conforms to a specification whose official shapes are present"
    return found


def _violations(data: Graph, shapes: Graph) -> list[str]:
    _, report, _ = validate(data, shacl_graph=shapes, inference="none")
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) == SH.Violation:
            found.append(f"{report.value(result, SH.focusNode)} {report.value(result, SH.resultPath)} "
                         f"{str(report.value(result, SH.sourceConstraintComponent)).rsplit('#', 1)[-1]}")
    return sorted(found)


def test_harvest_files_conform_to_the_official_shapes_alone(published, checked_jurisdictions):
    out, _ = published
    for jurisdiction, shapes in checked_jurisdictions:
        data = Graph().parse(out / "downloads" / f"collection-{jurisdiction.code}.ttl")
        assert len(set(data.objects(None, SKOS.member))) > 10
        assert _violations(data, shapes) == [], jurisdiction.code


def test_every_concept_download_conforms_to_the_official_shapes_alone(published, checked_jurisdictions):
    out, views = published
    for jurisdiction, shapes in checked_jurisdictions:
        files = sorted((out / "concepts" / jurisdiction.code).glob("*.ttl"))
        assert len(files) == sum(1 for c in views.concepts.values() if c.jurisdiction == jurisdiction.code)
        bad = {f.name: v for f in files if (v := _violations(Graph().parse(f), shapes))}
        assert bad == {}


def test_the_harvester_finds_only_our_concepts_in_the_harvest_file(published, checked_jurisdictions):
    """data.norge.no's harvester takes every `rdf:type skos:Concept` in a file as a concept of the harvested
    source; code-list entries the file describes must not be among them."""
    out, views = published
    for jurisdiction, _ in checked_jurisdictions:
        data = Graph().parse(out / "downloads" / f"collection-{jurisdiction.code}.ttl")
        typed = {str(s) for s in data.subjects(RDF.type, SKOS.Concept)}
        ours = {i for i, c in views.concepts.items() if c.jurisdiction == jurisdiction.code}
        assert typed == ours
        assert {str(o) for o in data.objects(URIRef(jurisdiction.collection), SKOS.member)} == ours


def test_harvest_and_mapping_files_together_keep_every_statement_of_our_concepts(published, checked_jurisdictions):
    out, views = published
    for jurisdiction, _ in checked_jurisdictions:
        harvest = Graph().parse(out / "downloads" / f"collection-{jurisdiction.code}.ttl")
        links = Graph().parse(out / "downloads" / f"mappings-{jurisdiction.code}.ttl")
        assert set(harvest.predicates(None, None)).isdisjoint({SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch})
        assert len(links) > 0
        for iri, concept in views.concepts.items():
            if concept.jurisdiction != jurisdiction.code:
                continue
            for p, o in views.graph.predicate_objects(URIRef(iri)):
                if isinstance(o, BNode):
                    assert len(list(harvest.objects(URIRef(iri), p))) == len(list(views.graph.objects(URIRef(iri), p)))
                else:
                    assert (URIRef(iri), p, o) in harvest or (URIRef(iri), p, o) in links, (iri, p, o)
