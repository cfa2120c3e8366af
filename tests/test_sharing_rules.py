"""The sharing rules at each transition rest on specific provisions, and validation follows them.

Every information rule says whether consent is needed and carries its own source; a rule that lets
information follow without consent names its legal basis; consent rules say who consents from which age.
The examples prove that the handover shapes apply the rules read from the catalogue: data the law lets the
receiver obtain without consent conform, data that need permission do not.
"""

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

from catalogue.namespaces import DPV, OVG
from catalogue.validate.context import context_for
from catalogue.validate.manifest import read_manifest, run_entry

REPO = Path(__file__).resolve().parent.parent
ENTRIES = {e.data.name: e for e in read_manifest(REPO / "examples" / "manifest.ttl")}


@pytest.fixture(scope="module")
def graph(catalogue):
    return catalogue.union("ontology", "vocab")


def _acts(graph):
    """The IRIs of whole acts: what the catalogue's concepts for acts point at with foaf:focus."""
    return {str(o) for o in graph.objects(None, FOAF.focus)}


def _is_provision(iri: str, acts: set[str]) -> bool:
    return any(iri.startswith(act + "/") for act in acts)


def _rules(graph):
    for transition in set(graph.subjects(OVG.informationRule, None)):
        for rule in graph.objects(transition, OVG.informationRule):
            yield transition, rule


def test_every_rule_states_consent_and_has_a_source(graph):
    rules = list(_rules(graph))
    assert rules
    for transition, rule in rules:
        assert graph.value(rule, OVG.requiresConsent) is not None, (transition, rule)
        assert graph.value(rule, OVG.informationCategory) is not None, (transition, rule)
        assert list(graph.objects(rule, DCTERMS.source)), (transition, rule)


def test_rules_without_consent_name_their_legal_basis(graph):
    for transition, rule in _rules(graph):
        if graph.value(rule, OVG.requiresConsent).toPython() is False:
            assert list(graph.objects(rule, DPV.hasLegalBasis)), (transition, rule)


def test_rules_that_cite_an_act_cite_the_provision(graph):
    """Where a rule's sources point into an act the catalogue knows, at least one points at a provision."""
    acts = _acts(graph)
    for transition, rule in _rules(graph):
        sources = {str(o) for o in graph.objects(rule, DCTERMS.source)} | {
            str(o) for o in graph.objects(rule, DPV.hasLegalBasis)}
        legal = {s for s in sources if s in acts or _is_provision(s, acts)}
        if legal and not any(_is_provision(s, acts) for s in legal):
            assert list(graph.objects(rule, SKOS.editorialNote)), (transition, rule, legal)


def test_a_transition_with_rules_without_consent_separates_them_from_rules_needing_consent(graph):
    """At least one transition lets some information follow without consent and needs consent for other."""
    mixed = set()
    for transition in set(graph.subjects(OVG.informationRule, None)):
        values = {graph.value(r, OVG.requiresConsent).toPython() for r in graph.objects(transition, OVG.informationRule)}
        if values == {True, False}:
            mixed.add(transition)
    assert mixed


def test_consent_rules_name_a_role_and_a_source(graph):
    for transition in set(graph.subjects(OVG.consentRule, None)):
        for rule in graph.objects(transition, OVG.consentRule):
            assert graph.value(rule, OVG.consentingRole) is not None, (transition, rule)
            assert list(graph.objects(rule, DCTERMS.source)), (transition, rule)


def test_duties_to_pass_on_come_with_a_deadline(graph):
    for transition, rule in _rules(graph):
        must = graph.value(rule, OVG.mustTransfer)
        if must is not None and must.toPython() is True:
            assert graph.value(rule, OVG.deadline) is not None, (transition, rule)


@pytest.fixture(scope="module")
def context(catalogue):
    return context_for(catalogue.location)


def test_data_obtained_without_consent_conform(context, graph):
    entry = ENTRIES["no-grunnskole-vgo-admission-without-consent.ttl"]
    run = run_entry(entry, context.knowledge)
    assert run.count("violation") == 0
    data = entry.data.read_text(encoding="utf-8")
    assert "ovg:consent " not in data
    # every item's category is one the catalogue lets follow without consent at this transition
    from rdflib import Graph
    handover = Graph().parse(entry.data)
    for category in handover.objects(None, OVG.informationCategory):
        rules = [r for _, r in _rules(graph) if graph.value(r, OVG.informationCategory) == category]
        assert rules and all(graph.value(r, OVG.requiresConsent).toPython() is False for r in rules), category


def test_adaptation_data_without_consent_do_not_conform(context, graph):
    entry = ENTRIES["adaptation-without-consent.ttl"]
    run = run_entry(entry, context.knowledge)
    assert run.count("violation") == 1
    assert not entry.conforms


def test_the_catalogue_decides_not_the_shapes(context):
    """Flip the adaptation rule in a copy of the catalogue and the same handover conforms: the shapes hold no
    list of categories of their own."""
    from rdflib import Graph, Literal

    knowledge = Graph()
    for triple in context.knowledge:
        knowledge.add(triple)
    category = URIRef("https://w3id.org/overgang/no/behov-for-tilrettelegging")
    for rule in list(knowledge.subjects(OVG.informationCategory, category)):
        if (rule, RDF.type, OVG.InformationRule) in knowledge:
            knowledge.set((rule, OVG.requiresConsent, Literal(False)))
    run = run_entry(ENTRIES["adaptation-without-consent.ttl"], knowledge)
    assert run.count("violation") == 0
