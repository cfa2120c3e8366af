"""SKOS quality checks after qSKOS (Mader & Haslhofer), run within each registered jurisdiction's scheme.

Covered: ipl, dlv, el, oilt, ucil, chr, mc, rc, rrc, urc, usr, mri and ol (within one scheme).
Each check returns findings; none of them changes the data.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from catalogue.checks.findings import Finding, en
from catalogue.model.concepts import MAPPING_RELATIONS
from catalogue.namespaces import defined_terms

LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
_LANG_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_SKOS_TERMS = defined_terms(SKOS)  # rdflib's closed SKOS namespace lists the real terms


def _ours(views):
    return views.concepts


def _finding(check, message, focus, **detail):
    return Finding(check=f"qskos:{check}", severity="violation", message=en(message), focus=focus, detail=detail)


def inconsistent_preferred_labels(views):
    """ipl: more than one skos:prefLabel in one language."""
    out = []
    for iri in _ours(views):
        per_lang = defaultdict(int)
        for label in views.graph.objects(URIRef(iri), SKOS.prefLabel):
            if isinstance(label, Literal):
                per_lang[label.language] += 1
        for lang, count in sorted(per_lang.items(), key=lambda kv: str(kv[0])):
            if count > 1:
                out.append(_finding("ipl", f"{count} preferred labels in language '{lang}'; keep one and make the "
                                    "others skos:altLabel", iri))
    return out


def disjoint_labels(views):
    """dlv: the same text and language used as two of prefLabel, altLabel and hiddenLabel."""
    out = []
    for iri in _ours(views):
        seen = {}
        for prop in LABEL_PROPERTIES:
            for label in views.graph.objects(URIRef(iri), prop):
                if not isinstance(label, Literal):
                    continue
                key = (str(label), label.language)
                if key in seen and seen[key] != prop:
                    out.append(_finding("dlv", f"the same label is both {seen[key].fragment} and {prop.fragment} "
                                        f"in language '{label.language}'", iri))
                seen.setdefault(key, prop)
    return out


def empty_labels(views):
    """el: labels that are empty or only white space."""
    return [_finding("el", f"empty {prop.fragment}", iri)
            for iri in _ours(views) for prop in LABEL_PROPERTIES
            for label in views.graph.objects(URIRef(iri), prop)
            if isinstance(label, Literal) and not str(label).strip()]


def language_tags(views):
    """oilt: labels with a missing or invalid language tag, or a language the scheme does not use."""
    out = []
    for iri, concept in _ours(views).items():
        allowed = set(views.registry.get(concept.jurisdiction).languages)
        for prop in LABEL_PROPERTIES:
            for label in views.graph.objects(URIRef(iri), prop):
                if not isinstance(label, Literal):
                    out.append(_finding("oilt", f"{prop.fragment} is not a literal", iri))
                elif not label.language:
                    out.append(_finding("oilt", f"{prop.fragment} has no language tag", iri))
                elif not _LANG_TAG.match(label.language) or label.language not in allowed:
                    out.append(_finding("oilt", f"{prop.fragment} has language tag '{label.language}'; "
                                        f"this scheme uses {', '.join(sorted(allowed))}", iri))
    return out


def unprintable_characters(views):
    """ucil: control, format or private-use characters in labels."""
    out = []
    for iri in _ours(views):
        for prop in LABEL_PROPERTIES:
            for label in views.graph.objects(URIRef(iri), prop):
                bad = [ch for ch in str(label) if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")
                       and ch != "\u00ad"]
                if bad:
                    codes = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(bad)))
                    out.append(_finding("ucil", f"{prop.fragment} contains unprintable characters ({codes})", iri))
    return out


def _broader_edges(views):
    edges = defaultdict(set)
    ours = _ours(views)
    for s, o in views.graph.subject_objects(SKOS.broader):
        if str(s) in ours and str(o) in ours:
            edges[str(s)].add(str(o))
    for s, o in views.graph.subject_objects(SKOS.narrower):
        if str(s) in ours and str(o) in ours:
            edges[str(o)].add(str(s))
    return edges


def _ancestors(edges, start):
    seen, stack = set(), list(edges.get(start, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return seen


def cyclic_hierarchy(views):
    """chr: a concept that is (transitively) broader than itself."""
    edges = _broader_edges(views)
    return [_finding("chr", "the broader/narrower hierarchy loops back to this concept", iri)
            for iri in sorted(edges) if iri in _ancestors(edges, iri)]


def reflexive_relations(views):
    """rrc: a concept related, broader or narrower to itself."""
    out = []
    for prop in (SKOS.related, SKOS.broader, SKOS.narrower):
        for s, o in views.graph.subject_objects(prop):
            if s == o and str(s) in _ours(views):
                out.append(_finding("rrc", f"the concept is {prop.fragment} to itself", str(s)))
    return out


def relation_clashes(views):
    """rc: skos:related between concepts that are also hierarchically (transitively) related."""
    edges = _broader_edges(views)
    out = []
    for s, o in views.graph.subject_objects(SKOS.related):
        s, o = str(s), str(o)
        if s in _ours(views) and (o in _ancestors(edges, s) or s in _ancestors(edges, o)):
            out.append(_finding("rc", f"skos:related to {o}, which is also above or below it in the hierarchy", s))
    return out


def unidirectional_relations(views):
    """urc: broader without the matching narrower, or related in one direction only."""
    out = []
    ours = _ours(views)
    g = views.graph
    for s, o in g.subject_objects(SKOS.broader):
        if str(s) in ours and str(o) in ours and (o, SKOS.narrower, s) not in g:
            out.append(_finding("urc", f"skos:broader {o} has no skos:narrower back", str(s)))
    for s, o in g.subject_objects(SKOS.narrower):
        if str(s) in ours and str(o) in ours and (o, SKOS.broader, s) not in g:
            out.append(_finding("urc", f"skos:narrower {o} has no skos:broader back", str(s)))
    for s, o in g.subject_objects(SKOS.related):
        if str(s) in ours and str(o) in ours and (o, SKOS.related, s) not in g:
            out.append(_finding("urc", f"skos:related {o} has no skos:related back", str(s)))
    return out


def undefined_skos_resources(views):
    """usr: terms in the SKOS namespace that SKOS does not define (typos, or SKOS-XL in the wrong place)."""
    out = []
    ns = str(SKOS)
    seen = set()
    for triple in views.graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(ns) and str(term) not in _SKOS_TERMS:
                if term not in seen:
                    seen.add(term)
                    out.append(_finding("usr", f"{term} is not a SKOS term", str(triple[0])))
    return out


def mapping_within_scheme(views):
    """mri: a SKOS mapping property between two concepts of the same scheme."""
    out = []
    for prop in MAPPING_RELATIONS:
        for s, o in views.graph.subject_objects(prop):
            js, jo = views.registry.of(str(s)), views.registry.of(str(o))
            if js and js == jo and str(s) in _ours(views):
                out.append(_finding("mri", f"skos:{prop.fragment} to {o} in the same scheme; use skos:related "
                                    "or skos:broader inside a scheme", str(s)))
    return out


def mapping_clashes(views):
    """mc: skos:exactMatch together with another mapping or hierarchical relation between the same pair."""
    g = views.graph
    out = []
    others = (SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch, SKOS.broader, SKOS.narrower, SKOS.related)
    for s, o in g.subject_objects(SKOS.exactMatch):
        for prop in others:
            if (s, prop, o) in g or (o, prop, s) in g:
                out.append(_finding("mc", f"skos:exactMatch and skos:{prop.fragment} both link it to {o}", str(s)))
    return out


def overlapping_labels(views):
    """ol: two concepts of the same scheme share a preferred or alternative label in the same language."""
    owners = defaultdict(set)
    for iri, concept in _ours(views).items():
        for lang, text in concept.pref_labels.items():
            owners[(concept.jurisdiction, lang, text.casefold())].add(iri)
        for lang, texts in concept.alt_labels.items():
            for text in texts:
                owners[(concept.jurisdiction, lang, text.casefold())].add(iri)
    out = []
    for (jurisdiction, lang, text), iris in sorted(owners.items()):
        if len(iris) > 1:
            first, *rest = sorted(iris)
            out.append(_finding("ol", f"label '{text}'@{lang} is also used by {', '.join(rest)}", first))
    return out


CHECKS = {
    "qskos:ipl": inconsistent_preferred_labels,
    "qskos:dlv": disjoint_labels,
    "qskos:el": empty_labels,
    "qskos:oilt": language_tags,
    "qskos:ucil": unprintable_characters,
    "qskos:chr": cyclic_hierarchy,
    "qskos:mc": mapping_clashes,
    "qskos:rc": relation_clashes,
    "qskos:rrc": reflexive_relations,
    "qskos:urc": unidirectional_relations,
    "qskos:usr": undefined_skos_resources,
    "qskos:mri": mapping_within_scheme,
    "qskos:ol": overlapping_labels,
}
