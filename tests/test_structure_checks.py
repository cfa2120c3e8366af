"""Generic SKOS: plain definitions and top concepts derived by `overgang format` and `propose`, and the qSKOS
checks for orphan concepts and omitted top concepts, on the small fixture catalogue."""

import json

from click.testing import CliRunner
from jurisdiction_ns import DK, NO
from minicatalogue import build, mini_graph
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.checks.registry import run_checks
from catalogue.namespaces import CONCEPT_STATUS, EUVOC
from cli import main

STRUCTURE = ["qskos:oc", "qskos:otc", "derived"]


def _copy_concept(g: Graph, source, target) -> None:
    """A second concept like ``source`` (labels changed) with none of its links."""
    for p, o in list(g.predicate_objects(source)):
        if p in (SKOS.broader, SKOS.narrower, SKOS.related, SKOS.closeMatch, SKOS.topConceptOf):
            continue
        if p == SKOS.prefLabel:
            o = Literal(f"{o} {target.rsplit('/', 1)[-1]}", lang=o.language)
        if p == DCTERMS.identifier:
            o = Literal(str(target), datatype=o.datatype)
        if p == EUVOC.xlDefinition:
            note = type(o)()
            for q, v in g.predicate_objects(o):
                g.add((note, q, v))
            o = note
        g.add((target, p, o))
    for collection in list(g.subjects(SKOS.member, source)):
        g.add((collection, SKOS.member, target))


def _findings(views, names=STRUCTURE):
    return sorted((f.check, f.focus) for f in run_checks(views, names))


def test_the_clean_fixture_has_no_structure_findings(tmp_path):
    _root, views = build(tmp_path)
    assert _findings(views) == []


def test_a_planted_orphan_is_found_and_mappings_or_top_place_do_not_hide_it(tmp_path):
    g = mini_graph()
    for name in ("epsilon", "zeta", "eta", "theta"):
        _copy_concept(g, NO.alpha, NO[name])
    g.add((NO.epsilon, SKOS.closeMatch, DK.gamma))  # a mapping to another scheme does not place it
    g.add((NO.zeta, OWL.deprecated, Literal(True)))  # retired concepts are published too
    g.set((NO.zeta, EUVOC.status, CONCEPT_STATUS.RETIRED))
    g.add((NO.theta, SKOS.related, NO.eta))  # linked in one direction only: both are placed
    for name in ("epsilon", "zeta", "eta", "theta"):
        g.add((NO[name], SKOS.topConceptOf, NO.scheme))
        g.add((NO.scheme, SKOS.hasTopConcept, NO[name]))
    _root, views = build(tmp_path, g)
    assert _findings(views, ["qskos:oc"]) == [("qskos:oc", str(NO.epsilon)), ("qskos:oc", str(NO.zeta))]


def test_a_scheme_without_top_concept_is_found(tmp_path):
    g = mini_graph()
    g.remove((DK.scheme, SKOS.hasTopConcept, None))
    _root, views = build(tmp_path, g)
    assert _findings(views, ["qskos:otc"]) == [("qskos:otc", str(DK.scheme))]


def _strip_derived(g: Graph) -> Graph:
    for p in (SKOS.topConceptOf, SKOS.hasTopConcept):
        g.remove((None, p, None))
    for concept in set(g.subjects(EUVOC.xlDefinition, None)):
        g.remove((concept, SKOS.definition, None))
    return g


def _run(root, *args):
    return CliRunner().invoke(main, ["--catalogue", str(root), *args], catch_exceptions=False)


def test_format_derives_definitions_and_top_concepts_and_check_reports_hand_edits(tmp_path):
    root, views = build(tmp_path, _strip_derived(mini_graph()))
    before = {f[0] for f in _findings(views)}
    assert {"derived:definition", "derived:top-concepts", "qskos:otc"} <= before
    assert _run(root, "format").exit_code == 0
    g = Graph().parse(root / "vocab" / "test.ttl")
    for concept in (NO.alpha, NO.beta):
        reified = {v for n in g.objects(concept, EUVOC.xlDefinition) for v in g.objects(n, RDF.value)}
        assert len(reified) == 3 and set(g.objects(concept, SKOS.definition)) == reified
    assert set(g.objects(NO.scheme, SKOS.hasTopConcept)) == {NO.alpha}  # beta has alpha as broader
    assert set(g.objects(DK.scheme, SKOS.hasTopConcept)) == {DK.gamma, DK.delta}
    assert set(g.subjects(SKOS.topConceptOf, None)) == {NO.alpha, DK.gamma, DK.delta}
    assert (DK.gamma, SKOS.definition, None) in g  # plain definitions of the plain form are left alone
    result = _run(root, "check", "--format", "json", "--only", "derived", "--only", "qskos:otc")
    assert result.exit_code == 0, result.output

    g.remove((NO.beta, SKOS.definition, Literal("An imagined school.", lang="en")))
    g.add((NO.beta, SKOS.definition, Literal("A school, edited.", lang="en")))
    (root / "vocab" / "test.ttl").write_text(canonical_turtle(g), encoding="utf-8")
    result = _run(root, "check", "--format", "json", "--only", "derived")
    found = [(f["check"], f["focus"]) for f in json.loads(result.output)["findings"]]
    assert result.exit_code == 1 and found == [("derived:definition", str(NO.beta))]
    assert _run(root, "format").exit_code == 0
    assert "A school, edited." not in (root / "vocab" / "test.ttl").read_text(encoding="utf-8")


def test_propose_writes_the_plain_definition_and_the_top_concept(tmp_path):
    root, _views = build(tmp_path)
    for args in ((), ("--broader", "no:alpha")):
        label = "gamma" if not args else "delta"
        result = _run(root, "propose", "-j", "no", "--kind", "service", "--label", f"nb={label}tjenesten",
                      "--label", f"nn={label}tenesta", "--label", f"en={label} service",
                      "--definition", f"nb=En {label}tjeneste.", "--definition", f"en=A {label} service.",
                      "--source", "https://lovdata.no/lov/2023-06-09-30", *args)
        assert result.exit_code == 0, result.output
    g = Graph()
    for path in (root / "vocab").rglob("*.ttl"):
        g.parse(path)
    top, below = NO.gammatjenesten, NO.deltatjenesten
    assert set(g.objects(top, SKOS.definition)) == {Literal("En gammatjeneste.", lang="nb"),
                                                    Literal("A gamma service.", lang="en")}
    assert set(g.objects(below, SKOS.definition)) == {Literal("En deltatjeneste.", lang="nb"),
                                                      Literal("A delta service.", lang="en")}
    assert (top, SKOS.topConceptOf, NO.scheme) in g and (NO.scheme, SKOS.hasTopConcept, top) in g
    assert (below, SKOS.topConceptOf, None) not in g and (NO.scheme, SKOS.hasTopConcept, below) not in g
    result = _run(root, "check", "--format", "json", "--only", "derived")
    assert result.exit_code == 0, result.output
