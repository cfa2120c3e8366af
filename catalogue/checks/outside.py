"""`check --vocabulary FILE --profile NAME`: a vocabulary from outside, checked against a registered profile.

A standards body checks its own file before proposing it. The file is read as untrusted input and never
joins the catalogue: the catalogue only lends what the profile's closed-world rules need (its code lists
and reference stubs), and only results about the file's own resources are reported, with their line.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, URIRef

from catalogue.checks.findings import Finding
from catalogue.checks.locations import subject_line
from catalogue.checks.profiles import profile_shapes
from catalogue.errors import InputError
from catalogue.validate.shacl import run_shacl


def _owner(data: Graph, node):
    seen = set()
    while isinstance(node, BNode) and node not in seen:
        seen.add(node)
        node = next(data.subjects(None, node), None)
    return node


def check_vocabulary(views, path: Path, profile_name: str | None, shown: str) -> tuple[str, list[Finding]]:
    """(the profile used, findings about the file's own resources)."""
    from catalogue.source.rdfio import parse_file

    profiles = views.registry.profiles()
    outside = parse_file(path, display_name=shown)
    if profile_name is None:
        # The profile of the jurisdiction whose scheme the file's concepts are in, when there is exactly one.
        homes = {j.profile.name for j in views.registry if j.profile is not None
                 and any(str(o) == j.scheme for o in outside.objects())}
        if len(homes) != 1:
            raise InputError("--profile", "say which profile to check against: "
                             f"{', '.join(sorted(profiles)) or '(none registered)'}")
        profile_name = homes.pop()
    if profile_name not in profiles:
        raise InputError("--profile", f"unknown profile {profile_name!r}; registered: {', '.join(sorted(profiles))}")
    own = {s for s in outside.subjects() if isinstance(s, URIRef)}
    declared = {str(prefix): str(namespace) for prefix, namespace in outside.namespaces() if prefix}
    data = Graph()
    data += outside
    for graph in views.catalogue.graphs_under("vocab/reference"):
        data += graph
    shapes = profile_shapes(views.catalogue, profiles[profile_name].shapes_files, views.registry)
    findings = []
    for result in run_shacl(data, shapes):
        focus = BNode(result.focus) if result.focus_is_blank else URIRef(result.focus)
        owner = _owner(data, focus)
        if owner not in own:
            continue
        messages = dict(result.messages) or {"en": "does not conform"}
        messages.setdefault("en", next(iter(messages.values())))
        findings.append(Finding(check=f"profile:{profile_name}", severity=result.severity, message=messages,
                                focus=str(owner), file=shown, line=subject_line(path, str(owner), declared),
                                detail={"path": result.path or "", "shape": result.source_shape or ""}))
    return profile_name, sorted(findings, key=Finding.sort_key)
