"""Finding concepts by any label in any language, with their counterparts across the border.

The index is plain data derived from the catalogue views. It is cached on disk keyed to the source
files' contents, so that a lookup on an unchanged catalogue answers without parsing any RDF.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import asdict

from catalogue import __version__
from catalogue.search.cache_dir import read_json, write_json
from catalogue.source.locate import CatalogueLocation
from catalogue.text.i18n import INVERSE

INDEX_FORMAT = 4
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l"})


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Oppfølgingstenesta' and 'oppfolgingstenesta' fold alike."""
    lowered = text.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _words(folded: str) -> list[str]:
    cleaned = "".join(ch if ch.isalnum() else " " for ch in folded)
    return cleaned.split()


# ---------------------------------------------------------------- building the index

def build_index(views) -> dict:
    concepts = views.concepts
    registry = views.registry

    def _native(labels: dict[str, str], iri: str) -> str:
        home = registry.get(registry.of(iri) or "")
        return native_label(labels, home.languages if home else ())

    label_of = {iri: c.pref_labels for iri, c in concepts.items()}
    counterparts: dict[str, list[dict]] = {}
    for m in views.mappings:
        counterparts.setdefault(m.source, []).append(
            {"iri": m.target, "relation": m.relation, "labels": label_of.get(m.target, {}),
             "native_label": _native(label_of.get(m.target, {}), m.target), "justification": m.justification})
        counterparts.setdefault(m.target, []).append(
            {"iri": m.source, "relation": INVERSE[m.relation], "labels": label_of.get(m.source, {}),
             "native_label": _native(label_of.get(m.source, {}), m.source), "justification": m.justification})
    warnings: dict[str, list[dict]] = {}
    for ff in views.false_friends:
        for iri in ff.concepts:
            others = [o for o in ff.concepts if o != iri]
            warnings.setdefault(iri, []).append(
                {"iri": ff.iri, "labels": ff.labels, "explanation": ff.explanation,
                 "looks_like": [{"iri": o, "labels": label_of.get(o, {})} for o in others],
                 "see_also": [{"iri": s, "labels": label_of.get(s, {})} for s in ff.see_also]})

    records = []
    for iri, c in concepts.items():
        labels = []
        for kind, table in (("pref", {k: [v] for k, v in c.pref_labels.items()}), ("alt", c.alt_labels),
                            ("hidden", c.hidden_labels), ("deprecated", c.deprecated_labels)):
            for lang, texts in table.items():
                labels.extend({"text": t, "lang": lang, "kind": kind, "folded": fold(t)} for t in texts)
        records.append({
            "iri": iri,
            "jurisdiction": c.jurisdiction,
            "types": list(c.type_names()),
            "pref_labels": c.pref_labels,
            "native_label": _native(c.pref_labels, iri),
            "jurisdiction_names": registry.get(c.jurisdiction).names,
            "labels": labels,
            "definitions": {lang: d.text for lang, d in c.definitions.items()},
            "sources": list(c.all_sources),
            "deprecated": c.deprecated,
            "replaced_by": [{"iri": r, "labels": label_of.get(r, {})} for r in c.replaced_by],
            "editorial_notes": c.editorial_notes,
            "counterparts": sorted(counterparts.get(iri, []), key=lambda x: x["iri"]),
            "false_friends": warnings.get(iri, []),
        })
    return {"format": INDEX_FORMAT, "concepts": records}


def native_label(labels: dict[str, str], languages: tuple[str, ...]) -> str:
    """What the concept is called at home: its preferred labels in the jurisdiction's own languages (English
    only where the jurisdiction writes in nothing else)."""
    own = [lang for lang in languages if lang != "en"] or list(languages)
    forms = [labels[lang] for lang in own if lang in labels]
    return " / ".join(dict.fromkeys(forms)) or next(iter(labels.values()), "")


# ---------------------------------------------------------------- cache

def catalogue_fingerprint(location: CatalogueLocation) -> str:
    from catalogue.source.loader import source_files  # light: no RDF parsing

    digest = hashlib.sha256(f"{__version__}:{INDEX_FORMAT}".encode())
    for path in source_files(location.root):
        digest.update(path.relative_to(location.root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load_index(location: CatalogueLocation, use_cache: bool = True) -> dict:
    key = catalogue_fingerprint(location)
    name = f"lookup-{key[:32]}.json"
    if use_cache:
        cached = read_json(name)
        if isinstance(cached, dict):
            return cached
    from catalogue.model.catalogue import build_views  # only on a cache miss: parsing RDF is the slow part

    index = build_index(build_views(location))
    if use_cache:
        write_json(name, index)
    return index


# ---------------------------------------------------------------- searching

def search(index: dict, term: str) -> list[dict]:
    """Concepts whose label equals, starts with, or has a word starting with ``term`` (folded)."""
    query = fold(term)
    if not query:
        return []
    ranked = []
    for record in index["concepts"]:
        best = None
        for label in record["labels"]:
            folded = label["folded"]
            if folded == query:
                rank = 0
            elif folded.startswith(query):
                rank = 1
            elif any(w.startswith(query) for w in _words(folded)) or fold(label["text"].replace("-", "")) == query:
                rank = 2
            else:
                continue
            if label["kind"] != "pref":
                rank += 0.5
            best = rank if best is None else min(best, rank)
        if best is not None:
            ranked.append((best, record["deprecated"], record["jurisdiction"], record["iri"], record))
    ranked.sort(key=lambda r: r[:4])
    return [r[-1] for r in ranked]


def as_json(results: list[dict], lang: str) -> str:
    out = []
    for r in results:
        item = {k: v for k, v in r.items() if k != "labels"}
        item["alt_labels"] = sorted({(l["text"], l["lang"]) for l in r["labels"] if l["kind"] != "pref"})
        item["alt_labels"] = [{"text": t, "lang": lg} for t, lg in item["alt_labels"]]
        item["definition"] = r["definitions"].get(lang)
        out.append(item)
    return json.dumps({"lang": lang, "results": out}, ensure_ascii=False, indent=2)


__all__ = ["fold", "build_index", "load_index", "search", "as_json", "asdict"]
