"""`overgang rules TRANSITION --category C --age N`: the sharing answer for export logic, read from the data.

Each answer is checked against the rule as the catalogue's Turtle states it (read here with rdflib, not
through the code under test), and a combination without a rule must say so and exit 1.
"""

import json

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from catalogue.namespaces import DPV, OVG
from catalogue.text.dates import month_day_words
from cli import main


@pytest.fixture(scope="module")
def graph(catalogue):
    return catalogue.union("ontology", "vocab")


def rules(repo, *args):
    return CliRunner().invoke(main, ["--catalogue", str(repo), "rules", *args])


def _int(value):
    return int(value) if isinstance(value, Literal) else None


def rules_in_data(graph):
    """(transition, category, requires consent, must transfer, legal bases, sources, deadlines, consent rules),
    straight from the triples."""
    found = []
    for transition in sorted(set(graph.subjects(OVG.informationRule, None))):
        consent_rules = [(str(graph.value(c, OVG.consentingRole)), _int(graph.value(c, OVG.fromAge)),
                          _int(graph.value(c, OVG.belowAge)))
                         for c in graph.objects(transition, OVG.consentRule)]
        for rule in graph.objects(transition, OVG.informationRule):
            consent = graph.value(rule, OVG.requiresConsent)
            duty = graph.value(rule, OVG.mustTransfer)
            found.append({
                "transition": str(transition), "category": str(graph.value(rule, OVG.informationCategory)),
                "consent": consent.toPython() if consent is not None else None,
                "duty": bool(duty.toPython()) if duty is not None else False,
                "legal_bases": {str(b) for b in graph.objects(rule, DPV.hasLegalBasis)},
                "sources": {str(s) for s in graph.objects(rule, DCTERMS.source)},
                "deadlines": sorted((str(graph.value(d, OVG.dueMonthDay)), _int(graph.value(d, OVG.yearOffset)) or 0)
                                    for d in graph.objects(rule, OVG.deadline)),
                "consent_rules": consent_rules})
    return found


def ages_to_ask(consent_rules):
    """No age, and an age on each side of every age limit in the data."""
    bounds = {a for _, low, below in consent_rules for a in (low, below) if a is not None}
    return [None] + sorted({b for bound in bounds for b in (bound - 1, bound)})


def applies(low, below, age):
    return (low is None or age >= low) and (below is None or age < below)


def test_every_rule_in_the_data_is_answered_as_it_stands(repo, graph):
    data = rules_in_data(graph)
    assert data
    for transition in sorted({r["transition"] for r in data}):
        mine = [r for r in data if r["transition"] == transition]
        for age in ages_to_ask(mine[0]["consent_rules"]):
            args = [transition, "--format", "json", "--lang", "en", *(["--age", str(age)] if age is not None else [])]
            result = rules(repo, *args)
            assert result.exit_code == 0, (transition, age, result.output)
            answers = {a["category"]: a for a in json.loads(result.output)["answers"]}
            assert set(answers) == {r["category"] for r in mine}
            for rule in mine:
                answer = answers[rule["category"]]
                assert answer["has_rule"]
                same = [r for r in answer["rules"] if r["consent_needed"] == rule["consent"]
                        and {b["url"] for b in r["legal_bases"]} == rule["legal_bases"]]
                assert same, (rule, answer)
                got = same[0]
                assert got["must_transfer"] == rule["duty"]
                assert rule["sources"] <= {s["url"] for s in got["sources"]}
                assert sorted((d["month_day"], d["year_offset"]) for d in got["deadlines"]) == rule["deadlines"]
                if rule["consent"]:
                    expected = sorted(role for role, low, below in rule["consent_rules"]
                                      if age is None or applies(low, below, age))
                    assert sorted(c["role"] for c in got["who_must_consent"]) == expected, (rule, age)
                else:
                    assert got["who_must_consent"] == []


def test_a_combination_without_a_rule_says_so_and_exits_1(repo, graph):
    data = rules_in_data(graph)
    transition = data[0]["transition"]
    with_rule = {r["category"] for r in data if r["transition"] == transition}
    other = next(r["category"] for r in data if r["category"] not in with_rule)
    result = rules(repo, transition, "--category", other, "--lang", "en")
    assert result.exit_code == 1
    assert "has no rule" in result.output
    assert "Needs consent" not in result.output and "without consent" not in result.output
    data_out = json.loads(rules(repo, transition, "--category", other, "--format", "json").output)
    assert data_out["answers"][0]["has_rule"] is False and data_out["answers"][0]["rules"] == []


