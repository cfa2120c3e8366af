"""The terms the catalogue defines, and the closest of them to a term it does not.

A handover that names a term we do not define (a typo in a concept, ``ovg:HandOver``, a namespace with a
letter missing) is checked against nothing: closed-world shapes only see that a value is "not in the scheme",
and a mistyped class makes the record invisible to them. Knowing our own terms lets validate say so.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from catalogue.checks.report import short_iri
from catalogue.model.ontology import subclasses
from catalogue.model.text import by_language
from catalogue.namespaces import ONTOLOGY_IRI, OVG
from catalogue.validate.graph_cache import derived

# Every IRI the project mints starts here: the ontology, each jurisdiction's concepts, organisations, graphs.
OUR_BASE = ONTOLOGY_IRI.rsplit("/", 1)[0] + "/"
# A namespace this many edits (insert, delete, replace, swap) from one of ours is taken for a typo of it.
NEAR_EDITS = 2
MAX_SUGGESTIONS = 3


def namespace_of(iri: str) -> str:
    """The IRI up to and including its last '#' or '/' (the part a Turtle prefix usually stands for)."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, or limit + 1 as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _differing_length(a: str, b: str) -> int:
    """Length of the longer of the two from the last path separator they share: "se/" and "dk/" differ in
    most of what differs at all, and are two namespaces, not a typo; "ontolgy#" and "ontology#" are a typo."""
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    start = max(a.rfind("/", 0, shared), a.rfind("#", 0, shared)) + 1
    return max(len(a), len(b)) - start


@dataclass
class KnownTerms:
    terms: set[str]  # every IRI under OUR_BASE that the ontology or the catalogue describes or names
    namespaces: tuple[str, ...]  # the namespaces those terms live in
    by_namespace: dict[str, list[str]]
    concepts: set[str]
    handover_classes: set[str]  # ovg:Handover and its subclasses
    pupil_classes: set[str]
    knowledge: Graph

    def __post_init__(self) -> None:
        self._near: dict[str, tuple[str, int] | None] = {}

    def near_namespace(self, namespace: str) -> tuple[str, int] | None:
        """(our namespace, edits) when ``namespace`` is not ours but a few edits from one of ours."""
        if namespace in self._near:
            return self._near[namespace]
        best = None
        if namespace not in self.by_namespace:
            for ours in self.namespaces:
                edits = edit_distance(namespace, ours, NEAR_EDITS)
                if edits <= NEAR_EDITS and 2 * edits <= _differing_length(namespace, ours) and \
                        (best is None or edits < best[1]):
                    best = (ours, edits)
        self._near[namespace] = best
        return best

    def is_suspect(self, iri: str) -> bool:
        """True for an IRI that claims to be ours (or nearly) but that we do not define."""
        if iri in self.terms:
            return False
        if iri.startswith(OUR_BASE):
            return True
        return self.near_namespace(namespace_of(iri)) is not None

    def suggestions(self, iri: str) -> list[str]:
        """Known terms closest to ``iri``, best first: in its own namespace (or the one of ours it is a typo
        of), compared without regard to case, so that ovg:HandOver finds ovg:Handover."""
        namespace = namespace_of(iri)
        near = self.near_namespace(namespace)
        if near is not None:
            namespace = near[0]
            corrected = namespace + iri[len(namespace_of(iri)):]
            if corrected in self.terms:
                return [corrected]
        local = iri[len(namespace_of(iri)):]
        pool = self.by_namespace.get(namespace) or sorted(self.terms)
        by_folded: dict[str, list[str]] = {}
        for term in pool:
            by_folded.setdefault(term[len(namespace_of(term)):].lower(), []).append(term)
        close = difflib.get_close_matches(local.lower(), list(by_folded), n=MAX_SUGGESTIONS, cutoff=0.6)
        found = []
        for folded in close:
            # ovg:pupil and ovg:Pupil fold alike: the one written most like the unknown term comes first.
            found += sorted(by_folded[folded], key=lambda term: -difflib.SequenceMatcher(
                None, local, term[len(namespace_of(term)):]).ratio())
        return found[:MAX_SUGGESTIONS]

    def describe(self, iri: str, lang: str) -> str:
        """``no:sterke-sider (sterke sider)``: the short IRI with its label in ``lang``, when it has one."""
        labels = by_language(self.knowledge, URIRef(iri), SKOS.prefLabel) or \
            by_language(self.knowledge, URIRef(iri), RDFS.label)
        label = labels.get(lang) or labels.get("en") or next(iter(labels.values()), "")
        short = short_iri(iri)
        return f"{short} ({label})" if label and label not in short else short

    def deprecated(self, iri: str) -> bool:
        return (URIRef(iri), OWL.deprecated, Literal(True)) in self.knowledge

    def replacements(self, iri: str) -> list[str]:
        return sorted(str(o) for o in self.knowledge.objects(URIRef(iri), DCTERMS.isReplacedBy)
                      if isinstance(o, URIRef))


def _build(knowledge: Graph) -> KnownTerms:
    from catalogue.model.jurisdictions import registry

    registry(knowledge)  # makes each jurisdiction's prefix known, so that messages name terms as no:slug
    # Objects count too: the catalogue may name one of our IRIs it does not describe (the ontology's versionIRI).
    terms = {str(node) for triple in knowledge for node in (triple[0], triple[2])
             if isinstance(node, URIRef) and str(node).startswith(OUR_BASE)}
    by_namespace: dict[str, list[str]] = {}
    for term in sorted(terms):
        by_namespace.setdefault(namespace_of(term), []).append(term)
    concepts = {str(s) for s in knowledge.subjects(RDF.type, SKOS.Concept) if str(s) in terms}
    return KnownTerms(terms=terms, namespaces=tuple(sorted(by_namespace)), by_namespace=by_namespace,
                      concepts=concepts, handover_classes={str(c) for c in subclasses(knowledge, OVG.Handover)},
                      pupil_classes={str(c) for c in subclasses(knowledge, OVG.Pupil)}, knowledge=knowledge)


_cache: dict = {}


def known_terms(knowledge: Graph) -> KnownTerms:
    """Built once per catalogue graph."""
    return derived(_cache, knowledge, _build)
