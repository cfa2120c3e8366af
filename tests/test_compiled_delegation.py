"""A doubtful literal keeps a file on the compiled engine unless a rule compares it; then pySHACL answers only
the rules that compare it (catalogue/validate/compiled/value_reads.py, delegate.py).

Every case is checked against the pySHACL path on the same file, with literals compared with their datatype.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, RDFS, XSD
from rdflib.plugins.sparql import prepareQuery

from catalogue.source.locate import CatalogueLocation
from catalogue.source.rdfio import parse_file
from catalogue.validate.compiled.runner import program_for, validate_compiled
from catalogue.validate.compiled.value_reads import ANY, compared_predicates
from catalogue.validate.context import context_for
from catalogue.validate.pyshacl_engine import run_validation

REPO = Path(__file__).resolve().parent.parent
OVG = Namespace("https://w3id.org/overgang/ontology#")
SHAPES = Namespace("https://w3id.org/overgang/shapes#")
EX = Namespace("https://example.org/overgang/vestby/")
BASE = REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl"
PUPIL, CONSENT = EX["pupil-NOa7f3k9q2"], EX["consent-2026-0417-1"]


def _reads(select: str) -> tuple[set[str], set[str], set[str]]:
    return compared_predicates(prepareQuery(select).algebra.p)


def test_text_kind_and_bound_are_not_value_reads():
    compares, matches, texts = _reads('SELECT $this WHERE { $this ?p ?lit . FILTER (isLiteral(?lit)) '
                                      'FILTER (REGEX(STR(?lit), "[0-9]{11}")) FILTER (BOUND(?lit)) }')
    assert compares == set() and matches == set() and texts == {ANY}


def test_kind_alone_is_no_read_at_all():
    assert _reads("SELECT $this WHERE { $this <urn:p> ?lit . FILTER (isLiteral(?lit) && BOUND(?lit)) }") == \
        (set(), set(), set())


def test_a_comparison_reads_the_last_step_of_a_path_as_a_value():
    compares, matches, _texts = _reads("SELECT $this WHERE { $this <urn:pupil>/<urn:age> ?age . "
                                       "<urn:rule> <urn:from> ?from . FILTER (?age < ?from) }")
    assert compares == {"urn:age", "urn:from"} and matches == set()


def test_a_comparison_on_a_variable_predicate_reads_every_predicate():
    compares, _matches, _texts = _reads("SELECT $this WHERE { $this ?p ?v . FILTER (?v > 3) }")
    assert compares == {ANY}


def test_a_value_read_on_this_reads_every_predicate():
    compares, _matches, _texts = _reads("SELECT $this WHERE { $this <urn:p> ?v . FILTER (YEAR($this) > 3) }")
    assert compares == {ANY}


def test_joins_constants_and_datatype_are_identity_reads():
    _compares, matches, _texts = _reads("SELECT $this WHERE { $this <urn:a> ?x . <urn:r> <urn:b> ?x . "
                                        "<urn:r> <urn:flag> true . $this <urn:c> ?y FILTER (DATATYPE(?y) = <urn:t>) }")
    assert matches == {"urn:a", "urn:b", "urn:flag", "urn:c"}


def test_a_path_of_length_zero_hands_the_read_to_its_subject():
    _compares, matches, _texts = _reads("SELECT $this WHERE { $this <urn:to> ?s . ?s <urn:broader>* ?p . "
                                        "<urn:x> <urn:gives> ?p }")
    assert matches == {"urn:to", "urn:broader", "urn:gives"}


def test_a_bind_alias_is_read_every_way():
    assert _reads("SELECT $this WHERE { $this <urn:a> ?x . BIND (?x AS ?y) }") == ({"urn:a"},) * 3


@pytest.fixture(scope="module")
def context():
    loaded = context_for(CatalogueLocation(REPO, "option"))  # the shapes validate itself uses
    return loaded.knowledge, loaded.shapes


def _reading_every_text(shapes) -> set[str]:
    """The rules that read every literal's text (the identity-number rules), as the analysis finds them."""
    return {str(check.constraint) for check in program_for(shapes).row_checks if ANY in check.texts}


