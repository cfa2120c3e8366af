"""Where a resource is described: the file and line of its subject block, for findings."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from catalogue.namespaces import all_prefixes


@lru_cache(maxsize=None)
def _lines(path: Path) -> tuple[str, ...]:
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def _spellings(iri: str, extra: dict[str, str] | None = None) -> list[str]:
    names = [f"<{iri}>"]
    for prefix, namespace in {**all_prefixes(), **(extra or {})}.items():
        ns = str(namespace)
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_.-]+", iri[len(ns):] or "!"):
            names.append(f"{prefix}:{iri[len(ns):]}")
    return names


def subject_line(path: Path, iri: str, prefixes: dict[str, str] | None = None) -> int | None:
    """The line that starts ``iri``'s subject block; ``prefixes`` adds the file's own prefix declarations."""
    names = _spellings(iri, prefixes)
    for number, line in enumerate(_lines(path), start=1):
        stripped = line.rstrip()
        for name in names:
            if stripped == name or stripped.startswith(name + " ") or stripped.startswith(name + "\t"):
                return number
    return None


def locate_subject(catalogue, iri: str, folders: tuple[str, ...] = ("vocab", "ontology", "shapes"), registry=None):
    """(relative file, line) of the first file whose text starts a subject block for ``iri``.

    A concept's own jurisdiction folder (vocab/<code>/) is searched first: that is where it is defined,
    while the alignment file and the transition data only add statements about it.
    """
    code = registry.of(iri) if registry is not None else None
    home = f"vocab/{code}/" if code else None

    def order(item):
        rel = catalogue.relative(item[0])
        return (0 if home and rel.startswith(home) else 1, "overgang" in rel or "ansvar" in rel, rel)

    for gid, path in sorted(catalogue.files.items(), key=order):
        rel = catalogue.relative(gid)
        if folders and not rel.startswith(folders):
            continue
        line = subject_line(path, iri)
        if line is not None:
            return rel, line
    return None, None
