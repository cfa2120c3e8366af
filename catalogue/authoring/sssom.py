"""The NO↔DK alignment as an SSSOM TSV mapping set, generated from the catalogue (never kept by hand).

Only real mappings are written. The false friends stay in the RDF (vocab/alignment/), where ``ovg:FalseFriend``
says what they are: SSSOM can only say "not a match" with ``predicate_modifier: Not``, and tools that ignore the
modifier (sssom-py's OWL and RDF output among them) turn such a row into an asserted ``skos:exactMatch``, the
opposite of what the catalogue says.
"""

from __future__ import annotations

import csv
import io
import json

from catalogue.model.text import pick
from catalogue.namespaces import DK, NO, SEMAPV

COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
           "mapping_justification", "author_id", "mapping_date", "comment")
CURIE_MAP = {"no": str(NO), "dk": str(DK), "skos": "http://www.w3.org/2004/02/skos/core#",
             "semapv": str(SEMAPV), "ovgorg": "https://w3id.org/overgang/org/"}
FALSE_FRIENDS_NOTE = ("False friends (concepts that look alike but must not be mapped) are not in this file: they "
                      "are published only in the RDF alignment (vocab/alignment/no-dk.ttl, ovg:FalseFriend), so "
                      "that no tool can read them as matches.")


def _curie(iri: str | None) -> str:
    if not iri:
        return ""
    for prefix, ns in CURIE_MAP.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one). Every key and value is quoted: prefixes come
    from the data, and unquoted, YAML 1.1 reads a prefix such as no, yes, on or off as a boolean."""
    return json.dumps(value, ensure_ascii=False)


def _header(version: str) -> str:
    lines = ["curie_map:"]
    lines += [f"  {_yaml(prefix)}: {_yaml(ns)}" for prefix, ns in CURIE_MAP.items()]
    metadata = {
        "mapping_set_id": "https://w3id.org/overgang/alignment/no-dk.sssom.tsv",
        "mapping_set_version": version,
        "mapping_set_title": "Overgangskatalog Norway-Denmark alignment",
        "mapping_set_description": FALSE_FRIENDS_NOTE,
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    lines += [f"{key}: {_yaml(value)}" for key, value in metadata.items()]
    return "".join(f"# {line}\n" for line in lines)


def sssom_tsv(views, version: str) -> str:
    concepts = views.concepts
    out = io.StringIO()
    out.write(_header(version))
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)

    def label(iri, lang):
        return pick(concepts[iri].pref_labels, lang) if iri in concepts else ""

    rows = []
    for m in views.mappings:
        rows.append((_curie(m.source), label(m.source, "nb"), f"skos:{m.relation}", _curie(m.target),
                     label(m.target, "da"), _curie(m.justification_type), _curie(m.author), m.date or "",
                     m.justification.get("en", "")))
    for row in sorted(rows):
        writer.writerow([" ".join(str(cell).split()) for cell in row])
    return out.getvalue()
