"""Finding concepts by any label in any language, with their counterparts across the border.

The index is plain data derived from the catalogue views. It is cached on disk keyed to the source
files' contents, so that a lookup on an unchanged catalogue answers without parsing any RDF.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from catalogue import __version__
from catalogue.search.cache_dir import read_json, write_json
from catalogue.search.matching import FUZZY, Match, fold, key, match, suggestion_distance, word_starts
from catalogue.source.locate import CatalogueLocation
from catalogue.text.i18n import INVERSE

INDEX_FORMAT = 5
DEFAULT_LIMIT = 10


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
                labels.extend({"text": t, "lang": lang, "kind": kind, "folded": fold(t), "key": key(t),
                               "starts": word_starts(t)} for t in texts if key(t))
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

MATCH_NAMES = ("exact", "prefix", "word", "typo", "typo")


def _ranked(index: dict, term: str) -> list[tuple[tuple, dict, Match]]:
    query = key(term)
    ranked = []
    for record in index["concepts"]:
        best = None
        for label in record["labels"]:
            found = match(query, label["key"], label["starts"])
            if found is None:
                continue
            order = (found.rank, found.edits, label["kind"] != "pref", len(label["key"]))
            if best is None or order < best[0]:
                best = (order, found)
        if best is not None:
            ranked.append(((*best[0], record["deprecated"], record["jurisdiction"], record["iri"]), record, best[1]))
    ranked.sort(key=lambda r: r[0])
    return ranked


def search(index: dict, term: str) -> list[dict]:
    """Every concept with a label that matches ``term`` by the shared rule (catalogue.search.matching), best
    first: exact, then prefixes, then word prefixes, then typos."""
    return [record for _, record, _ in _ranked(index, term)]


@dataclass
class Answer:
    term: str
    results: list[dict]  # the best ``limit`` records, each with "match": exact, prefix, word or typo
    total: int
    suggestions: list[dict] = field(default_factory=list)  # did you mean: {"text", "iri", "jurisdiction"}

    @property
    def exact(self) -> bool:
        """Whether any result matched without typos."""
        return any(r["match"] != "typo" for r in self.results)


def find(index: dict, term: str, limit: int = DEFAULT_LIMIT) -> Answer:
    ranked = _ranked(index, term)
    results = [{**record, "match": MATCH_NAMES[found.rank]} for _, record, found in ranked[:limit]]
    answer = Answer(term, results, len(ranked))
    if not ranked or ranked[0][2].rank >= FUZZY:
        answer.suggestions = suggestions(index, term)
    return answer


def suggestions(index: dict, term: str, count: int = 3) -> list[dict]:
    """The labels nearest to ``term`` as a whole, for "did you mean"; one per concept."""
    query = key(term)
    if not query:
        return []
    near = []
    for record in index["concepts"]:
        best = None
        for label in record["labels"]:
            distance = suggestion_distance(query, label["key"])
            if distance is not None and (best is None or (distance, label["kind"] != "pref") < best[0]):
                best = ((distance, label["kind"] != "pref"), label["text"])
        if best is not None:
            near.append(((*best[0], record["deprecated"], record["jurisdiction"], record["iri"]), best[1], record))
    near.sort(key=lambda n: n[0])
    return [{"text": text, "iri": record["iri"], "jurisdiction": record["jurisdiction"]}
            for _, text, record in near[:count]]


def as_json(answer: Answer, lang: str) -> str:
    out = []
    for r in answer.results:
        item = {k: v for k, v in r.items() if k != "labels"}
        item["alt_labels"] = sorted({(l["text"], l["lang"]) for l in r["labels"] if l["kind"] != "pref"})
        item["alt_labels"] = [{"text": t, "lang": lg} for t, lg in item["alt_labels"]]
        item["definition"] = r["definitions"].get(lang)
        out.append(item)
    return json.dumps({"lang": lang, "term": answer.term, "total": answer.total, "shown": len(out), "results": out,
                       "did_you_mean": answer.suggestions}, ensure_ascii=False, indent=2)


def as_text(answer: Answer, lang: str) -> str:
    """The terminal report: concepts that matched exactly in full, the others one line each."""
    from catalogue.search.messages import say
    from catalogue.text.templating import render_text

    full = [r for r in answer.results if r["match"] == "exact"] or answer.results[:1]
    brief = [r for r in answer.results if not any(r is f for f in full)]
    return render_text("lookup.txt.j2", results=answer.results, full=full, brief=brief, total=answer.total,
                       exact=answer.exact, suggestions=answer.suggestions, term=answer.term, lang=lang, say=say)


__all__ = ["fold", "build_index", "load_index", "search", "find", "as_json", "as_text"]
