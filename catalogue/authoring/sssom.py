"""The alignments between jurisdictions as an SSSOM TSV mapping set, generated from the catalogue (never kept
by hand). The prefixes and the pairs come from the jurisdiction registry.

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
from catalogue.namespaces import SEMAPV

COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
           "mapping_justification", "author_id", "mapping_date", "comment")
STATIC_CURIES = {"skos": "http://www.w3.org/2004/02/skos/core#", "semapv": str(SEMAPV),
                 "ovgorg": "https://w3id.org/overgang/org/"}
FALSE_FRIENDS_NOTE = ("False friends (concepts that look alike but must not be mapped) are not in this file: they "
                      "are published only in the RDF alignments (vocab/alignment/, ovg:FalseFriend), so that no "
                      "tool can read them as matches.")


def curie_map(registry) -> dict[str, str]:
    return {**registry.prefixes(), **STATIC_CURIES}


def _curie(iri: str | None, curies: dict[str, str]) -> str:
    if not iri:
        return ""
    for prefix, ns in curies.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one). Every key and value is quoted: prefixes come
    from the data, and unquoted, YAML 1.1 reads a prefix such as no, yes, on or off as a boolean."""
    return json.dumps(value, ensure_ascii=False)


def _header(curies: dict[str, str], metadata: dict[str, str]) -> str:
    lines = ["curie_map:"]
    lines += [f"  {_yaml(prefix)}: {_yaml(ns)}" for prefix, ns in curies.items()]
    lines += [f"{key}: {_yaml(value)}" for key, value in metadata.items()]
    return "".join(f"# {line}\n" for line in lines)


def sssom_tsv(views, version: str) -> str:
    concepts = views.concepts
    registry = views.registry
    curies = curie_map(registry)
    pairs = registry.pairs(views.mappings)
    set_name = f"{pairs[0][0]}-{pairs[0][1]}" if len(pairs) == 1 else "alignments"
    names = ", ".join(f"{registry.get(a).name('en')}-{registry.get(b).name('en')}" for a, b in pairs)
    out = io.StringIO()
    out.write(_header(curies, {
        "mapping_set_id": f"https://w3id.org/overgang/alignment/{set_name}.sssom.tsv",
        "mapping_set_version": version,
        "mapping_set_title": f"Overgangskatalog alignments ({names})",
        "mapping_set_description": FALSE_FRIENDS_NOTE,
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }))
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
        rows.append((c(m.source), label(m.source), f"skos:{m.relation}", c(m.target),
                     label(m.target), c(m.justification_type), c(m.author), m.date or "",
                     m.justification.get("en", "")))
    for row in sorted(rows):
        writer.writerow([" ".join(str(cell).split()) for cell in row])
    return out.getvalue()
