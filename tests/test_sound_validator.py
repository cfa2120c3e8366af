"""Issue 18: the compiled engine never answers what it did not understand, every engine sees a literal the way
XSD reads it, identity numbers are found in any written form, and reports keep what they say.

Every case runs through `overgang validate` with each engine; the engines must agree, and the answer must be
the right one (checked against the rule, not against the other engine only).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from catalogue.validate.compiled.compiler import compile_shapes
from catalogue.validate.compiled.refusal import NotCompilable
from cli import main

REPO = Path(__file__).resolve().parent.parent
BASE = REPO / "examples" / "valid" / "no-grunnskole-vgo.ttl"
DK_BASE = REPO / "examples" / "valid" / "dk-grundskole-ungdomsuddannelse.ttl"
ENGINES = ("compiled", "auto", "pyshacl")
OVG = "https://w3id.org/overgang/ontology#"
SHAPES = "https://w3id.org/overgang/shapes#"


def validate(*args):
    return CliRunner().invoke(main, ["--catalogue", str(REPO), "validate", *map(str, args)])


def report(path: Path, engine: str, *extra) -> tuple[int, dict]:
    result = validate(path, "--engine", engine, "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def findings(data: dict) -> set[tuple]:
    return {(r["focus"], r["path"], r["severity"], r["component"].rsplit("#", 1)[-1],
             (r["constraint"] or r["shape"] or "").rsplit("#", 1)[-1]) for r in data["results"]}


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def with_object(base: Path, predicate: str, new: str) -> str:
    """The example with the object of ``predicate`` (as written in the file) replaced by ``new``."""
    text = base.read_text(encoding="utf-8")
    changed, count = re.subn(rf"({re.escape(predicate)} )(\"[^\"]*\"\^\^xsd:\w+)", lambda m: m.group(1) + new, text,
                             count=1)
    assert count == 1, predicate
    return changed


def all_engines(path: Path, *extra) -> tuple[int, set]:
    """The exit code and findings both engines give, after checking that they give the same. (The catalogue's
    shapes compile, so --engine auto takes the very path --engine compiled takes: file by file, the compiled
    engine or its hand-over to pySHACL.)"""
    answers = {engine: report(path, engine, *extra) for engine in ("compiled", "pyshacl")}
    codes = {code for code, _data in answers.values()}
    found = {engine: findings(data) for engine, (_code, data) in answers.items()}
    assert len(codes) == 1 and found["compiled"] == found["pyshacl"], found
    return codes.pop(), found["pyshacl"]


# -- 1. literal forms rdflib reads and XSD does not: the age behind the consent rule -------------------------

@pytest.mark.parametrize("age", ['" 14"', '"1_4"', '"\u0661\u0664"'], ids=["space", "underscore", "arabic-indic"])
def test_an_age_xsd_rejects_is_a_datatype_violation_in_every_engine(tmp_path, age):
    """Before: rdflib read 14 and Oxigraph kept an invalid literal, so the compiled engine accepted a
    14-year-old's own consent (exit 0) where pySHACL reported it."""
    path = written(tmp_path, "age", with_object(BASE, "ovg:ageAtHandover", age + "^^xsd:nonNegativeInteger"))
    code, found = all_engines(path)
    assert code == 1
    assert any(f[1] == OVG + "ageAtHandover" and f[3] == "DatatypeConstraintComponent" for f in found)


def test_a_fourteen_year_olds_own_consent_is_refused_in_every_engine(tmp_path):
    path = written(tmp_path, "age14", with_object(BASE, "ovg:ageAtHandover", '"14"^^xsd:nonNegativeInteger'))
    code, found = all_engines(path)
    assert code == 1 and any(f[3] == "SPARQLConstraintComponent" for f in found)


# -- 2. dates Python accepts and XSD does not, and dates with a timezone ------------------------------------

