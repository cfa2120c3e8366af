"""Concept-level differences between two versions of the catalogue, and the change policy.

Either side is a git revision (materialised into a temporary folder, read-only) or a catalogue folder.
The policy: a published concept is never deleted and its IRI never changes (deprecate it and point to its
replacement), and a status only moves forward.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.errors import InputError
from catalogue.source.locate import SOURCE_FOLDERS, CatalogueLocation

STATUS_ORDER = {"DRAFT": 0, "CANDIDATE": 1, "WAITING": 2, "CURRENT": 3, "RETIRED": 4}
UNPUBLISHED = {"DRAFT", "CANDIDATE", "WAITING"}


@dataclass
class ConceptChange:
    iri: str
    kind: str  # added, removed, deprecated, relabelled, redefined, sources, status
    before: object = None
    after: object = None


@dataclass
class Diff:
    base: str
    head: str
    version: str | None
    concepts: list[ConceptChange] = field(default_factory=list)
    mappings: list[dict] = field(default_factory=list)
    false_friends: list[dict] = field(default_factory=list)
    shapes: list[dict] = field(default_factory=list)
    ontology: list[dict] = field(default_factory=list)
    breaches: list[str] = field(default_factory=list)

    def by_kind(self, kind: str) -> list[ConceptChange]:
        return [c for c in self.concepts if c.kind == kind]

    @property
    def empty(self) -> bool:
        return not (self.concepts or self.mappings or self.false_friends or self.shapes or self.ontology)


# ---------------------------------------------------------------- getting the two sides

def _git(repo: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        raise InputError("git", "git is not installed; compare two catalogue folders instead") from None
    if result.returncode != 0:
        raise InputError(f"git {' '.join(args[:2])}", (result.stderr.strip().splitlines() or ["failed"])[-1])
    return result.stdout


def default_base(repo: Path) -> str:
    for branch in ("main", "origin/main", "master"):
        try:
            return _git(repo, "merge-base", branch, "HEAD").strip()
        except InputError:
            continue
    return "HEAD"


def materialise(spec: str | None, repo: Path, scratch: Path) -> tuple[CatalogueLocation, str]:
    """A catalogue folder for ``spec``: None is the working tree, an existing folder is used as it is,
    anything else is a git revision whose catalogue files are copied out of git."""
    if spec is None:
        return CatalogueLocation(repo, "checkout"), "working tree"
    folder = Path(spec)
    if folder.is_dir() and (folder / "ontology" / "overgang.ttl").is_file():
        return CatalogueLocation(folder, "option"), spec
    revision = _git(repo, "rev-parse", "--verify", f"{spec}^{{commit}}").strip()
    target = scratch / revision[:12]
    names = _git(repo, "ls-tree", "-r", "--name-only", revision, "--", *SOURCE_FOLDERS).splitlines()
    for name in names:
        if not name.endswith(".ttl"):
            continue
        data = subprocess.run(["git", "-C", str(repo), "show", f"{revision}:{name}"], capture_output=True,
                              timeout=120).stdout
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if not (target / "ontology" / "overgang.ttl").is_file():
        raise InputError(spec, "this revision has no catalogue (ontology/overgang.ttl)")
    return CatalogueLocation(target, "option"), spec


# ---------------------------------------------------------------- comparing

def _status(concept) -> str:
    return (concept.status or "").rsplit("/", 1)[-1]


def _texts(definitions) -> dict[str, str]:
    return {lang: d.text for lang, d in definitions.items()}


def compare(old, new, base_name: str, head_name: str) -> Diff:
    diff = Diff(base_name, head_name, _version(new))
    for iri in sorted(set(new.concepts) - set(old.concepts)):
        diff.concepts.append(ConceptChange(iri, "added", after=new.concepts[iri].pref_labels))
    for iri in sorted(set(old.concepts) - set(new.concepts)):
        before = old.concepts[iri]
        diff.concepts.append(ConceptChange(iri, "removed", before=before.pref_labels))
        if _status(before) not in UNPUBLISHED:
            diff.breaches.append(f"{iri} was published ({_status(before) or 'no status'}) and is removed; "
                                 "deprecate it instead (owl:deprecated, status RETIRED, dct:isReplacedBy)")
    for iri in sorted(set(old.concepts) & set(new.concepts)):
        a, b = old.concepts[iri], new.concepts[iri]
        if b.deprecated and not a.deprecated:
            diff.concepts.append(ConceptChange(iri, "deprecated", after=list(b.replaced_by)))
        if a.pref_labels != b.pref_labels or a.alt_labels != b.alt_labels:
            diff.concepts.append(ConceptChange(iri, "relabelled", a.pref_labels, b.pref_labels))
        if _texts(a.definitions) != _texts(b.definitions):
            diff.concepts.append(ConceptChange(iri, "redefined", _texts(a.definitions), _texts(b.definitions)))
        if a.all_sources != b.all_sources:
            diff.concepts.append(ConceptChange(iri, "sources", list(a.all_sources), list(b.all_sources)))
        if _status(a) != _status(b):
            diff.concepts.append(ConceptChange(iri, "status", _status(a), _status(b)))
            if STATUS_ORDER.get(_status(b), -1) < STATUS_ORDER.get(_status(a), -1):
                diff.breaches.append(f"{iri}: status moved back from {_status(a)} to {_status(b)}; "
                                     "a status only moves forward")
    _compare_mappings(old, new, diff)
    _compare_false_friends(old, new, diff)
    diff.shapes = _compare_subjects(old.catalogue.union("shapes"), new.catalogue.union("shapes"))
    diff.ontology = _compare_subjects(old.catalogue.union("ontology"), new.catalogue.union("ontology"))
    return diff


def _compare_mappings(old, new, diff: Diff) -> None:
    before = {(m.source, m.target): m for m in old.mappings}
    after = {(m.source, m.target): m for m in new.mappings}
    for key in sorted(set(after) - set(before)):
        diff.mappings.append({"change": "added", "source": key[0], "target": key[1], "relation": after[key].relation})
    for key in sorted(set(before) - set(after)):
        diff.mappings.append({"change": "removed", "source": key[0], "target": key[1],
                              "relation": before[key].relation})
    for key in sorted(set(before) & set(after)):
        a, b = before[key], after[key]
        if a.relation != b.relation or a.justification != b.justification:
            diff.mappings.append({"change": "changed", "source": key[0], "target": key[1],
                                  "relation": b.relation, "was": a.relation})


def _compare_false_friends(old, new, diff: Diff) -> None:
    before = {f.iri: f for f in old.false_friends}
    after = {f.iri: f for f in new.false_friends}
    for iri in sorted(set(after) - set(before)):
        diff.false_friends.append({"change": "added", "iri": iri, "concepts": list(after[iri].concepts)})
    for iri in sorted(set(before) - set(after)):
        diff.false_friends.append({"change": "removed", "iri": iri, "concepts": list(before[iri].concepts)})


def _descriptions(graph: Graph) -> dict[str, str]:
    out = {}
    for subject in set(graph.subjects()):
        if isinstance(subject, URIRef):
            out[str(subject)] = canonical_turtle(graph.cbd(subject))
    return out


def _compare_subjects(old: Graph, new: Graph) -> list[dict]:
    a, b = _descriptions(old), _descriptions(new)
    changes = [{"change": "added", "iri": iri} for iri in sorted(set(b) - set(a))]
    changes += [{"change": "removed", "iri": iri} for iri in sorted(set(a) - set(b))]
    changes += [{"change": "changed", "iri": iri} for iri in sorted(set(a) & set(b)) if a[iri] != b[iri]]
    return changes


def _version(views) -> str | None:
    from rdflib.namespace import OWL

    value = views.catalogue.union("ontology").value(URIRef("https://w3id.org/overgang/ontology"), OWL.versionInfo)
    return str(value) if value is not None else None


def diff_catalogues(repo: Path, base: str | None, head: str | None) -> Diff:
    from catalogue.model.catalogue import build_views

    with tempfile.TemporaryDirectory(prefix="overgang-diff-") as scratch:
        base_spec = base if base is not None else default_base(repo)
        old_location, base_name = materialise(base_spec, repo, Path(scratch))
        new_location, head_name = materialise(head, repo, Path(scratch))
        return compare(build_views(old_location), build_views(new_location), base_name, head_name)
