"""Checks on the shapes: well-formed SHACL (meta-SHACL), and the examples give their expected results."""

from __future__ import annotations

from catalogue.checks.findings import Finding, en
from catalogue.validate.meta_shacl import shapes_problems

MANIFEST = "examples/manifest.ttl"


def meta_shacl(views) -> list[Finding]:
    out = []
    for graph in views.catalogue.graphs_under("shapes"):
        relative = views.catalogue.relative(graph.identifier)
        out.extend(Finding("shapes:meta", "violation", en(f"not valid SHACL: {problem}"), file=relative, line=1)
                   for problem in shapes_problems(graph))
    return out


def manifest(views) -> list[Finding]:
    """Runs examples/manifest.ttl (when the catalogue has examples, as a checkout does)."""
    from catalogue.validate.manifest import actual_results, read_manifest, run_entry

    path = views.catalogue.location.root / MANIFEST
    if not path.is_file():
        return []
    out = []
    knowledge = views.catalogue.union("ontology", "vocab")
    for entry in read_manifest(path):
        run = run_entry(entry, knowledge)
        got, want = actual_results(run), entry.expected
        if got != want or (run.count("violation") == 0) != entry.conforms:
            missing, extra = sum((want - got).values()), sum((got - want).values())
            out.append(Finding("shapes:manifest", "violation",
                               en(f"{entry.iri.rsplit('#', 1)[-1]}: {missing} expected result(s) missing, "
                                  f"{extra} unexpected"), file=MANIFEST, line=None))
    return out


def patterns(views) -> list[Finding]:
    """Our own sh:pattern values may not repeat a repeated group: a crafted value would make them take minutes."""
    from rdflib import Literal
    from rdflib.namespace import SH

    from catalogue.validate.shapes_policy import pattern_problems

    out = []
    for graph in views.catalogue.graphs_under("shapes"):
        relative = views.catalogue.relative(graph.identifier)
        for shape, pattern in graph.subject_objects(SH.pattern):
            if isinstance(pattern, Literal):
                out.extend(Finding("shapes:patterns", "violation", en(problem), focus=str(shape), file=relative)
                           for problem in pattern_problems(str(pattern)))
    return out


def handover_json(views) -> list[Finding]:
    """The JSON form's context and schema are generated from the shapes and the catalogue; stale ones mislead
    every vendor that uses them."""
    from catalogue.handover_json.artefacts import stale_files

    root = views.catalogue.location.root
    try:
        stale = stale_files(views.catalogue)
    except ValueError as exc:
        return [Finding("shapes:handover-json", "violation", en(f"the JSON form cannot be generated: {exc}"),
                        file="shapes/handover.ttl", line=1)]
    return [Finding("shapes:handover-json", "violation",
                    en("generated file is out of date with the shapes and the catalogue; run `overgang format`"),
                    file=path.relative_to(root).as_posix(), line=1)
            for path, _text in stale]


CHECKS = {"shapes:meta": meta_shacl, "shapes:patterns": patterns, "shapes:manifest": manifest,
          "shapes:handover-json": handover_json}
