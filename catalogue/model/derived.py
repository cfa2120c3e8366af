"""Statements that follow from others in the catalogue, so that nobody keeps them in step by hand.

- ``skos:definition`` beside each ``euvoc:xlDefinition``, with the same text and language: generic SKOS tools
  (Skosmos, VocPub, NL-SBB) read only the plain form, while SKOS-AP-NO's reified form carries the source and the
  relationship with it. The reified definition is the one edited; the plain one is copied from it.
- ``skos:topConceptOf`` and ``skos:hasTopConcept`` for every concept of a registered jurisdiction's scheme that
  has no ``skos:broader`` (or inverse ``skos:narrower``) to a concept of the same scheme.

``overgang format`` and ``overgang propose`` write them (``in_step``); ``overgang check`` reports a file where
they are out of step. Each statement lives in the file that holds what it follows from: a plain definition with
its reified definition, the top-concept pair with the concept's ``skos:inScheme``.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from catalogue.namespaces import EUVOC

DERIVED = (SKOS.definition, SKOS.topConceptOf, SKOS.hasTopConcept)


def in_step(graph: Graph, union: Graph, schemes: set[URIRef]) -> tuple[set, set]:
    """(statements to add, statements to remove) that bring one file's ``graph`` in step; ``union`` is the
    whole catalogue the file belongs to, ``schemes`` the registered jurisdictions' schemes."""
    add, remove = set(), set()
    _definitions(graph, union, add, remove)
    _top_concepts(graph, union, schemes, add, remove)
    return add, remove


def apply(graph: Graph, union: Graph, schemes: set[URIRef]) -> Graph:
    add, remove = in_step(graph, union, schemes)
    for triple in remove:
        graph.remove(triple)
    for triple in add:
        graph.add(triple)
    return graph


def _definitions(graph: Graph, union: Graph, add: set, remove: set) -> None:
    for concept in set(graph.subjects(SKOS.definition, None)) | set(graph.subjects(EUVOC.xlDefinition, None)):
        if (concept, EUVOC.xlDefinition, None) not in union:
            continue  # a concept defined in the plain form only (the Danish modelling rules): nothing to derive
        wanted = {(concept, SKOS.definition, value) for note in graph.objects(concept, EUVOC.xlDefinition)
                  for value in graph.objects(note, RDF.value) if isinstance(value, Literal)}
        present = set(graph.triples((concept, SKOS.definition, None)))
        add |= wanted - present
        remove |= present - wanted


def top_concepts(union: Graph, scheme: URIRef) -> set[URIRef]:
    members = {c for c in union.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}
    below = {c for c in members if any(p in members for p in union.objects(c, SKOS.broader))}
    below |= {c for p in members for c in union.objects(p, SKOS.narrower) if c in members}
    return members - below


def _top_concepts(graph: Graph, union: Graph, schemes: set[URIRef], add: set, remove: set) -> None:
    tops = {}
    for scheme in schemes:
        homed = {c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef)}
        if not homed:
            continue
        tops.setdefault(scheme, top_concepts(union, scheme))
        for concept in homed:
            pair = {(concept, SKOS.topConceptOf, scheme), (scheme, SKOS.hasTopConcept, concept)}
            if concept in tops[scheme]:
                add |= {t for t in pair if t not in graph}
            else:
                remove |= {t for t in pair if t in graph}
    # A pair in a file that does not hold the concept's skos:inScheme belongs elsewhere (or nowhere).
    for concept, scheme in graph.subject_objects(SKOS.topConceptOf):
        if scheme in schemes and (concept, SKOS.inScheme, scheme) not in graph:
            remove.add((concept, SKOS.topConceptOf, scheme))
    for scheme, concept in graph.subject_objects(SKOS.hasTopConcept):
        if scheme in schemes and (concept, SKOS.inScheme, scheme) not in graph:
            remove.add((scheme, SKOS.hasTopConcept, concept))
