"""What may be shared at a transition: the one query behind the site's sharing guide and `overgang rules`.

A case worker asks: at this transition, may this information follow the pupil without consent? If not, who
must consent at the pupil's age, on which section of which law, by what deadline? The answer is read from
the catalogue's information and consent rules only. Where the catalogue holds no rule, the answer says so
(``rules`` is empty); where a rule does not say whether consent is needed, ``consent_needed`` is None; where
no consent rule covers the pupil's age, ``consenters`` is empty. None of these is ever filled in by guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import RDF

from catalogue.model.transitions import ConsentRule, InformationRule, Transition
from catalogue.namespaces import OVG


@dataclass(frozen=True)
class RuleAnswer:
    rule: InformationRule
    consenters: tuple[ConsentRule, ...]  # who must consent at the asked age (all consent rules when no age)

    @property
    def consent_needed(self) -> bool | None:
        return self.rule.requires_consent

    @property
    def sources(self) -> tuple[str, ...]:
        """Every link the answer rests on: the rule's sources and legal bases, then the consent rules'."""
        links = list(self.rule.legal_bases) + list(self.rule.sources)
        for deadline in self.rule.deadlines:
            links.extend(deadline.sources)
        if self.consent_needed:
            for consenter in self.consenters:
                links.extend(consenter.sources)
        return tuple(dict.fromkeys(links))


@dataclass(frozen=True)
class Answer:
    transition: Transition
    category: str
    age: int | None
    rules: tuple[RuleAnswer, ...]  # empty: the catalogue has no rule for this category at this transition

    @property
    def has_rule(self) -> bool:
        return bool(self.rules)


def consenters_at(transition: Transition, age: int | None) -> tuple[ConsentRule, ...]:
    if age is None:
        return transition.consent_rules
    return tuple(c for c in transition.consent_rules if c.applies_at(age))


def answer(transition: Transition, category: str, age: int | None = None) -> Answer:
    rules = tuple(RuleAnswer(rule, consenters_at(transition, age))
                  for rule in transition.information_rules if rule.category == category)
    return Answer(transition, category, age, rules)


def answers(transition: Transition, age: int | None = None) -> list[Answer]:
    """One answer per category that has a rule at the transition, in the rules' order."""
    categories = dict.fromkeys(rule.category for rule in transition.information_rules)
    return [answer(transition, category, age) for category in categories]


def age_brackets(transition: Transition) -> list[tuple[int | None, int | None]]:
    """The ages between which the consent answer is the same, as (from, below) with None for open ends:
    consent rules from 15 and below 15 give [(None, 15), (15, None)]; no age limits give [(None, None)]."""
    bounds = sorted({a for c in transition.consent_rules for a in (c.from_age, c.below_age) if a is not None})
    edges: list[int | None] = [None, *bounds, None]
    return [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]


def categories(views, code: str) -> list[str]:
    """The information categories a reader of jurisdiction ``code`` can ask about: every concept typed as one,
    and every category a rule names, so that a category without a rule can be asked about and answered."""
    typed = {str(s) for s in views.graph.subjects(RDF.type, OVG.InformationCategory)
             if isinstance(s, URIRef) and views.registry.of(str(s)) == code}
    used = {r.category for t in views.transitions.values() if t.jurisdiction == code for r in t.information_rules}
    return sorted(typed | used)
