"""What anchoring.check_query answers for the catalogue's own SPARQL constraints, shipped with the catalogue.

Checking a constraint means parsing it into rdflib's SPARQL algebra, which was most of the time a small
`overgang validate` took (0.4 s of 1.4 s). The answers for the shapes in this repository are kept in
shapes/compiled-queries.json, keyed to the query text and its prefixes, so validate reads them instead of
writing a cache anywhere. Shapes given with --shapes, or a constraint changed without refreshing the file, are
simply checked the slow way; a test fails when the file is out of date, and

    python -m catalogue.validate.compiled.query_checks [CATALOGUE_ROOT]

refreshes it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from catalogue.validate.compiled.refusal import NotCompilable, declared_prefixes

FILE = "shapes/compiled-queries.json"
FORMAT = 2  # raise when anchoring.check_query changes its answers: old entries then stop matching

_shipped: dict = {}


def key(select: str, prefixes: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps([FORMAT, select, sorted(prefixes.items())]).encode("utf-8")).hexdigest()


def use_shipped(root: Path) -> None:
    """Read the answers shipped with the catalogue at ``root``; a missing or damaged file is ignored."""
    try:
        entries = json.loads((root / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(entries, dict):
        _shipped.update({k: v for k, v in entries.items() if isinstance(v, dict)})


def checked(select: str, prefixes: dict[str, str]) -> tuple[set[str], set[str], tuple[set[str], ...]]:
    """check_query's answer: the projected variables, the predicates read, and those whose literals are read as
    values, by identity and as text; raises NotCompilable."""
    from catalogue.validate.compiled.anchoring import check_query

    entry = _shipped.get(key(select, prefixes))
    if entry is not None and ("refused" in entry or "texts" in entry):
        if "refused" in entry:
            raise NotCompilable(str(entry["refused"]))
        reads = (set(entry["compares"]), set(entry["matches"]), set(entry["texts"]))
        return set(entry["projected"]), set(entry["predicates"]), reads
    return check_query(select, prefixes)


def answers(shapes) -> dict:
    """The entries for every SPARQL constraint in ``shapes``, computed afresh."""
    from rdflib.namespace import SH

    from catalogue.validate.compiled.anchoring import check_query

    out = {}
    for constraint, select in shapes.subject_objects(SH.select):
        prefixes = declared_prefixes(shapes, constraint)
        try:
            projected, predicates, (compares, matches, texts) = check_query(str(select), prefixes)
            entry = {"projected": sorted(projected), "predicates": sorted(predicates), "compares": sorted(compares),
                     "matches": sorted(matches), "texts": sorted(texts)}
        except NotCompilable as refusal:
            entry = {"refused": str(refusal)}
        out[key(str(select), prefixes)] = entry
    return dict(sorted(out.items()))


def main(argv: list[str]) -> int:
    from catalogue.model.handover_shapes import handover_shapes
    from catalogue.source.loader import load
    from catalogue.source.locate import CatalogueLocation

    root = Path(argv[0] if argv else ".").resolve()
    catalogue = load(CatalogueLocation(root, "option"))
    text = json.dumps(answers(handover_shapes(catalogue)), indent=1, sort_keys=True) + "\n"
    (root / FILE).write_text(text, encoding="utf-8")
    print(f"wrote {FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
