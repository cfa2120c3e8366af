"""The registry of jurisdictions, read from the data (``vocab/<code>/jurisdiction.ttl``).

Every country-specific fact the code needs lives there: the code and names, the content languages, the
namespace, scheme and collection, the profile shapes, the form of legal sources, how new concepts are
named and filed. The code reads this registry and names no country, so a new jurisdiction is data only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, VANN

from catalogue.model.text import by_language
from catalogue.namespaces import OVG, remember_prefixes


@dataclass(frozen=True)
class Profile:
    iri: str
    name: str  # skos:notation, as `check --profile NAME` takes it
    label: str
    shapes_files: tuple[str, ...]


@dataclass(frozen=True)
class Jurisdiction:
    iri: str
    code: str
    names: dict[str, str]  # by language
    languages: tuple[str, ...]  # content languages, the primary one first
    prefix: str
    namespace: str
    scheme: str
    collection: str | None
    profile: Profile | None
    legal_source_pattern: str | None
    reified_definitions: bool
    transliteration: dict[str, str] = field(default_factory=dict)
    act_pattern: str | None = None  # links to a whole act, not to one of its sections
    concept_files: dict[str, str] = field(default_factory=dict)  # kind -> file name in vocab/<code>/

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.code

    def owns(self, iri: str) -> bool:
        return iri.startswith(self.namespace) and len(iri) > len(self.namespace)

    def is_whole_act(self, url: str) -> bool:
        return bool(self.act_pattern) and re.search(self.act_pattern, url) is not None

    def is_legal_source(self, url: str) -> bool:
        return bool(self.legal_source_pattern) and re.search(self.legal_source_pattern, url) is not None


@dataclass(frozen=True)
class Registry:
    jurisdictions: tuple[Jurisdiction, ...]
    external_schemes: frozenset[str]

    def __iter__(self):
        return iter(self.jurisdictions)

    def __len__(self) -> int:
        return len(self.jurisdictions)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(j.code for j in self.jurisdictions)

    def get(self, code: str) -> Jurisdiction | None:
        return next((j for j in self.jurisdictions if j.code == code), None)

    def of(self, iri: str) -> str | None:
        """The code of the jurisdiction whose namespace holds ``iri``, or None."""
        for j in self.jurisdictions:
            if j.owns(iri):
                return j.code
        return None

    def by_scheme(self, scheme: str) -> Jurisdiction | None:
        return next((j for j in self.jurisdictions if j.scheme == scheme), None)

    def prefixes(self) -> dict[str, str]:
        return {j.prefix: j.namespace for j in self.jurisdictions}

    def content_languages(self) -> tuple[str, ...]:
        seen: list[str] = []
        for j in self.jurisdictions:
            seen.extend(lang for lang in j.languages if lang not in seen)
        return tuple(seen)

    def profiles(self) -> dict[str, Profile]:
        return {j.profile.name: j.profile for j in self.jurisdictions if j.profile is not None}

    def pairs(self, mappings) -> list[tuple[str, str]]:
        """The ordered jurisdiction pairs that have at least one mapping, as (source, target)."""
        found = {(self.of(m.source), self.of(m.target)) for m in mappings}
        return sorted(pair for pair in found if None not in pair)


def _str(graph: Graph, subject, predicate) -> str | None:
    value = graph.value(subject, predicate)
    return str(value) if value is not None else None


def _profile(graph: Graph, node) -> Profile | None:
    if node is None:
        return None
    return Profile(iri=str(node), name=_str(graph, node, SKOS.notation) or str(node).rsplit("/", 1)[-1],
                   label=by_language(graph, node, SKOS.prefLabel).get("en", ""),
                   shapes_files=tuple(sorted(str(f) for f in graph.objects(node, OVG.shapesFile))))


def _languages(graph: Graph, subject) -> tuple[str, ...]:
    primary = _str(graph, subject, OVG.primaryLanguage)
    others = sorted(str(v) for v in graph.objects(subject, OVG.contentLanguage) if str(v) != primary)
    return ((primary,) if primary else ()) + tuple(others)


def _transliteration(text: str | None) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in (text or "").split() if "=" in item)
    return {letter: spelling for letter, spelling in pairs if len(letter) == 1}


def jurisdiction_from(graph: Graph, subject: URIRef) -> Jurisdiction | None:
    code, namespace, scheme = (_str(graph, subject, SKOS.notation), _str(graph, subject, VANN.preferredNamespaceUri),
                               _str(graph, subject, OVG.conceptScheme))
    if not (code and namespace and scheme):
        return None  # incomplete declarations are reported by checks.registry_rules, never guessed at
    reified = graph.value(subject, OVG.reifiedDefinition)
    return Jurisdiction(
        iri=str(subject), code=code, names=by_language(graph, subject, SKOS.prefLabel),
        languages=_languages(graph, subject), prefix=_str(graph, subject, VANN.preferredNamespacePrefix) or code,
        namespace=namespace, scheme=scheme, collection=_str(graph, subject, OVG.conceptCollection),
        profile=_profile(graph, graph.value(subject, OVG.profile)),
        legal_source_pattern=_str(graph, subject, OVG.legalSourcePattern),
        act_pattern=_str(graph, subject, OVG.actPattern),
        reified_definitions=isinstance(reified, Literal) and reified.toPython() is True,
        transliteration=_transliteration(_str(graph, subject, OVG.slugTransliteration)),
        concept_files={str(graph.value(n, SKOS.notation)): str(graph.value(n, OVG.fileName))
                       for n in graph.objects(subject, OVG.conceptFile)
                       if graph.value(n, SKOS.notation) is not None and graph.value(n, OVG.fileName) is not None},
    )


def registry(graph: Graph) -> Registry:
    found = [jurisdiction_from(graph, s) for s in graph.subjects(RDF.type, OVG.Jurisdiction)
             if isinstance(s, URIRef)]
    remember_prefixes({j.prefix: j.namespace for j in found if j is not None})
    return Registry(jurisdictions=tuple(sorted((j for j in found if j is not None), key=lambda j: j.code)),
                    external_schemes=frozenset(str(s) for s in graph.subjects(RDF.type, OVG.ExternalScheme)))
