"""Derived statements in step: the plain ``skos:definition`` beside each reified definition, and the top-concept
statements of each registered scheme (``model/derived.py`` says what follows from what; ``overgang format``
writes it). Hand edits to derived statements are reported here, since the next format would undo them."""

from __future__ import annotations

from rdflib import BNode, URIRef
from rdflib.namespace import SKOS

from catalogue.checks.findings import Finding, en
from catalogue.model import derived


def _differences(views):
    """(file, statement, whether it is missing rather than extra) for each derived statement out of step."""
    schemes = {URIRef(j.scheme) for j in views.registry}
    for gid in sorted(views.catalogue.files):
        graph = views.catalogue.dataset.graph(gid)
        add, remove = derived.in_step(graph, views.graph, schemes)
        for triple in sorted(add):
            yield views.catalogue.relative(gid), triple, True
        for triple in sorted(remove):
            yield views.catalogue.relative(gid), triple, False


def definitions_in_step(views) -> list[Finding]:
    out = {}
    for file, (concept, p, value), missing in _differences(views):
        if p != SKOS.definition or isinstance(concept, BNode):
            continue
        lang = getattr(value, "language", None) or "no language"
        what = "has no skos:definition matching" if missing else "has a skos:definition that differs from"
        out.setdefault((str(concept), lang), Finding(
            "derived:definition", "violation",
            en(f"{what} its euvoc:xlDefinition text ({lang}); the plain definition is copied from the reified one: "
               "run `overgang format`"), focus=str(concept), detail={"file": file, "language": lang}))
    return list(out.values())


def top_concepts_in_step(views) -> list[Finding]:
    out = {}
    for file, (s, p, o), missing in _differences(views):
        if p not in (SKOS.topConceptOf, SKOS.hasTopConcept):
            continue
        concept = s if p == SKOS.topConceptOf else o
        what = ("has no broader concept in its scheme but is not marked a top concept" if missing
                else "is marked a top concept but has a broader concept in its scheme (or the statement is in "
                     "another file than its skos:inScheme)")
        out.setdefault(str(concept), Finding(
            "derived:top-concepts", "violation", en(f"{what}; top concepts are derived: run `overgang format`"),
            focus=str(concept), detail={"file": file}))
    return list(out.values())


CHECKS = {"derived:definition": definitions_in_step, "derived:top-concepts": top_concepts_in_step}
