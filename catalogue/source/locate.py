"""Which catalogue folder a command works on.

Order, first match wins: ``--catalogue DIR``, the ``OVERGANG_CATALOGUE`` environment variable,
the checkout the current folder is inside (so contributors see their own edits), and last the copy
shipped inside the installed package.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from catalogue.errors import InputError

ENV_VAR = "OVERGANG_CATALOGUE"
SOURCE_FOLDERS = ("ontology", "vocab", "shapes")
# The shapes every handover dataset is validated against, relative to the catalogue folder.
HANDOVER_SHAPES = "shapes/handover.ttl"
_MARKER = Path("ontology") / "overgang.ttl"


@dataclass(frozen=True)
class CatalogueLocation:
    root: Path
    origin: str  # "option", "environment", "checkout" or "package"


def _is_catalogue(folder: Path) -> bool:
    return (folder / _MARKER).is_file()


def _is_checkout(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    if not (_is_catalogue(folder) and pyproject.is_file()):
        return False
    try:
        return 'name = "overgangskatalog"' in pyproject.read_text(encoding="utf-8")
    except OSError:
        return False


def packaged_catalogue() -> Path:
    """The copy the wheel carries; an editable install has none and reads the checkout it was installed from."""
    shipped = Path(str(resources.files("catalogue") / "data"))
    if not _is_catalogue(shipped):
        source_tree = shipped.parent.parent
        if _is_checkout(source_tree):
            return source_tree
    return shipped


def find_checkout(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if _is_checkout(folder):
            return folder
    return None


def locate(explicit: str | os.PathLike | None = None, cwd: Path | None = None) -> CatalogueLocation:
    if explicit is not None:
        return _require(Path(explicit), "option", f"--catalogue {explicit}")
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return _require(Path(from_env), "environment", f"{ENV_VAR}={from_env}")
    checkout = find_checkout((cwd or Path.cwd()).resolve())
    if checkout is not None:
        return CatalogueLocation(checkout, "checkout")
    packaged = packaged_catalogue()
    if _is_catalogue(packaged):
        return CatalogueLocation(packaged, "package")
    raise InputError("catalogue", "no catalogue found: run inside a checkout, set "
                     f"{ENV_VAR}, or give --catalogue DIR")


def _require(folder: Path, origin: str, shown: str) -> CatalogueLocation:
    if not _is_catalogue(folder):
        raise InputError(shown, f"not a catalogue folder (it has no {_MARKER.as_posix()})")
    return CatalogueLocation(folder, origin)