@pytest.mark.parametrize("date", ["2026-04-30T00:00:00", "2026-W18"])
def test_a_consent_date_xsd_rejects_is_a_datatype_violation_in_every_engine(tmp_path, date):
    path = written(tmp_path, "consent-date", re.sub(r'(dpv:Consent ;[^.]*?dct:date )"[^"]*"',
                                                    lambda m: m.group(1) + f'"{date}"', BASE.read_text("utf-8"),
                                                    count=1, flags=re.S))
    assert f'"{date}"' in path.read_text("utf-8")
    code, found = all_engines(path)
    assert code == 1
    assert any(f[1] == "http://purl.org/dc/terms/date" and f[3] == "DatatypeConstraintComponent" for f in found)


@pytest.mark.parametrize("zone", ["+14:00", "-14:00"])
def test_a_timezone_on_the_handover_day_gives_one_answer(tmp_path, zone):
    text = BASE.read_text("utf-8")
    handover_date = re.search(r'ovg:Handover ;[^.]*?dct:date "([^"]+)"', text, re.S).group(1)
    path = written(tmp_path, "zone", text.replace(f'"{handover_date}"', f'"{handover_date}{zone}"'))
    all_engines(path)


# -- 3. a malformed date is a violation with its path, never a crash ---------------------------------------

@pytest.mark.parametrize("base", [BASE, DK_BASE], ids=["no", "dk"])
@pytest.mark.parametrize("start", ["2027-02-30", "2025-1-5"])
def test_a_malformed_expected_start_is_a_datatype_violation_not_a_crash(tmp_path, base, start):
    """Before: every engine exited 3 with "internal error (AttributeError)" and no report."""
    path = written(tmp_path, "start", with_object(base, "ovg:expectedStart", f'"{start}"^^xsd:date'))
    code, found = all_engines(path)
    assert code == 1
    assert any(f[1] == OVG + "expectedStart" and f[3] == "DatatypeConstraintComponent" for f in found)


# -- 4. identity numbers in any written form ----------------------------------------------------------------

FODSELSNUMMER = "03021001243"  # valid mod-11 check digits


@pytest.mark.parametrize("literal", [
    f'"{FODSELSNUMMER}"^^xsd:integer',  # rdflib normalised this to ten digits before
    f'"{FODSELSNUMMER[:6]}.{FODSELSNUMMER[6:]}"^^xsd:decimal',
    f'"{FODSELSNUMMER}"@nb',
    f'"{FODSELSNUMMER[:6]} {FODSELSNUMMER[6:]}"',
    f'"{FODSELSNUMMER}"^^<https://example.org/own-type>',
], ids=["integer", "decimal-separator", "language", "space", "own-datatype"])
def test_a_fodselsnummer_is_found_in_every_datatype(tmp_path, literal):
    text = BASE.read_text("utf-8").replace(
        "    ovg:informationCategory no:sakkyndig-vurdering",
        f"    rdfs:comment {literal} ;\n    ovg:informationCategory no:sakkyndig-vurdering", 1)
    assert literal in text
    code, found = all_engines(written(tmp_path, "fnr", text))
    assert code == 1 and any(f[4] == "no-fodselsnummer" for f in found)


@pytest.mark.parametrize("literal", ['"0302100124"^^xsd:integer', '"030210-0124"'])
def test_a_cpr_number_is_found_in_every_datatype(tmp_path, literal):
    text = BASE.read_text("utf-8").replace(
        "    ovg:informationCategory no:sakkyndig-vurdering",
        f"    rdfs:comment {literal} ;\n    ovg:informationCategory no:sakkyndig-vurdering", 1)
    assert literal in text
    code, found = all_engines(written(tmp_path, "cpr", text))
    assert code == 1 and any(f[4] == "no-cpr" for f in found)


def test_ten_digits_that_are_no_cpr_number_are_not_reported(tmp_path):
    # The same digits without the leading zero: no valid date at the start, so no finding (the rule is exact).
    text = BASE.read_text("utf-8").replace(
        "    ovg:informationCategory no:sakkyndig-vurdering",
        '    rdfs:comment "3021001243"^^xsd:integer ;\n    ovg:informationCategory no:sakkyndig-vurdering', 1)
    code, found = all_engines(written(tmp_path, "not-cpr", text))
    assert not any(f[4] in ("no-cpr", "no-fodselsnummer") for f in found)


# -- the allow-list compiler --------------------------------------------------------------------------------

