"""The NO↔DK alignment as an SSSOM TSV mapping set, generated from the catalogue (never kept by hand)."""

from __future__ import annotations

import csv
import io

from catalogue.model.text import pick
from catalogue.namespaces import DK, NO, SEMAPV

COLUMNS = ("subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id", "object_label",
           "mapping_justification", "author_id", "mapping_date", "comment")
CURIE_MAP = {"no": str(NO), "dk": str(DK), "skos": "http://www.w3.org/2004/02/skos/core#",
             "semapv": str(SEMAPV), "ovgorg": "https://w3id.org/overgang/org/"}


def _curie(iri: str | None) -> str:
    if not iri:
        return ""
    for prefix, ns in CURIE_MAP.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def sssom_tsv(views, version: str) -> str:
    concepts = views.concepts
    out = io.StringIO()
    out.write("# curie_map:\n")
    for prefix, ns in CURIE_MAP.items():
        out.write(f"#   {prefix}: {ns}\n")
    out.write("# mapping_set_id: https://w3id.org/overgang/alignment/no-dk.sssom.tsv\n")
    out.write(f"# mapping_set_version: {version}\n")
    out.write("# mapping_set_title: Overgangskatalog Norway-Denmark alignment\n")
    out.write("# license: https://creativecommons.org/licenses/by/4.0/\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)

    def label(iri, lang):
        return pick(concepts[iri].pref_labels, lang) if iri in concepts else ""

    rows = []
    for m in views.mappings:
        rows.append((_curie(m.source), label(m.source, "nb"), f"skos:{m.relation}", "", _curie(m.target),
                     label(m.target, "da"), _curie(m.justification_type), _curie(m.author), m.date or "",
                     m.justification.get("en", "")))
    for ff in views.false_friends:
        if len(ff.concepts) == 2:
            a, b = sorted(ff.concepts, key=lambda iri: (not iri.startswith(str(NO)), iri))
            rows.append((_curie(a), label(a, "nb"), "skos:exactMatch", "Not", _curie(b), label(b, "da"),
                         "semapv:ManualMappingCuration", "ovgorg:overgangskatalog", "",
                         "False friend: " + ff.explanation.get("en", "")))
    for row in sorted(rows):
        writer.writerow([" ".join(str(cell).split()) for cell in row])
    return out.getvalue()