def _key(finding):
    return (finding.focus, finding.path, finding.severity, finding.component, finding.source_shape,
            finding.source_constraint, finding.value_text(), finding.handovers)


def _compare(context, tmp_path, name, mutate):
    knowledge, shapes = context
    graph = Graph().parse(BASE)
    mutate(graph)
    path = tmp_path / f"{name}.nt"
    # N-Triples through rdflib would normalise lexical forms; write the statements as they are.
    path.write_text("".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in graph), encoding="utf-8")
    run, _datasets, outcomes = validate_compiled([str(path)], knowledge, shapes)
    reference = run_validation(parse_file(path), knowledge, shapes)
    assert sorted(map(_key, run.findings)) == sorted(set(map(_key, reference.findings)))
    return outcomes[0], run.findings


def _set(graph, s, p, o):
    graph.remove((s, p, None))
    graph.add((s, p, o))


def test_an_invalid_literal_no_rule_compares_stays_on_the_compiled_engine(context, tmp_path):
    outcome, _findings = _compare(context, tmp_path, "comment", lambda g: g.add(
        (PUPIL, RDFS.comment, Literal("1_4", datatype=XSD.integer, normalize=False))))
    assert (outcome.engine, outcome.delegated) == ("compiled", ())


def test_an_invalid_age_is_a_datatype_violation_and_pyshacl_answers_only_the_consent_rule(context, tmp_path):
    outcome, findings = _compare(context, tmp_path, "age", lambda g: _set(
        g, PUPIL, OVG.ageAtHandover, Literal("1_4", datatype=XSD.nonNegativeInteger, normalize=False)))
    assert outcome.engine == "compiled"
    assert outcome.delegated == (str(SHAPES["handover-consent-covers"]),)
    assert any(f.component.endswith("#DatatypeConstraintComponent") and f.value_text().startswith('"1_4"')
               for f in findings)


def test_a_timezone_on_the_consent_date_leaves_the_consent_rule_to_pyshacl(context, tmp_path):
    outcome, _findings = _compare(context, tmp_path, "timezone", lambda g: _set(
        g, CONSENT, DCTERMS.date, Literal("2026-09-02+02:00", datatype=XSD.date, normalize=False)))
    assert outcome.engine == "compiled"
    assert str(SHAPES["handover-consent-covers"]) in outcome.delegated


def test_a_finding_names_the_literal_as_written_not_as_stored(context, tmp_path):
    # The store keeps "31"^^xsd:int as "31"^^xsd:integer; the finding must still say xsd:int.
    outcome, findings = _compare(context, tmp_path, "int", lambda g: _set(
        g, PUPIL, OVG.ageAtHandover, Literal("31", datatype=XSD.int, normalize=False)))
    assert outcome.engine == "compiled"
    assert {f.value_text() for f in findings if f.path == str(OVG.ageAtHandover)} == \
        {'"31"^^<http://www.w3.org/2001/XMLSchema#int>'}


def test_a_literal_the_store_rewrites_leaves_only_the_rules_reading_its_text_to_pyshacl(context, tmp_path):
    # The store keeps "0302100124"^^xsd:integer as "302100124": only the identity-number rules read the text.
    outcome, _findings = _compare(context, tmp_path, "rewritten", lambda g: g.add(
        (PUPIL, RDFS.comment, Literal("0302100124", datatype=XSD.integer, normalize=False))))
    assert outcome.engine == "compiled"
    assert set(outcome.delegated) == _reading_every_text(context[1]) != set()


def test_two_written_literals_stored_as_one_send_the_file_to_pyshacl(context, tmp_path):
    def mutate(graph):
        graph.add((PUPIL, RDFS.comment, Literal("15", datatype=XSD.byte, normalize=False)))
        graph.add((PUPIL, RDFS.comment, Literal("15", datatype=XSD.int, normalize=False)))

    outcome, _findings = _compare(context, tmp_path, "merged", mutate)
    assert outcome.engine == "pyshacl"
