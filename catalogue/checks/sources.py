"""Every concept has a verifiable source, and every identifier is unique and equal to the concept's IRI."""

from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef
from rdflib.namespace import DCTERMS

from catalogue.checks.findings import Finding, en


def concept_has_source(views):
    return [Finding("sources:concepts", "violation",
                    en("the concept has no source: give dct:source (or mdl:legalSource) with a Lovdata, "
                       "retsinformation ELI or agency link"), iri)
            for iri, concept in views.concepts.items() if not concept.all_sources]


def identifiers(views):
    out = []
    owners = defaultdict(list)
    for iri in views.concepts:
        values = [str(v) for v in views.graph.objects(URIRef(iri), DCTERMS.identifier)]
        for value in values:
            owners[value].append(iri)
            if value != iri:
                out.append(Finding("identifiers", "violation",
                                   en(f"dct:identifier '{value}' differs from the concept IRI; they must be equal"),
                                   iri))
    for value, iris in sorted(owners.items()):
        if len(iris) > 1:
            out.append(Finding("identifiers", "violation",
                               en(f"identifier '{value}' is used by {len(iris)} concepts"), iris[0]))
    return out


CHECKS = {"sources:concepts": concept_has_source, "identifiers": identifiers}
