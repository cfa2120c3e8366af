"""Concepts, mappings and false friends of the registered jurisdictions' schemes."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS

from catalogue.model.jurisdictions import Registry
from catalogue.model.text import all_by_language, by_language, iris
from catalogue.namespaces import ALIGN, EUVOC, MDL, OVG, SKOSNO, SSSOM

MAPPING_RELATIONS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
RELATION_NAMES = {str(p): p.fragment for p in MAPPING_RELATIONS}
RETIRED = "http://publications.europa.eu/resource/authority/concept-status/RETIRED"


@dataclass(frozen=True)
class Definition:
    lang: str
    text: str
    sources: tuple[str, ...] = ()
    relationship: str | None = None


@dataclass(frozen=True)
class Concept:
    iri: str
    jurisdiction: str
    types: tuple[str, ...]
    pref_labels: dict[str, str]
    alt_labels: dict[str, list[str]]
    hidden_labels: dict[str, list[str]]
    deprecated_labels: dict[str, list[str]]
    definitions: dict[str, Definition]
    sources: tuple[str, ...]
    legal_sources: tuple[str, ...]
    status: str | None
    deprecated: bool
    replaced_by: tuple[str, ...]
    replaces: tuple[str, ...]
    broader: tuple[str, ...]
    narrower: tuple[str, ...]
    related: tuple[str, ...]
    scope_notes: dict[str, str]
    history_notes: dict[str, str]
    editorial_notes: dict[str, list[str]]
    examples: dict[str, str]
    focus: tuple[str, ...]
    isced_levels: tuple[str, ...]
    provides_stage: tuple[str, ...]
    external_matches: tuple[tuple[str, str], ...]  # (relation, target) outside the registered schemes

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    @property
    def all_sources(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.sources) | set(self.legal_sources)))

    def type_names(self) -> tuple[str, ...]:
        return tuple(t.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in self.types)


@dataclass(frozen=True)
class Mapping:
    source: str
    relation: str  # exactMatch, closeMatch, broadMatch, narrowMatch or relatedMatch
    target: str
    record: str | None = None
    justification: dict[str, str] = field(default_factory=dict)
    justification_type: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class FalseFriend:
    iri: str
    concepts: tuple[str, ...]
    labels: dict[str, str]
    explanation: dict[str, str]
    see_also: tuple[str, ...]


def _definitions(graph: Graph, subject: URIRef) -> tuple[dict[str, Definition], set[str]]:
    definitions: dict[str, Definition] = {}
    sources: set[str] = set()
    for note in graph.objects(subject, EUVOC.xlDefinition):
        note_sources = iris(graph, note, DCTERMS.source)
        sources.update(note_sources)
        relationship = graph.value(note, SKOSNO.relationshipWithSource)
        for value in graph.objects(note, RDF.value):
            if isinstance(value, Literal):
                definitions.setdefault(value.language or "", Definition(
                    value.language or "", str(value), note_sources, str(relationship) if relationship else None))
    for lang, text in by_language(graph, subject, SKOS.definition).items():
        definitions.setdefault(lang, Definition(lang, text))
    return definitions, sources


def concept_from(graph: Graph, subject: URIRef, jurisdiction: str, registry: Registry) -> Concept:
    definitions, definition_sources = _definitions(graph, subject)
    sources = set(definition_sources) | {str(o) for o in graph.objects(subject, DCTERMS.source)}
    status = graph.value(subject, EUVOC.status)
    deprecated = (subject, OWL.deprecated, Literal(True)) in graph or str(status) == RETIRED
    external = []
    for relation in MAPPING_RELATIONS:
        for target in graph.objects(subject, relation):
            if registry.of(str(target)) is None:
                external.append((relation.fragment, str(target)))
    return Concept(
        iri=str(subject),
        jurisdiction=jurisdiction,
        types=iris(graph, subject, RDF.type),
        pref_labels=by_language(graph, subject, SKOS.prefLabel),
        alt_labels=all_by_language(graph, subject, SKOS.altLabel),
        hidden_labels=all_by_language(graph, subject, SKOS.hiddenLabel),
        deprecated_labels=all_by_language(graph, subject, MDL.deprecatedLabel),
        definitions=dict(sorted(definitions.items())),
        sources=tuple(sorted(sources)),
        legal_sources=iris(graph, subject, MDL.legalSource),
        status=str(status) if status is not None else None,
        deprecated=deprecated,
        replaced_by=iris(graph, subject, DCTERMS.isReplacedBy),
        replaces=iris(graph, subject, DCTERMS.replaces),
        broader=iris(graph, subject, SKOS.broader),
        narrower=iris(graph, subject, SKOS.narrower),
        related=iris(graph, subject, SKOS.related),
        scope_notes=by_language(graph, subject, SKOS.scopeNote),
        history_notes=by_language(graph, subject, SKOS.historyNote),
        editorial_notes=all_by_language(graph, subject, SKOS.editorialNote),
        examples=by_language(graph, subject, SKOS.example),
        focus=iris(graph, subject, FOAF.focus),
        isced_levels=iris(graph, subject, OVG.iscedLevel),
        provides_stage=iris(graph, subject, OVG.providesStage),
        external_matches=tuple(sorted(external)),
    )


def concepts(graph: Graph, registry: Registry) -> dict[str, Concept]:
    """Every concept in a registered jurisdiction's scheme, by IRI."""
    found = {}
    for jurisdiction in registry:
        for subject in graph.subjects(SKOS.inScheme, URIRef(jurisdiction.scheme)):
            if isinstance(subject, URIRef):
                found[str(subject)] = concept_from(graph, subject, jurisdiction.code, registry)
    return dict(sorted(found.items()))


