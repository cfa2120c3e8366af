"""The application profiles, as our own SHACL shapes, one per jurisdiction as its registry entry names it.

Each result is kept for the jurisdiction whose resources it is about; a resource that belongs to no
jurisdiction is not dropped silently but reported by ``registry_rules`` ("in no registered scheme").
"""

from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SKOS

from catalogue.checks.findings import Finding
from catalogue.namespaces import bind_prefixes
from catalogue.validate.shacl import run_shacl


def profile_shapes(catalogue, files: tuple[str, ...], registry=None) -> Graph:
    shapes = Graph()
    bind_prefixes(shapes, registry)
    for rel in files:
        for triple in catalogue.graph_for(rel):
            shapes.add(triple)
    return shapes


def _owner(graph: Graph, focus: str, blank: bool):
    """The named resource a result is about: a blank node (a definition note, a period) counts for its parent."""
    node = BNode(focus) if blank else URIRef(focus)
    seen = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        parent = next(graph.subjects(None, node), None)
        if parent is None:
            return None
        node = parent
    return node


def belongs_to(graph: Graph, node, jurisdiction) -> bool:
    iri = str(node)
    return (jurisdiction.owns(iri) or iri in (jurisdiction.scheme, jurisdiction.collection)
            or (node, SKOS.inScheme, URIRef(jurisdiction.scheme)) in graph)


def results_for(graph: Graph, shapes: Graph, jurisdiction, check_name: str) -> list[Finding]:
    findings = []
    for result in run_shacl(graph, shapes):
        owner = _owner(graph, result.focus, result.focus_is_blank)
        if owner is None or not belongs_to(graph, owner, jurisdiction):
            continue  # another jurisdiction's profile checks it, or registry_rules reports it as unplaced
        messages = dict(result.messages) or {"en": "does not conform"}
        messages.setdefault("en", next(iter(messages.values())))
        findings.append(Finding(check=check_name, severity=result.severity, message=messages, focus=str(owner),
                                detail={"path": result.path or "", "shape": result.source_shape or ""}))
    return findings


def all_profiles(views) -> list[Finding]:
    """profile:NAME: each jurisdiction's concepts against the shapes of the profile its registry entry names."""
    findings = []
    for jurisdiction in views.registry:
        if jurisdiction.profile is None:
            continue  # registry_rules reports a jurisdiction without a profile
        shapes = profile_shapes(views.catalogue, jurisdiction.profile.shapes_files, views.registry)
        findings += results_for(views.graph, shapes, jurisdiction, f"profile:{jurisdiction.profile.name}")
    return findings


CHECKS = {"profile": all_profiles}
