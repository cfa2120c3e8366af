"""Where derived data is cached between runs: $OVERGANG_CACHE_DIR, else the user's cache folder.

Only data derived from the catalogue is cached (the lookup index), never anything from a dataset; `validate`
writes nothing here. Entries are
JSON, read defensively: a damaged or foreign entry is ignored and rebuilt, and a cache that cannot be written
(a read-only home, for example) only costs time.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def cache_dir() -> Path:
    explicit = os.environ.get("OVERGANG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "overgang"


def read_json(name: str):
    """The cached value, or None when it is missing or unreadable."""
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, value) -> None:
    target = cache_dir() / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_suffix(f".{os.getpid()}.tmp")
        scratch.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        scratch.replace(target)
    except OSError:
        pass  # caching is an optimisation
