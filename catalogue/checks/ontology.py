"""Checks on the ontology: labelled and defined in four languages, every ovg: term used is defined,
and the OWL RL closure is consistent."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import URIRef

from catalogue.checks.consistency import owl_rl_problems
from catalogue.checks.findings import Finding, en
from catalogue.model.ontology import ontology_terms
from catalogue.namespaces import LANGUAGES, ONTOLOGY_IRI, OVG
from catalogue.source.rdfio import parse_file

ONTOLOGY_FILE = "ontology/overgang.ttl"


def _ontology_graph(views):
    return views.catalogue.union("ontology")


def labels_and_definitions(views) -> list[Finding]:
    out = []
    for term in ontology_terms(_ontology_graph(views)):
        missing = [f"label@{lang}" for lang in LANGUAGES if not term.labels.get(lang, "").strip()]
        missing += [f"definition@{lang}" for lang in LANGUAGES if not term.definitions.get(lang, "").strip()]
        if term.defined_by != (ONTOLOGY_IRI,):
            missing.append("rdfs:isDefinedBy")
        if missing:
            out.append(Finding("ontology:labels", "violation", en("add " + ", ".join(missing)), focus=term.iri))
    return out


def _used_ovg_terms(graph):
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(str(OVG)):
                yield term


def _line_of(path: Path, local: str) -> int | None:
    pattern = re.compile(rf"ovg:{re.escape(local)}\b|{re.escape(str(OVG) + local)}>")
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def terms_defined(views) -> list[Finding]:
    """Every ovg: term used in vocab/, shapes/ or examples/ is declared in the ontology."""
    declared = {URIRef(t.iri) for t in ontology_terms(_ontology_graph(views))}
    out = []
    graphs = [(views.catalogue.relative(gid), path, views.catalogue.dataset.graph(gid))
              for gid, path in sorted(views.catalogue.files.items(), key=lambda i: str(i[1]))
              if not views.catalogue.relative(gid).startswith("ontology/")]
    examples = views.catalogue.location.root / "examples"
    if examples.is_dir():
        for path in sorted(examples.rglob("*.ttl")):
            if path.name != "manifest.ttl":
                graphs.append((path.relative_to(views.catalogue.location.root).as_posix(), path, parse_file(path)))
    for relative, path, graph in graphs:
        for term in sorted(set(_used_ovg_terms(graph)) - declared):
            local = str(term)[len(str(OVG)):]
            out.append(Finding("ontology:defined", "violation",
                               en(f"ovg:{local} is used but not defined in {ONTOLOGY_FILE}; define it there or fix "
                                  "the name"), focus=str(term), file=relative, line=_line_of(path, local)))
    return out


def consistency(views) -> list[Finding]:
    return [Finding("ontology:consistency", "violation", en(problem), file=ONTOLOGY_FILE, line=1)
            for problem in owl_rl_problems(_ontology_graph(views))]


CHECKS = {
    "ontology:labels": labels_and_definitions,
    "ontology:defined": terms_defined,
    "ontology:consistency": consistency,
}
