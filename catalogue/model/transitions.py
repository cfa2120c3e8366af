"""Transitions (with their responsibility shifts, information rules, consent rules and deadlines) and
responsibilities, read from the catalogue's data in the ontology's terms."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, SKOS

from catalogue.model.jurisdictions import Registry
from catalogue.model.text import all_by_language, by_language, iris
from catalogue.namespaces import CV, DPV, OVG


@dataclass(frozen=True)
class Deadline:
    month_day: str | None  # "--10-01"
    year_offset: int
    comment: dict[str, str]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class InformationRule:
    category: str
    requires_consent: bool | None
    legal_bases: tuple[str, ...]
    deadlines: tuple[Deadline, ...]
    comment: dict[str, str]
    sources: tuple[str, ...]
    editorial_notes: dict[str, list[str]]
    must_transfer: bool = False  # a duty to pass the information on, not only a permission
    # The sections a rule rests on, named in words where the act's link cannot address a section (ELI).
    provisions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsentRule:
    role: str
    from_age: int | None
    below_age: int | None
    comment: dict[str, str]
    sources: tuple[str, ...]
    editorial_notes: dict[str, list[str]]
    provisions: tuple[str, ...] = ()

    def applies_at(self, age: int) -> bool:
        return (self.from_age is None or age >= self.from_age) and (self.below_age is None or age < self.below_age)


@dataclass(frozen=True)
class ResponsibilityShift:
    before: tuple[str, ...]
    after: tuple[str, ...]
    legal_bases: tuple[str, ...]
    comment: dict[str, str]


@dataclass(frozen=True)
class Transition:
    iri: str
    jurisdiction: str
    from_stages: tuple[str, ...]
    to_stages: tuple[str, ...]
    shifts: tuple[ResponsibilityShift, ...]
    information_rules: tuple[InformationRule, ...]
    consent_rules: tuple[ConsentRule, ...]


@dataclass(frozen=True)
class Responsibility:
    iri: str
    jurisdiction: str
    party: tuple[str, ...]
    responsible_for: tuple[str, ...]
    stages: tuple[str, ...]
    legal_bases: tuple[str, ...]
    start: str | None
    end: str | None
    labels: dict[str, str]
    comment: dict[str, str]
    sources: tuple[str, ...]


def _int(value) -> int | None:
    try:
        return int(value) if isinstance(value, Literal) else None
    except (TypeError, ValueError):
        return None


def _sources(graph, node):
    return iris(graph, node, DCTERMS.source)


def _deadline(graph: Graph, node) -> Deadline:
    month_day = graph.value(node, OVG.dueMonthDay)
    return Deadline(str(month_day) if month_day is not None else None, _int(graph.value(node, OVG.yearOffset)) or 0,
                    by_language(graph, node, RDFS.comment), _sources(graph, node))


def _provisions(graph: Graph, node) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(node, OVG.legalProvision) if isinstance(o, Literal)))


def _rule(graph: Graph, node) -> InformationRule:
    consent = graph.value(node, OVG.requiresConsent)
    duty = graph.value(node, OVG.mustTransfer)
    return InformationRule(
        category=str(graph.value(node, OVG.informationCategory)),
        requires_consent=bool(consent.toPython()) if isinstance(consent, Literal) else None,
        legal_bases=iris(graph, node, DPV.hasLegalBasis),
        deadlines=tuple(sorted((_deadline(graph, d) for d in graph.objects(node, OVG.deadline)),
                               key=lambda d: (d.year_offset, d.month_day or ""))),
        comment=by_language(graph, node, RDFS.comment),
        sources=_sources(graph, node),
        editorial_notes=all_by_language(graph, node, SKOS.editorialNote),
        must_transfer=isinstance(duty, Literal) and duty.toPython() is True,
        provisions=_provisions(graph, node),
    )


def _consent(graph: Graph, node) -> ConsentRule:
    return ConsentRule(
        role=str(graph.value(node, OVG.consentingRole)),
        from_age=_int(graph.value(node, OVG.fromAge)),
        below_age=_int(graph.value(node, OVG.belowAge)),
        comment=by_language(graph, node, RDFS.comment),
        sources=_sources(graph, node),
        editorial_notes=all_by_language(graph, node, SKOS.editorialNote),
        provisions=_provisions(graph, node),
    )


def _shift(graph: Graph, node) -> ResponsibilityShift:
    return ResponsibilityShift(iris(graph, node, OVG.responsibleBefore), iris(graph, node, OVG.responsibleAfter),
                               iris(graph, node, CV.hasLegalResource), by_language(graph, node, RDFS.comment))


def transitions(graph: Graph, registry: Registry) -> dict[str, Transition]:
    found = {}
    for subject in set(graph.subjects(RDF.type, OVG.Transition)):
        if not isinstance(subject, URIRef) or registry.of(str(subject)) is None:
            continue
        found[str(subject)] = Transition(
            iri=str(subject),
            jurisdiction=registry.of(str(subject)),
            from_stages=iris(graph, subject, OVG.fromStage),
            to_stages=iris(graph, subject, OVG.toStage),
            shifts=tuple(sorted((_shift(graph, n) for n in graph.objects(subject, OVG.responsibilityShift)),
                                key=lambda s: (s.before, s.after))),
            information_rules=tuple(sorted((_rule(graph, n) for n in graph.objects(subject, OVG.informationRule)),
                                           key=lambda r: r.category)),
            consent_rules=tuple(sorted((_consent(graph, n) for n in graph.objects(subject, OVG.consentRule)),
                                       key=lambda c: (c.from_age or 0, c.role))),
        )
    return dict(sorted(found.items()))


def responsibilities(graph: Graph, registry: Registry) -> dict[str, Responsibility]:
    found = {}
    for subject in set(graph.subjects(RDF.type, OVG.Responsibility)):
        if not isinstance(subject, URIRef):
            continue
        start = end = None
        for period in graph.objects(subject, DCTERMS.temporal):
            start = start or _opt(graph.value(period, DCAT.startDate))
            end = end or _opt(graph.value(period, DCAT.endDate))
        found[str(subject)] = Responsibility(
            iri=str(subject),
            jurisdiction=registry.of(str(subject)) or "",
            party=iris(graph, subject, OVG.responsibleParty),
            responsible_for=iris(graph, subject, OVG.responsibleFor),
            stages=iris(graph, subject, OVG.atStage),
            legal_bases=iris(graph, subject, CV.hasLegalResource),
            start=start, end=end,
            labels=by_language(graph, subject, RDFS.label),
            comment=by_language(graph, subject, RDFS.comment),
            sources=_sources(graph, subject),
        )
    return dict(sorted(found.items()))


def _opt(value):
    return str(value) if value is not None else None
