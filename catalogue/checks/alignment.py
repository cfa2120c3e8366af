"""Alignment rules between jurisdictions: targets exist, records are complete, one relation per pair, one
direction per pair of jurisdictions, false friends unmapped."""

from __future__ import annotations

from collections import defaultdict

from catalogue.checks.findings import Finding, en
from catalogue.namespaces import SEMAPV

RECORD_LANGUAGES = ("en", "nb", "da")


def _f(check, message, focus, severity="violation"):
    return Finding(check=f"alignment:{check}", severity=severity, message=en(message), focus=focus)


def targets_exist(views):
    """Both ends of every mapping and false friend are concepts of our schemes."""
    out = []
    for m in views.mappings:
        for end in (m.source, m.target):
            if end not in views.concepts:
                out.append(_f("targets", f"mapping {m.source} {m.relation} {m.target}: {end} is not a "
                              "concept in the catalogue", m.source))
    for ff in views.false_friends:
        for end in ff.concepts:
            if end not in views.concepts:
                out.append(_f("targets", f"false friend names {end}, which is not a concept", ff.iri))
    return out


def direction_and_pairs(views):
    """Mappings join two jurisdictions in the direction of their file (vocab/alignment/<a>-<b>.ttl: a to b),
    and a pair of concepts has exactly one relation."""
    out = []
    pairs = defaultdict(list)
    directions = _file_directions(views)
    for m in views.mappings:
        a, b = views.registry.of(m.source), views.registry.of(m.target)
        if a == b:
            out.append(_f("pairs", f"mapping {m.relation} joins two concepts of one jurisdiction "
                          f"({m.source} -> {m.target}); mappings go across a border", m.source))
        elif (b, a) in directions and (a, b) not in directions:
            out.append(_f("pairs", f"mapping {m.relation} runs {a}->{b}, but the alignment file for this pair "
                          f"is vocab/alignment/{b}-{a}.ttl: write it from the {b} concept "
                          f"(found {m.source} -> {m.target})", m.source))
        pairs[frozenset((m.source, m.target))].append(m.relation)
    for pair, relations in sorted(pairs.items(), key=lambda kv: sorted(kv[0])):
        if len(relations) > 1:
            a, b = sorted(pair)
            out.append(_f("pairs", f"{a} and {b} are linked by {len(relations)} mapping relations "
                          f"({', '.join(sorted(relations))}); keep one", a))
    return out


def _file_directions(views) -> set[tuple[str, str]]:
    """The (a, b) pairs that alignment files name: vocab/alignment/a-b.ttl."""
    found = set()
    codes = set(views.registry.codes)
    for gid in views.catalogue.files:
        rel = views.catalogue.relative(gid)
        if rel.startswith("vocab/alignment/") and rel.endswith(".ttl"):
            a, _, b = rel.rsplit("/", 1)[-1][: -len(".ttl")].partition("-")
            if a in codes and b in codes:
                found.add((a, b))
    return found


def records_complete(views):
    """Each mapping has a record with its justification (en, nb, da), semapv type, author and date."""
    out = []
    for m in views.mappings:
        missing = []
        if m.record is None:
            missing.append("the reified record (owl:Axiom with owl:annotatedSource/Property/Target)")
        else:
            missing += [f"justification @{lang}" for lang in RECORD_LANGUAGES if not m.justification.get(lang)]
            if not (m.justification_type or "").startswith(str(SEMAPV)):
                missing.append("sssom:mapping_justification from semapv")
            if not m.author:
                missing.append("dct:creator")
            if not m.date:
                missing.append("dct:date")
        if missing:
            out.append(_f("records", f"mapping {m.source} {m.relation} {m.target} lacks " + "; ".join(missing),
                          m.source))
    return out


def false_friends_unmapped(views):
    """A false-friend pair never carries a SKOS mapping, in either direction."""
    mapped = {frozenset((m.source, m.target)): m.relation for m in views.mappings}
    out = []
    for ff in views.false_friends:
        if len(ff.concepts) != 2:
            out.append(_f("false-friends", f"a false friend needs exactly two concepts, found {len(ff.concepts)}",
                          ff.iri))
            continue
        relation = mapped.get(frozenset(ff.concepts))
        if relation:
            a, b = ff.concepts
            out.append(_f("false-friends", f"{a} and {b} are flagged as false friends but carry "
                          f"skos:{relation}; remove the mapping", ff.iri))
        if not ff.explanation.get("en"):
            out.append(_f("false-friends", "a false friend needs an explanation (rdfs:comment @en)", ff.iri))
    return out


CHECKS = {
    "alignment:targets": targets_exist,
    "alignment:pairs": direction_and_pairs,
    "alignment:records": records_complete,
    "alignment:false-friends": false_friends_unmapped,
}
