"""The site search's index, written as a script (not fetched JSON) so that search also works from disk.

It carries, per concept, every label as written (the script folds them by the shared rule in
catalogue.search.matching, whose data travels with the index), where the concept's page is, its country and
the start of its definition in the reader's language.
"""

from __future__ import annotations

import json

from catalogue.model.text import pick
from catalogue.search.lookup import native_label
from catalogue.search.matching import rule_data
from catalogue.site.paths import concept_page

DEFINITION_START = 110


def definition_start(text: str, length: int = DEFINITION_START) -> str:
    """The definition's opening words, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def concept_index_js(views, lang: str) -> str:
    entries = []
    for iri, c in views.concepts.items():
        home = views.registry.get(c.jurisdiction)
        languages = home.languages if home else ()
        native = native_label(c.pref_labels, languages)
        shown = c.pref_labels.get(lang) or c.pref_labels.get("en") or native
        labels = [[text, 1] for text in dict.fromkeys(c.pref_labels.values())]
        for table in (c.alt_labels, c.hidden_labels, c.deprecated_labels):
            for texts in table.values():
                labels.extend([text, 0] for text in texts if text.strip())
        definitions = {code: d.text for code, d in c.definitions.items()}
        entries.append({
            "i": iri, "u": concept_page(iri), "n": native, "s": shown if shown not in native else "",
            "j": c.jurisdiction, "c": home.name(lang) if home else c.jurisdiction,
            "l": next((x for x in languages if x != "en"), "en"), "d": c.deprecated,
            "x": definition_start(pick(definitions, lang, fallbacks=("en", *languages))), "f": labels})
    return ("window.OVG_MATCH = " + json.dumps(rule_data(), ensure_ascii=False) + ";\n"
            + "window.OVG_CONCEPTS = " + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n")
