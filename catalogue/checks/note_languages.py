"""Notes are published text: each one in every language its reader may choose, and none of them a working note.

Which languages a note needs is read from the data, never listed here: the site's interface languages, plus the
content languages the jurisdiction registry gives for the jurisdiction that owns the resource (found from its
IRI, or for a blank node such as a sharing rule from the resource that holds it). A mapping justification belongs to
no single jurisdiction, so it needs the interface languages only.

A note counts as translated when each required language has as many notes as the best-covered language: a
concept with two English editorial notes and one Norwegian one still lacks a translation.

A working note is text meant for the editors, not the reader: a template marker such as "(template example)",
or a compact IRI such as ``ovg:providesStage`` inside prose, with any prefix the catalogue binds.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from catalogue.checks.findings import Finding, en
from catalogue.site.strings import SITE_LANGUAGES

NOTES = (SKOS.scopeNote, SKOS.editorialNote)
# Everything a reader may see as prose; working notes are looked for in all of it.
PROSE = NOTES + (SKOS.historyNote, SKOS.changeNote, SKOS.note, SKOS.definition, SKOS.example, RDFS.comment, RDF.value)
MARKERS = re.compile(r"\(template example\)|\b(TODO|FIXME)\b", re.IGNORECASE)


def _owner(graph, node, depth: int = 6):
    """The IRI a blank node hangs from (a rule from its transition), or None."""
    while isinstance(node, BNode) and depth > 0:
        node = next(iter(graph.subjects(None, node)), None)
        depth -= 1
    return node if isinstance(node, URIRef) else None


def required_languages(views, subject) -> tuple[str, ...]:
    owner = _owner(views.graph, subject) if isinstance(subject, BNode) else subject
    code = views.registry.of(str(owner)) if owner is not None else None
    jurisdiction = views.registry.get(code) if code else None
    extra = jurisdiction.languages if jurisdiction is not None else ()
    return tuple(dict.fromkeys(SITE_LANGUAGES + tuple(extra)))


def _vocabulary(views):
    # Notes and justifications live in vocab/; the ontology's comments document terms for modellers.
    return views.catalogue.union("vocab")


def _noted(views, graph):
    """(subject, property, the literals) for every note and every mapping justification in the vocabulary."""
    for prop in NOTES:
        for subject in sorted(set(graph.subjects(prop, None)), key=str):
            yield subject, prop, [o for o in graph.objects(subject, prop) if isinstance(o, Literal)]
    for axiom in sorted(set(graph.subjects(RDF.type, OWL.Axiom)), key=str):
        comments = [o for o in graph.objects(axiom, RDFS.comment) if isinstance(o, Literal)]
        if comments:
            yield axiom, RDFS.comment, comments


def _focus(views, subject) -> str | None:
    owner = _owner(views.graph, subject) if isinstance(subject, BNode) else subject
    return str(owner) if owner is not None else None


def _short(graph, prop) -> str:
    return graph.namespace_manager.normalizeUri(prop)


def missing_languages(views):
    out = []
    for subject, prop, literals in _noted(views, _vocabulary(views)):
        counts = Counter(literal.language or "" for literal in literals)
        wanted = max(counts.values())
        needed = required_languages(views, subject)
        missing = [lang for lang in needed if counts.get(lang, 0) < wanted]
        untagged = counts.get("", 0)
        if not missing and not untagged:
            continue
        what = _short(views.graph, prop)
        where = "" if isinstance(subject, URIRef) else " (on a rule or record this resource holds)"
        problem = (f"{what} is missing in {', '.join(missing)}" if missing else f"{what} has no language tag")
        out.append(Finding("note-languages:missing", "violation",
                           en(f"{problem}{where}: every note needs {', '.join(needed)}, as many in each language "
                              "as in the best-covered one"),
                           _focus(views, subject), detail={"languages": ", ".join(missing), "property": what}))
    return out


def _curie_pattern(views) -> re.Pattern:
    prefixes = {p for p, _ in views.graph.namespaces() if p} | set(views.registry.prefixes())
    names = "|".join(sorted((re.escape(p) for p in prefixes), key=len, reverse=True))
    # a prefix, a colon and a name straight after it, not inside a URL or a longer word
    return re.compile(rf"(?<![\w/#:.@<-])(?:{names}):[A-Za-z_][\w-]*")


def working_notes(views):
    graph, curie = _vocabulary(views), _curie_pattern(views)
    out = []
    for prop in PROSE:
        for subject, text in sorted(graph.subject_objects(prop), key=lambda so: (str(so[0]), str(so[1]))):
            if not isinstance(text, Literal) or text.datatype is not None:
                continue
            found = MARKERS.search(str(text)) or curie.search(str(text))
            if found is None:
                continue
            focus = _focus(views, subject)
            out.append(Finding("note-languages:internal", "violation",
                               en(f"{_short(graph, prop)} ({text.language or 'no language'}) reads like a working "
                                  f"note ('{found.group(0)}'): write it for the reader, without template markers "
                                  "or compact IRIs"),
                               focus, detail={"text": found.group(0)}))
    return out


def note_languages(views):
    return missing_languages(views) + working_notes(views)


CHECKS = {"note-languages": note_languages}
