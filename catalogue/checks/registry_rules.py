"""Nothing in vocab/ goes unchecked: every scheme, collection and concept belongs to a registered jurisdiction
(whose profile then checks it) or to a scheme marked as external; every registry entry is complete."""

from __future__ import annotations

from rdflib import RDF, URIRef
from rdflib.namespace import SKOS, VANN

from catalogue.checks.findings import Finding, en
from catalogue.checks.profiles import belongs_to
from catalogue.model.identity_numbers import read_forms
from catalogue.namespaces import OVG

SKOS_RESOURCES = (SKOS.Concept, SKOS.ConceptScheme, SKOS.Collection)
REQUIRED = ((RDF.type, "rdf:type ovg:Jurisdiction"), (SKOS.notation, "skos:notation (its code)"),
            (VANN.preferredNamespaceUri, "vann:preferredNamespaceUri"),
            (VANN.preferredNamespacePrefix, "vann:preferredNamespacePrefix"),
            (OVG.conceptScheme, "ovg:conceptScheme"), (OVG.primaryLanguage, "ovg:primaryLanguage"),
            (OVG.profile, "ovg:profile"))


def _f(check: str, message: str, focus: str | None = None, file: str | None = None) -> Finding:
    return Finding(check=f"registry:{check}", severity="violation", message=en(message), focus=focus, file=file)


def _external(graph, node, registry) -> bool:
    iri = str(node)
    return iri in registry.external_schemes or any(str(s) in registry.external_schemes
                                                    for s in graph.objects(node, SKOS.inScheme))


def unplaced_resources(views):
    """Every skos:Concept, ConceptScheme and Collection in vocab/ is in a registered jurisdiction or external."""
    out = []
    vocab = views.catalogue.union("vocab")
    seen = set()
    for cls in SKOS_RESOURCES:
        for node in vocab.subjects(RDF.type, cls):
            if node in seen:
                continue
            seen.add(node)
            if not isinstance(node, URIRef):
                out.append(_f("unplaced", f"a blank-node {cls.fragment} cannot be placed in a scheme; give it an IRI"))
                continue
            if _external(views.graph, node, views.registry):
                continue
            if not any(belongs_to(views.graph, node, j) for j in views.registry):
                out.append(_f("unplaced", f"{cls.fragment.lower().replace('concept', 'concept ')} in no registered "
                              f"scheme: {node} is neither in a jurisdiction's namespace or scheme (vocab/<code>/"
                              "jurisdiction.ttl) nor in a scheme marked ovg:ExternalScheme, so no profile checks it",
                              str(node)))
    return out


def complete_entries(views):
    """Each jurisdiction declaration has what the code reads, and each vocab/<code>/ folder declares one."""
    out = []
    graph = views.graph
    for subject in sorted(set(graph.subjects(RDF.type, OVG.Jurisdiction)), key=str):
        missing = [name for predicate, name in REQUIRED if graph.value(subject, predicate) is None]
        if missing:
            out.append(_f("entry", f"the jurisdiction lacks {', '.join(missing)}", str(subject)))
    for j in views.registry:
        if j.profile is not None and not j.profile.shapes_files:
            out.append(_f("entry", f"profile {j.profile.name} names no ovg:shapesFile", j.iri))
        for rel in j.profile.shapes_files if j.profile else ():
            if not (views.catalogue.location.root / rel).is_file():
                out.append(_f("entry", f"profile {j.profile.name} names {rel}, which does not exist", j.iri))
        if (URIRef(j.scheme), RDF.type, SKOS.ConceptScheme) not in graph:
            out.append(_f("entry", f"the scheme {j.scheme} is not declared as a skos:ConceptScheme", j.iri))
    # a malformed identity-number form yields no privacy rule, so it must not pass quietly
    _forms, problems = read_forms(graph)
    out.extend(_f("entry", problem, focus) for focus, problem in problems)
    codes = set(views.registry.codes)
    vocab = views.catalogue.location.root / "vocab"
    for folder in sorted(p for p in vocab.iterdir() if p.is_dir()) if vocab.is_dir() else ():
        holds_concepts = any(views.catalogue.relative(gid).startswith(f"vocab/{folder.name}/")
                             for gid in views.catalogue.files)
        if holds_concepts and folder.name not in codes and _is_jurisdiction_folder(views, folder.name):
            out.append(_f("entry", f"vocab/{folder.name}/ holds concepts but declares no jurisdiction with "
                          f"skos:notation \"{folder.name}\"; add vocab/{folder.name}/jurisdiction.ttl",
                          file=f"vocab/{folder.name}/"))
    return out


def _is_jurisdiction_folder(views, name: str) -> bool:
    """A folder of concepts of its own (not the alignment or reference folders, which hold no skos:Concept of ours)."""
    for gid in views.catalogue.files:
        rel = views.catalogue.relative(gid)
        if rel.startswith(f"vocab/{name}/"):
            graph = views.catalogue.graph_for(rel)
            if any(not _external(views.graph, s, views.registry) for s in graph.subjects(RDF.type, SKOS.Concept)):
                return True
    return False


CHECKS = {"registry:unplaced": unplaced_resources, "registry:entry": complete_entries}