def mappings(graph: Graph, registry: Registry) -> list[Mapping]:
    """Every mapping triple between two registered jurisdictions, with its reified record if any."""
    records = {}
    for record in graph.subjects(OWL.annotatedSource, None):
        key = (str(graph.value(record, OWL.annotatedSource)), str(graph.value(record, OWL.annotatedProperty)),
               str(graph.value(record, OWL.annotatedTarget)))
        records[key] = record
    found = []
    for relation in MAPPING_RELATIONS:
        for source, target in graph.subject_objects(relation):
            s, t = str(source), str(target)
            if not (registry.of(s) and registry.of(t)):
                continue
            record = records.get((s, str(relation), t))
            found.append(Mapping(
                source=s, relation=relation.fragment, target=t,
                record=str(record) if record is not None else None,
                justification=by_language(graph, record, RDFS.comment) if record is not None else {},
                justification_type=_str(graph.value(record, SSSOM.mapping_justification)) if record is not None else None,
                author=_str(graph.value(record, DCTERMS.creator)) if record is not None else None,
                date=_str(graph.value(record, DCTERMS.date)) if record is not None else None,
            ))
    return sorted(found, key=lambda m: (m.source, m.target, m.relation))


def mapping_records(graph: Graph) -> list[tuple[str, str, str, str]]:
    """Every reified mapping record as (record, source, relation, target), whether or not its triple exists."""
    out = []
    for record in graph.subjects(OWL.annotatedSource, None):
        if str(record).startswith(str(ALIGN)):
            out.append((str(record), _str(graph.value(record, OWL.annotatedSource)),
                        _str(graph.value(record, OWL.annotatedProperty)), _str(graph.value(record, OWL.annotatedTarget))))
    return sorted(out)


def false_friends(graph: Graph) -> list[FalseFriend]:
    found = []
    for subject in graph.subjects(RDF.type, OVG.FalseFriend):
        found.append(FalseFriend(
            iri=str(subject),
            concepts=iris(graph, subject, OVG.falseFriendConcept),
            labels=by_language(graph, subject, RDFS.label),
            explanation=by_language(graph, subject, RDFS.comment),
            see_also=iris(graph, subject, RDFS.seeAlso),
        ))
    return sorted(found, key=lambda f: f.iri)


def _str(value) -> str | None:
    return str(value) if value is not None else None
