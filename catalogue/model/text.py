"""Small helpers for reading language-tagged text out of a graph."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef


def by_language(graph: Graph, subject, predicate) -> dict[str, str]:
    """One value per language tag, in tag order; with several in a language, the smallest wins so that the
    output does not depend on the order the graph happens to hold them in."""
    values: dict[str, str] = {}
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal):
            lang = obj.language or ""
            text = str(obj)
            if lang not in values or text < values[lang]:
                values[lang] = text
    return dict(sorted(values.items()))


def all_by_language(graph: Graph, subject, predicate) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal):
            values.setdefault(obj.language or "", []).append(str(obj))
    return {lang: sorted(texts) for lang, texts in sorted(values.items())}


def iris(graph: Graph, subject, predicate) -> tuple[str, ...]:
    return tuple(sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, URIRef)))


def pick_notes(notes: dict[str, list[str]], lang: str, fallbacks: tuple[str, ...] = ("en", "nb", "da", "nn")
               ) -> tuple[str, list[str]]:
    """The notes in the reader's language, or else in the first fallback that has some, with the language they
    are in (pages mark it with lang=, so a screen reader reads a fallback note in its own language)."""
    for candidate in (lang, *fallbacks):
        if notes.get(candidate):
            return candidate, notes[candidate]
    return next(iter(notes.items()), ("", []))


def pick(texts: dict[str, str], lang: str, fallbacks: tuple[str, ...] = ("en", "nb", "da", "nn")) -> str:
    for candidate in (lang, *fallbacks):
        if texts.get(candidate):
            return texts[candidate]
    return next(iter(texts.values()), "")
