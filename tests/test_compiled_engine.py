"""Differential tests: the compiled engine must give pySHACL's findings, on every example, on a corpus of
mutated records that breaks every compiled constraint at least once, and on generated benchmark data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from catalogue.model.handover_shapes import handover_shapes
from catalogue.source.rdfio import parse_file
from catalogue.validate.compiled.compiler import NotCompilable, compile_shapes
from catalogue.validate.compiled.runner import validate_compiled
from catalogue.validate.compiled.sparql_text import rewrite_not_exists
from catalogue.validate.pyshacl_engine import run_validation

REPO = Path(__file__).resolve().parent.parent
OVG = Namespace("https://w3id.org/overgang/ontology#")
NO = Namespace("https://w3id.org/overgang/no/")
DK = Namespace("https://w3id.org/overgang/dk/")
DPV = Namespace("https://w3id.org/dpv#")
EX = Namespace("https://example.org/overgang/vestby/")
BASE = REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl"
HANDOVER, PUPIL = EX["handover-2026-0417"], EX["pupil-NOa7f3k9q2"]
CONSENT, ITEM1, ITEM3 = EX["consent-2026-0417-1"], EX["item-2026-0417-1"], EX["item-2026-0417-3"]
SENDER, RECIPIENT = EX["vestby-ungdomsskole"], EX["fjordvik-videregaende-skole"]


@pytest.fixture(scope="module")
def context(catalogue):
    return catalogue.union("ontology", "vocab"), handover_shapes(catalogue)


def _key(finding, blank_ids=False):
    focus = finding.focus if not blank_ids else "_:b"
    return (focus, finding.path, finding.severity, finding.component, finding.source_shape,
            finding.source_constraint, finding.value, finding.handovers)


def _both(path: Path, context, blank_ids=False, engines=None):
    knowledge, shapes = context
    run, _datasets, outcomes = validate_compiled([str(path)], knowledge, shapes)
    if engines is None:
        assert outcomes[0].engine == "compiled", outcomes[0].reason
    else:
        engines[path.stem] = (outcomes[0].engine, bool(outcomes[0].delegated))
    reference = run_validation(parse_file(path), knowledge, shapes)
    ours = sorted(_key(f, blank_ids) for f in run.findings)
    theirs = sorted(set(_key(f, blank_ids) for f in reference.findings))
    return ours, theirs


@pytest.mark.parametrize("path", sorted(p for p in (REPO / "examples").rglob("*.ttl") if p.name != "manifest.ttl"),
                         ids=lambda p: p.name)
def test_every_example_gives_pyshacls_findings(path, context):
    engines = {}
    ours, theirs = _both(path, context, engines=engines)
    assert ours == theirs
    # A date that is not a date is compared by a rule: in that one example pySHACL answers the rules that
    # compare it, and the compiled engine the rest.
    assert engines[path.stem] == ("compiled", path.stem == "date-not-a-date")


def _set(g, s, p, o):
    g.remove((s, p, None))
    g.add((s, p, o))


# Each mutation breaks one rule of a valid record; together they must break every compiled constraint.
MUTATIONS = {
    "no-pupil": lambda g: g.remove((HANDOVER, OVG.pupil, None)),
    "two-pupils": lambda g: g.add((HANDOVER, OVG.pupil, EX["other-pupil"])),
    "pupil-literal": lambda g: _set(g, HANDOVER, OVG.pupil, Literal("a pupil")),
    "pupil-untyped": lambda g: g.remove((PUPIL, RDF.type, None)),
    "no-sender": lambda g: g.remove((HANDOVER, OVG.sender, None)),
    "two-senders": lambda g: g.add((HANDOVER, OVG.sender, RECIPIENT)),
    "sender-untyped": lambda g: g.remove((SENDER, RDF.type, None)),
    "no-recipient": lambda g: g.remove((HANDOVER, OVG.recipient, None)),
    "two-recipients": lambda g: g.add((HANDOVER, OVG.recipient, SENDER)),
    "recipient-not-organisation": lambda g: _set(g, HANDOVER, OVG.recipient, EX.nowhere),
    "no-transition": lambda g: g.remove((HANDOVER, OVG.transition, None)),
    "two-transitions": lambda g: g.add((HANDOVER, OVG.transition, NO["overgang-barnehage-skole"])),
    "transition-not-transition": lambda g: _set(g, HANDOVER, OVG.transition, NO.elev),
    "no-date": lambda g: g.remove((HANDOVER, DCTERMS.date, None)),
    "two-dates": lambda g: g.add((HANDOVER, DCTERMS.date, Literal("2026-09-21", datatype=XSD.date))),
    "date-string": lambda g: _set(g, HANDOVER, DCTERMS.date, Literal("20 September 2026")),
    "date-impossible": lambda g: _set(g, HANDOVER, DCTERMS.date, Literal("2026-02-30", datatype=XSD.date)),
    "two-starts": lambda g: g.add((HANDOVER, OVG.expectedStart, Literal("2027-08-18", datatype=XSD.date))),
    "start-datetime": lambda g: _set(g, HANDOVER, OVG.expectedStart,
                                     Literal("2027-08-17T08:00:00", datatype=XSD.dateTime)),
    "no-items": lambda g: g.remove((HANDOVER, OVG.informationItem, None)),
    "item-untyped": lambda g: g.remove((ITEM1, RDF.type, None)),
    "consent-untyped": lambda g: g.remove((CONSENT, RDF.type, None)),
    "consent-no-covers": lambda g: g.remove((CONSENT, OVG.coversCategory, None)),
    "consent-covers-literal": lambda g: g.add((CONSENT, OVG.coversCategory, Literal("health"))),
    "consent-no-date": lambda g: g.remove((CONSENT, DCTERMS.date, None)),
    "consent-two-dates": lambda g: g.add((CONSENT, DCTERMS.date, Literal("2026-09-03", datatype=XSD.date))),
    "consent-date-integer": lambda g: _set(g, CONSENT, DCTERMS.date, Literal(20260902)),
    "consent-after-handover": lambda g: _set(g, CONSENT, DCTERMS.date, Literal("2026-09-30", datatype=XSD.date)),
    "consent-no-giver": lambda g: g.remove((CONSENT, OVG.consentGivenBy, None)),
    "consent-two-givers": lambda g: g.add((CONSENT, OVG.consentGivenBy, NO.foresatte)),
    "consent-giver-not-role": lambda g: _set(g, CONSENT, OVG.consentGivenBy, NO["sakkyndig-vurdering"]),
    "consent-wrong-party-for-age": lambda g: _set(g, PUPIL, OVG.ageAtHandover,
                                                  Literal("14", datatype=XSD.nonNegativeInteger)),
    "consent-missing": lambda g: g.remove((HANDOVER, OVG.consent, None)),
    "no-pseudonym": lambda g: g.remove((PUPIL, OVG.pseudonym, None)),
    "two-pseudonyms": lambda g: g.add((PUPIL, OVG.pseudonym, Literal("NOsecond01"))),
    "pseudonym-digits": lambda g: _set(g, PUPIL, OVG.pseudonym, Literal("12345678901")),
    "pseudonym-language": lambda g: _set(g, PUPIL, OVG.pseudonym, Literal("NOa7f3k9q2", lang="nb")),
    "no-age": lambda g: g.remove((PUPIL, OVG.ageAtHandover, None)),
    "two-ages": lambda g: g.add((PUPIL, OVG.ageAtHandover, Literal("16", datatype=XSD.nonNegativeInteger))),
    "age-too-high": lambda g: _set(g, PUPIL, OVG.ageAtHandover, Literal("31", datatype=XSD.nonNegativeInteger)),
    "age-plain-integer": lambda g: _set(g, PUPIL, OVG.ageAtHandover, Literal(15)),
    "age-negative": lambda g: _set(g, PUPIL, OVG.ageAtHandover, Literal("-1", datatype=XSD.nonNegativeInteger)),
    "age-text": lambda g: _set(g, PUPIL, OVG.ageAtHandover, Literal("fifteen")),
    "pupil-with-name": lambda g: g.add((PUPIL, EX.name, Literal("Kari"))),
    "school-no-type": lambda g: g.remove((SENDER, OVG.institutionType, None)),
    "school-two-types": lambda g: g.add((SENDER, OVG.institutionType, NO.barneskole)),
    "school-type-not-type": lambda g: _set(g, SENDER, OVG.institutionType, NO.elev),
    "sender-wrong-stage": lambda g: _set(g, SENDER, OVG.institutionType, NO["videregaende-skole"]),
    "recipient-wrong-stage": lambda g: _set(g, RECIPIENT, OVG.institutionType, NO.ungdomsskole),
    "item-no-category": lambda g: g.remove((ITEM1, OVG.informationCategory, None)),
    "item-two-categories": lambda g: g.add((ITEM1, OVG.informationCategory, NO["individuell-opplaeringsplan"])),
    "item-category-not-category": lambda g: _set(g, ITEM1, OVG.informationCategory, NO.elev),
    "category-not-allowed": lambda g: (g.add((HANDOVER, OVG.informationItem, EX.extra)),
                                       g.add((EX.extra, RDF.type, OVG.InformationItem)),
                                       g.add((EX.extra, OVG.informationCategory, NO["sterke-sider"])),
                                       g.add((EX.extra, DPV.hasLegalBasis, URIRef("https://lovdata.no/lov/2023-06-09-30")))),
    "wrong-country-category": lambda g: _set(g, ITEM3, OVG.informationCategory, DK.uddannelsesplan),
    "legal-basis-missing": lambda g: g.remove((ITEM3, DPV.hasLegalBasis, None)),
    "legal-basis-literal": lambda g: _set(g, ITEM3, DPV.hasLegalBasis, Literal("opplæringslova")),
    "note-two": lambda g: (g.add((ITEM3, OVG.note, Literal("a"))), g.add((ITEM3, OVG.note, Literal("b")))),
    "note-integer": lambda g: g.add((ITEM3, OVG.note, Literal(12))),
    "note-on-special-category": lambda g: g.add((ITEM1, OVG.note, Literal("Needs a quiet room"))),
    "deadline-missed": lambda g: (_set(g, HANDOVER, DCTERMS.date, Literal("2026-11-20", datatype=XSD.date)),
                                  _set(g, CONSENT, DCTERMS.date, Literal("2026-11-02", datatype=XSD.date))),
    "fodselsnummer-in-note": lambda g: g.add((ITEM3, OVG.note, Literal("Tidligere nr. 15831150065", lang="nb"))),
    "cpr-in-comment": lambda g: g.add((PUPIL, RDFS.comment, Literal("cpr 010180-1234"))),
    "cpr-on-school": lambda g: g.add((SENDER, RDFS.comment, Literal("0101801234"))),
    "deprecated-concept": lambda g: _set(g, ITEM1, OVG.informationCategory, NO.spesialundervisning),
    "blank-pupil": lambda g: (g.remove((HANDOVER, OVG.pupil, None)), g.add((HANDOVER, OVG.pupil, BNode("p"))),
                              g.add((BNode("p"), RDF.type, OVG.Pupil)),
                              g.add((BNode("p"), OVG.pseudonym, Literal("123")))),
}


def test_mutated_records_give_pyshacls_findings_and_break_every_constraint(context, tmp_path):
    knowledge, shapes = context
    program = compile_shapes(shapes)
    fired, engines = set(), {}
    for name, mutate in MUTATIONS.items():
        graph = Graph().parse(BASE)
        mutate(graph)
        path = tmp_path / f"{name}.ttl"
        path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
        ours, theirs = _both(path, context, blank_ids=name == "blank-pupil", engines=engines)
        assert ours == theirs, name
        assert ours, f"{name} broke no rule"
        fired.update((f[3], f[4] or "", f[5] or "") for f in ours)
    compiled = {(str(c.component), str(c.shape), str(c.constraint or "")) for c in program.row_checks}
    compiled |= {(str(c.component), str(c.shape), "") for c in program.value_checks}
    # NationalIdShape's two rules are compiled once per shape, not per target kind, so this is the full set.
    assert compiled - fired == set()
    # No record goes to pySHACL whole; only a wrongly typed date or age that a rule compares has pySHACL answer
    # the rules that compare it.
    assert sorted(name for name, (engine, _delegated) in engines.items() if engine != "compiled") == []
    referred = sorted(name for name, (_engine, delegated) in engines.items() if delegated)
    assert referred == ["age-negative", "age-plain-integer", "age-text", "consent-date-integer", "date-impossible",
                        "date-string", "start-datetime"]


def test_generated_records_give_pyshacls_findings(context, tmp_path):
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    data = tmp_path / "records.ttl"
    generate(120, data, seed=11, defect_rate=0.5)
    ours, theirs = _both(data, context)
    assert ours == theirs
    assert len(ours) > 40


def test_thousand_record_smoke_run_finds_exactly_the_injected_defects(tmp_path):
    """The CI smoke test of the benchmark: the whole CLI on 1,000 generated records. It checks findings, not time."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    data = tmp_path / "records.ttl"
    expected = generate(1000, data, seed=7)["expected"]
    proc = subprocess.run([sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO),
                           "validate", "--format", "json", "--engine", "compiled", str(data)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    found = {}
    for finding in report["results"]:
        rule = (finding["constraint"] or finding["shape"] or "").rsplit("#", 1)[-1]
        found[f"{rule}|{finding['severity']}"] = found.get(f"{rule}|{finding['severity']}", 0) + 1
    assert found == expected


def test_a_rewritten_literal_leaves_the_rules_that_read_its_text_to_pyshacl(context, tmp_path):
    knowledge, shapes = context
    graph = Graph().parse(BASE)
    text = graph.serialize(format="turtle")
    path = tmp_path / "leading-zero.ttl"
    # "0101801234" as an integer: the store keeps 101801234, so what STR() sees is no longer what was written.
    path.write_text(text + '\n<https://example.org/overgang/vestby/item-2026-0417-3> '
                    '<https://w3id.org/overgang/ontology#note> "0101801234"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
                    encoding="utf-8")
    run, _d, outcomes = validate_compiled([str(path)], knowledge, shapes)
    # The identity-number rules read every literal's text: pySHACL answers them, the compiled engine the rest.
    assert outcomes[0].engine == "compiled"
    every_text = {str(c.constraint) for c in compile_shapes(shapes).row_checks if "*" in c.texts}
    assert set(outcomes[0].delegated) == every_text != set()
    reference = run_validation(parse_file(path), knowledge, shapes)
    assert sorted(map(_key, run.findings)) == sorted(set(map(_key, reference.findings)))
    assert any(f.source_constraint in every_text for f in run.findings)  # the CPR number is found


def test_one_stored_value_for_two_written_literals_sends_the_file_to_pyshacl(context, tmp_path):
    knowledge, shapes = context
    graph = Graph().parse(BASE)
    graph.add((EX.p2, RDF.type, OVG.Pupil))
    graph.add((EX.p2, OVG.pseudonym, Literal("NOsecond01")))
    graph.add((EX.p2, OVG.ageAtHandover, Literal(15)))  # same value as the first pupil's, other datatype
    graph.add((EX.h2, OVG.pupil, EX.p2))
    path = tmp_path / "two-fifteens.ttl"
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    run, _d, outcomes = validate_compiled([str(path)], knowledge, shapes)
    assert outcomes[0].engine == "pyshacl"
    reference = run_validation(parse_file(path), knowledge, shapes)
    assert sorted(map(_key, run.findings)) == sorted(set(map(_key, reference.findings)))


def test_shapes_the_compiler_does_not_know_are_refused(context):
    _knowledge, shapes = context
    odd = Graph()
    for triple in shapes:
        odd.add(triple)
    prop = BNode()
    odd.add((URIRef("https://w3id.org/overgang/shapes#PupilShape"), URIRef("http://www.w3.org/ns/shacl#property"), prop))
    inverse = BNode()
    odd.add((prop, URIRef("http://www.w3.org/ns/shacl#path"), inverse))
    odd.add((inverse, URIRef("http://www.w3.org/ns/shacl#inversePath"), OVG.pupil))
    odd.add((prop, URIRef("http://www.w3.org/ns/shacl#minCount"), Literal(1)))
    with pytest.raises(NotCompilable):
        compile_shapes(odd)


def test_engine_compiled_refuses_what_it_cannot_do_and_auto_falls_back(tmp_path):
    base = [sys.executable, "-c", "from cli import run; run()", "--catalogue", str(REPO), "validate"]
    refused = subprocess.run(base + ["--engine", "compiled", "--inference", "rdfs", str(BASE)],
                             capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert refused.returncode == 3 and "inference" in refused.stderr and "Traceback" not in refused.stderr
    auto = subprocess.run(base + ["--inference", "rdfs", str(BASE)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=120)
    assert auto.returncode == 0, auto.stderr


def test_not_exists_rewrite_keeps_strings_and_renames_inner_variables():
    query = '''SELECT $this ?value WHERE {
        $this <urn:p> ?value .
        FILTER NOT EXISTS { ?value <urn:q> ?inner . FILTER (?inner != "}") }
        FILTER ("{" != STR(?value))
    }'''
    out = rewrite_not_exists(query)
    assert "NOT EXISTS" not in out
    assert '"}"' in out and '"{"' in out
    assert "?ovg_ne1_inner" in out and "?inner" not in out
    assert out.index("OPTIONAL") > out.index('FILTER ("{"')
    import pyoxigraph as ox

    store = ox.Store()
    store.load(b'<urn:a> <urn:p> <urn:x> .\n<urn:x> <urn:q> "y" .\n<urn:b> <urn:p> <urn:z> .\n',
               format=ox.RdfFormat.N_TRIPLES)
    before = sorted(str(r["this"]) for r in store.query(query))
    after = sorted(str(r["this"]) for r in store.query(out))
    assert before == after == ["<urn:b>"]


def test_the_shipped_query_checks_are_up_to_date(context):
    """shapes/compiled-queries.json spares validate the slow check of each SPARQL constraint; it must say what
    the check says today (refresh it with: python -m catalogue.validate.compiled.query_checks)."""
    import json

    from catalogue.validate.compiled import query_checks

    _knowledge, shapes = context
    shipped = json.loads((REPO / query_checks.FILE).read_text(encoding="utf-8"))
    fresh = query_checks.answers(shapes)
    assert len(fresh) >= 10
    assert shipped == fresh