EX = "http://example.org/t#"
PREFIXES = f"""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def shapes_graph(text: str) -> Graph:
    return Graph().parse(data=PREFIXES + text, format="turtle")


@pytest.mark.parametrize("text,reason", [
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:property [ sh:path ex:q ; "
     "sh:minCount 1 ] ] .", "sh:property"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; ex:myParam 3 . ex:Comp a sh:ConstraintComponent ; "
     "sh:parameter [ sh:path ex:myParam ] .", "constraint components"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .",
     "sh:uniqueLang"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:qualifiedValueShape "
     "[ sh:class ex:D ] ; sh:qualifiedMinCount 1 ] .", "qualified"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated \"yes\" .", "sh:deactivated"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select \"SELECT $this WHERE { $this ex:p 1 }\" ; "
     "sh:deactivated \"true\" ] .", "sh:deactivated"),
    ("ex:S a sh:NodeShape, sh:SPARQLConstraint ; sh:targetClass ex:C .", "SPARQLConstraint"),
    ("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ; "
     "sh:zeroOrMorePath ex:q ] ; sh:minCount 1 ] .", "path"),
])
def test_the_compiler_refuses_what_it_does_not_handle(text, reason):
    """Before: each of these compiled, the unknown part silently ignored."""
    with pytest.raises(NotCompilable, match=re.escape(reason) if reason != "qualified" else "qualified"):
        compile_shapes(shapes_graph(text))


def test_annotations_on_shapes_do_not_refuse():
    program = compile_shapes(shapes_graph(
        'ex:S a sh:NodeShape ; rdfs:label "S" ; rdfs:comment "why" ; sh:targetClass ex:C ; '
        'sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:name "p" ; sh:order 1 ] .'))
    assert program.size == 1


DATA = f"""@prefix ex: <{EX}> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a a ex:C . ex:b a ex:D . ex:D rdfs:subClassOf ex:C . ex:c a ex:C ; ex:p 1 .
"""


@pytest.mark.parametrize("shapes_text", [
    # an implicit class target: the shape is a class; ex:b is an instance through the data's rdfs:subClassOf
    "ex:C a sh:NodeShape, rdfs:Class ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    # sh:deactivated on a SPARQL constraint: honoured, the other constraint still runs
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select \"SELECT $this WHERE { $this a ?t }\" ; "
    "sh:deactivated true ] ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
])
def test_the_compiled_engine_gives_pyshacls_answer_on_what_it_compiles(tmp_path, shapes_text):
    data, shapes = written(tmp_path, "data", DATA), written(tmp_path, "shapes", PREFIXES + shapes_text)
    answers = {engine: report(data, engine, "--shapes", shapes, "--trust-shapes") for engine in ENGINES}
    assert {code for code, _d in answers.values()} == {1}
    compiled, reference = findings(answers["compiled"][1]), findings(answers["pyshacl"][1])
    assert compiled == reference
    assert {f[0] for f in reference} == {EX + "a", EX + "b"}


def test_a_refused_shapes_graph_goes_to_pyshacl_under_auto_and_fails_under_compiled(tmp_path):
    data = written(tmp_path, "data", DATA)
    shapes = written(tmp_path, "shapes", PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property "
                     "[ sh:path ex:p ; sh:property [ sh:path ex:q ; sh:minCount 1 ] ] .")
    refused = validate(data, "--shapes", shapes, "--trust-shapes", "--engine", "compiled")
    assert refused.exit_code == 3 and "sh:property" in refused.output
    auto, reference = (report(data, e, "--shapes", shapes, "--trust-shapes") for e in ("auto", "pyshacl"))
    assert auto == reference and auto[0] == 1  # ex:c's value 1 has no ex:q


# -- standard behaviour for --shapes, hardening for the catalogue's own shapes ------------------------------

def test_shapes_from_outside_see_the_datas_subclasses_and_the_catalogue_shapes_do_not(tmp_path):
    data, shapes = written(tmp_path, "data", DATA), written(tmp_path, "shapes", PREFIXES +
                                                              "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                                                              "sh:property [ sh:path ex:p ; sh:minCount 1 ] .")
    for engine in ENGINES:
        _code, standard = report(data, engine, "--shapes", shapes, "--trust-shapes")
        _code, cut = report(data, engine, "--shapes", shapes, "--trust-shapes", "--cut-schema")
        assert {f[0] for f in findings(standard)} == {EX + "a", EX + "b"}
        assert {f[0] for f in findings(cut)} == {EX + "a"}


def test_a_custom_severity_is_kept(tmp_path):
    data = written(tmp_path, "data", DATA)
    shapes = written(tmp_path, "shapes", PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                     "sh:severity ex:Minor ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity ex:Minor ] .")
    for engine in ENGINES:
        result = validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine, "--format", "turtle")
        graph = Graph().parse(data=result.stdout, format="turtle")
        assert set(graph.objects(None, SH.resultSeverity)) == {URIRef(EX + "Minor")}
        assert (None, SH.conforms, Literal(False)) in graph


# -- 5. reports keep what they say --------------------------------------------------------------------------

def test_reports_keep_datatype_language_and_blank_node_identity(tmp_path):
    data = written(tmp_path, "data", f"""@prefix ex: <{EX}> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a a ex:C ; ex:p "015"^^xsd:integer, "hei"@nb, _:x . ex:b a ex:C ; ex:p _:x .