def test_text_answer_names_the_section_and_writes_the_date_in_words(repo):
    result = rules(repo, "no:overgang-grunnskole-videregaende", "--category", "sakkyndig vurdering", "--age", "14",
                   "--lang", "nb")
    assert result.exit_code == 0, result.output
    assert "Krever samtykke." in result.output
    assert "opplæringslova § 25-1" in result.output and "<https://lovdata.no/lov/2023-06-09-30/§25-1>" in result.output
    assert "1. oktober" in result.output and "10-01" not in result.output
    assert "foresatte" in result.output  # under 15: the parents, by the data's consent rule


def test_transition_by_label_words_and_without_category(repo):
    result = rules(repo, "grunnskole videregående", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.count("=" * 72) >= 5


@pytest.mark.parametrize("args, message", [
    (["overgang-xyz"], "no transition called"),
    (["overgang barnehage skolr"], "did you mean no:overgang-barnehage-skole"),
    (["overgang"], "could mean several"),
    (["no:overgang-barnehage-skole", "--category", "zzzzqqqq"], "no information category called"),
])
def test_unknown_names_are_usage_errors_without_traceback(repo, args, message):
    result = rules(repo, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_a_negative_age_is_refused(repo):
    result = rules(repo, "no:overgang-barnehage-skole", "--age", "-1")
    assert result.exit_code == 2


@pytest.mark.parametrize("lang, march, october", [("en", "1 March", "1 October"), ("nb", "1. mars", "1. oktober"),
                                                  ("da", "1. marts", "1. oktober")])
def test_dates_in_words(lang, march, october):
    assert month_day_words("--03-01", lang) == march
    assert month_day_words("--10-01", lang) == october
    assert month_day_words("not a date", lang) == "not a date"


def test_no_rule_is_never_a_guess(repo, tmp_path):
    """A rule that does not state whether consent is needed is reported as unknown, not as yes or no."""
    import shutil

    from rdflib import BNode, Graph
    from rdflib.namespace import RDF

    copy = tmp_path / "copy"
    for folder in ("ontology", "vocab", "shapes"):
        shutil.copytree(repo / folder, copy / folder)
    extra = Graph()
    rule = BNode()
    transition = URIRef("https://w3id.org/overgang/no/overgang-barnehage-skole")
    extra.add((transition, OVG.informationRule, rule))
    extra.add((rule, RDF.type, OVG.InformationRule))
    extra.add((rule, OVG.informationCategory, URIRef("https://w3id.org/overgang/no/fravaer")))
    extra.add((rule, DCTERMS.source, URIRef("https://lovdata.no/lov/2005-06-17-64/§2a")))
    (copy / "vocab" / "no" / "extra.ttl").write_text(extra.serialize(format="turtle"), encoding="utf-8")
    result = rules(copy, str(transition), "--category", "fravær", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "does not say whether consent is needed" in result.output


def test_provisions_named_in_words_and_notes_in_the_readers_language(repo, graph):
    """Where a rule names its section in words (ovg:legalProvision, for acts whose link cannot address a
    section), the answer names it; the notes come in the language asked for when the data has them."""
    from rdflib.namespace import SKOS

    checked = 0
    for transition in sorted(set(graph.subjects(OVG.informationRule, None))):
        named = {}
        for rule in graph.objects(transition, OVG.informationRule):
            provisions = sorted(str(p) for p in graph.objects(rule, OVG.legalProvision))
            danish_notes = sorted(str(n) for n in graph.objects(rule, SKOS.editorialNote) if n.language == "da")
            if provisions:
                named[str(graph.value(rule, OVG.informationCategory))] = (provisions, danish_notes)
        if not named:
            continue
        result = rules(repo, str(transition), "--format", "json", "--lang", "da")
        assert result.exit_code == 0, result.output
        for answer in json.loads(result.output)["answers"]:
            if answer["category"] in named:
                provisions, notes = named[answer["category"]]
                assert any(r["provisions"] == provisions for r in answer["rules"]), (answer, provisions)
                if notes:
                    assert any(r["not_verified"] == notes for r in answer["rules"]), answer
                checked += 1
        text = rules(repo, str(transition), "--lang", "da").output
        assert all(p in text for provisions, _ in named.values() for p in provisions)
    assert checked, "no rule in the data names a provision in words"
