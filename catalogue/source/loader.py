"""Load a catalogue folder into one rdflib Dataset, one named graph per source file.

This is the only place the repository's RDF is parsed; every command builds its views from the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from catalogue.namespaces import GRAPH, bind_prefixes
from catalogue.source.locate import SOURCE_FOLDERS, CatalogueLocation
from catalogue.source.rdfio import parse_file


@dataclass
class Catalogue:
    """The parsed catalogue: the dataset plus where each named graph came from."""

    location: CatalogueLocation
    dataset: Dataset
    files: dict[URIRef, Path] = field(default_factory=dict)

    def graph_for(self, relative_path: str) -> Graph:
        return self.dataset.graph(graph_id(relative_path))

    def graphs_under(self, folder: str) -> list[Graph]:
        prefix = folder.rstrip("/") + "/"
        return [self.dataset.graph(gid) for gid, path in sorted(self.files.items())
                if self.relative(gid).startswith(prefix)]

    def relative(self, gid: URIRef) -> str:
        return self.files[gid].relative_to(self.location.root).as_posix()

    def union(self, *folders: str) -> Graph:
        """One plain Graph holding the triples of the given folders (all folders when none given)."""
        merged = Graph()
        bind_prefixes(merged)
        for gid in sorted(self.files):
            rel = self.relative(gid)
            if not folders or any(rel.startswith(f.rstrip("/") + "/") for f in folders):
                merged.addN((s, p, o, merged) for s, p, o in self.dataset.graph(gid))
        return merged


def graph_id(relative_path: str) -> URIRef:
    return GRAPH[relative_path]


def source_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_FOLDERS:
        base = root / folder
        if base.is_dir():
            files.extend(sorted(p for p in base.rglob("*.ttl") if p.is_file()))
    return files


def load(location: CatalogueLocation, errors: list | None = None) -> Catalogue:
    """Parse every source file once. With ``errors``, a file that does not parse is recorded there (as an
    InputError) and loading goes on, so that one pass reports them all; without it, the first one is raised."""
    from catalogue.errors import InputError

    dataset = Dataset()
    bind_prefixes(dataset)
    catalogue = Catalogue(location, dataset)
    for path in source_files(location.root):
        relative = path.relative_to(location.root).as_posix()
        gid = graph_id(relative)
        try:
            parse_file(path, display_name=relative if errors is not None else _shown(path), graph=dataset.graph(gid))
        except InputError as error:
            if errors is None:
                raise
            errors.append(error)
            continue
        catalogue.files[gid] = path
    return catalogue


def _shown(path: Path) -> str:
    """The path as a user would type it: relative to the current folder when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