""")
    shapes = written(tmp_path, "shapes", PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                     "sh:property [ sh:path ex:p ; sh:nodeKind sh:IRI ] .")
    for engine in ("auto", "pyshacl"):
        result = validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine, "--format", "turtle",
                          "--show-values")
        # As written, not rdflib's 15 (Turtle's short form 015 keeps the lexical form too)
        assert re.search(r'sh:value (015|"015"\^\^xsd:integer)\b', result.stdout)
        graph = Graph().parse(data=result.stdout, format="turtle")
        values = set(graph.objects(None, SH.value))
        assert Literal("hei", lang="nb") in values
        blanks = [v for v in values if isinstance(v, BNode)]
        assert len(blanks) == 1  # both results name the same blank node
        assert len([r for r in graph.objects(None, SH.result) if graph.value(r, SH.value) == blanks[0]]) == 2
        listed = json.loads(validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine,
                                     "--format", "json", "--show-values").stdout)
        terms = {r["value_term"] for r in listed["results"]}
        assert '"015"^^<http://www.w3.org/2001/XMLSchema#integer>' in terms and '"hei"@nb' in terms
        junit = validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine, "--format", "junit",
                         "--show-values").stdout
        texts = " ".join(f.text for f in ET.fromstring(junit).iter("failure"))
        assert '(value: "015"^^<http://www.w3.org/2001/XMLSchema#integer>)' in texts
        assert '(value: "hei"@nb)' in texts


def test_a_complex_result_path_is_written_whole(tmp_path):
    data = written(tmp_path, "data", f"@prefix ex: <{EX}> .\nex:a a ex:C .\n")
    shapes = written(tmp_path, "shapes", PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; "
                     "sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .")
    for engine in ENGINES:
        graph = Graph().parse(data=validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine,
                                            "--format", "turtle").stdout, format="turtle")
        path = next(graph.objects(None, SH.resultPath))
        assert isinstance(path, BNode), (engine, graph.serialize(format="turtle"))
        assert graph.value(path, RDF.first) == URIRef(EX + "p")


def test_a_literal_focus_node_is_hidden_without_show_values(tmp_path):
    data = written(tmp_path, "data", f'@prefix ex: <{EX}> .\nex:a ex:p "03021001243" .\n')
    shapes = written(tmp_path, "shapes", PREFIXES + "ex:S a sh:NodeShape ; sh:targetObjectsOf ex:p ; "
                     "sh:nodeKind sh:IRI .")
    for engine in ENGINES:
        for fmt in ("text", "json", "turtle", "junit"):
            hidden = validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine, "--format", fmt)
            assert hidden.exit_code == 1 and "03021001243" not in hidden.stdout, (engine, fmt)
        shown = validate(data, "--shapes", shapes, "--trust-shapes", "--engine", engine, "--format", "turtle",
                         "--show-values")
        assert (None, SH.focusNode, Literal("03021001243")) in Graph().parse(data=shown.stdout, format="turtle")
