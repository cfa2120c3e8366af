"""The alignments between jurisdictions as an SSSOM TSV mapping set, generated from the catalogue (never kept
by hand). The prefixes and the pairs come from the jurisdiction registry."""

from __future__ import annotations

import csv
import io

from catalogue.model.text import pick
from catalogue.namespaces import SEMAPV

COLUMNS = ("subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id", "object_label",
           "mapping_justification", "author_id", "mapping_date", "comment")
STATIC_CURIES = {"skos": "http://www.w3.org/2004/02/skos/core#", "semapv": str(SEMAPV),
                 "ovgorg": "https://w3id.org/overgang/org/"}


def curie_map(registry) -> dict[str, str]:
    return {**registry.prefixes(), **STATIC_CURIES}


def _curie(iri: str | None, curies: dict[str, str]) -> str:
    if not iri:
        return ""
    for prefix, ns in curies.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def sssom_tsv(views, version: str) -> str:
    concepts = views.concepts
    registry = views.registry
    curies = curie_map(registry)
    pairs = registry.pairs(views.mappings)
    out = io.StringIO()
    out.write("# curie_map:\n")
    for prefix, ns in curies.items():
        out.write(f"#   {prefix}: {ns}\n")
    set_name = f"{pairs[0][0]}-{pairs[0][1]}" if len(pairs) == 1 else "alignments"
    out.write(f"# mapping_set_id: https://w3id.org/overgang/alignment/{set_name}.sssom.tsv\n")
    out.write(f"# mapping_set_version: {version}\n")
    names = ", ".join(f"{registry.get(a).name('en')}-{registry.get(b).name('en')}" for a, b in pairs)
    out.write(f"# mapping_set_title: Overgangskatalog alignments ({names})\n")
    out.write("# license: https://creativecommons.org/licenses/by/4.0/\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)

    def label(iri):
        if iri not in concepts:
            return ""
        home = registry.get(concepts[iri].jurisdiction)
        return pick(concepts[iri].pref_labels, home.languages[0] if home.languages else "en")

    def c(iri):
        return _curie(iri, curies)

    rows = []
    for m in views.mappings:
        rows.append((c(m.source), label(m.source), f"skos:{m.relation}", "", c(m.target),
                     label(m.target), c(m.justification_type), c(m.author), m.date or "",
                     m.justification.get("en", "")))
    for ff in views.false_friends:
        if len(ff.concepts) == 2:
            # The same direction as the pair's mappings where there are some, else by code.
            a, b = sorted(ff.concepts, key=lambda iri: registry.of(iri) or "")
            if (registry.of(b), registry.of(a)) in pairs:
                a, b = b, a
            rows.append((c(a), label(a), "skos:exactMatch", "Not", c(b), label(b),
                         "semapv:ManualMappingCuration", "ovgorg:overgangskatalog", "",
                         "False friend: " + ff.explanation.get("en", "")))
    for row in sorted(rows):
        writer.writerow([" ".join(str(cell).split()) for cell in row])
    return out.getvalue()
