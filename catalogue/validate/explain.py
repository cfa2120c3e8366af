"""Findings that name the real cause, in the same findings model every engine reports in.

- A file with no handover fails, and the message names the likely cause when one is visible.
- A term that claims to be ours but is not defined is reported as unknown, with the closest known terms. The
  engines' findings about that same value ("not in the scheme", "not allowed here") follow from the typo and
  would only mislead, so they are folded into the one finding.
- A deprecated concept's warning names its replacement, or says there is none.
"""

from __future__ import annotations

import dataclasses
import re

from catalogue.checks.report import short_iri
from catalogue.namespaces import LANGUAGES
from catalogue.validate.coverage import FileScan
from catalogue.validate.known_terms import OUR_BASE, KnownTerms, namespace_of
from catalogue.validate.pyshacl_engine import ValidationFinding, sort_findings

NO_HANDOVER = OUR_BASE + "validate#NoHandover"
UNKNOWN_TERM = OUR_BASE + "validate#UnknownTerm"
UNKNOWN_NAMESPACE = OUR_BASE + "validate#UnknownNamespace"
FILE_LEVEL = {NO_HANDOVER}  # findings about a whole file: the focus is the file's name

MESSAGES = {
    "no_handover": {
        "en": "No handover found in {file}: nothing in it is typed ovg:Handover, so nothing in it was validated.",
        "nb": "Fant ingen overføring i {file}: ingenting i fila har typen ovg:Handover, så ingenting i den ble "
              "validert.",
        "nn": "Fann inga overføring i {file}: ingenting i fila har typen ovg:Handover, så ingenting i ho vart "
              "validert.",
        "da": "Ingen overlevering fundet i {file}: intet i filen har typen ovg:Handover, så intet i den blev "
              "valideret.",
    },
    "cause_class": {
        "en": " {found} is used as a class; did you mean {suggestion}?",
        "nb": " {found} er brukt som klasse; mente du {suggestion}?",
        "nn": " {found} er brukt som klasse; meinte du {suggestion}?",
        "da": " {found} bruges som klasse; mente du {suggestion}?",
    },
    "cause_namespace": {
        "en": " It uses the namespace <{found}>, {edits} edit(s) away from <{ours}>; did you mean that?",
        "nb": " Den bruker navnerommet <{found}>, {edits} endring(er) unna <{ours}>; mente du det?",
        "nn": " Ho brukar namnerommet <{found}>, {edits} endring(ar) unna <{ours}>; meinte du det?",
        "da": " Den bruger navnerummet <{found}>, {edits} ændring(er) fra <{ours}>; mente du det?",
    },
    "cause_none": {
        "en": " Is it a handover dataset?",
        "nb": " Er det et overføringsdatasett?",
        "nn": " Er det eit overføringsdatasett?",
        "da": " Er det et overleveringsdatasæt?",
    },
    "unknown_term": {
        "en": "Unknown term {iri}: neither the ontology nor the catalogue defines it. Closest known term: "
              "{suggestions}.",
        "nb": "Ukjent term {iri}: verken ontologien eller katalogen definerer den. Nærmeste kjente term: "
              "{suggestions}.",
        "nn": "Ukjend term {iri}: verken ontologien eller katalogen definerer han. Næraste kjende term: "
              "{suggestions}.",
        "da": "Ukendt term {iri}: hverken ontologien eller kataloget definerer den. Nærmeste kendte term: "
              "{suggestions}.",
    },
    "unknown_concept": {
        "en": "Unknown concept {iri}: the catalogue has no such concept. Did you mean {suggestions}?",
        "nb": "Ukjent begrep {iri}: katalogen har ikke noe slikt begrep. Mente du {suggestions}?",
        "nn": "Ukjent omgrep {iri}: katalogen har ikkje noko slikt omgrep. Meinte du {suggestions}?",
        "da": "Ukendt begreb {iri}: kataloget har intet sådant begreb. Mente du {suggestions}?",
    },
    "unknown_nothing_close": {
        "en": "Unknown term {iri}: neither the ontology nor the catalogue defines it, and no known term is close.",
        "nb": "Ukjent term {iri}: verken ontologien eller katalogen definerer den, og ingen kjent term ligner.",
        "nn": "Ukjend term {iri}: verken ontologien eller katalogen definerer han, og ingen kjend term liknar.",
        "da": "Ukendt term {iri}: hverken ontologien eller kataloget definerer den, og ingen kendt term ligner.",
    },
    "unknown_namespace": {
        "en": "Unknown namespace <{found}>: it is {edits} edit(s) away from <{ours}>, so none of its {count} "
              "term(s) were recognised; did you mean <{ours}>? First term: {iri}, closest known term: "
              "{suggestions}.",
        "nb": "Ukjent navnerom <{found}>: det er {edits} endring(er) unna <{ours}>, så ingen av de {count} "
              "termene i det ble gjenkjent; mente du <{ours}>? Første term: {iri}, nærmeste kjente term: "
              "{suggestions}.",
        "nn": "Ukjent namnerom <{found}>: det er {edits} endring(ar) unna <{ours}>, så ingen av dei {count} "
              "termane i det vart kjende att; meinte du <{ours}>? Første term: {iri}, næraste kjende term: "
              "{suggestions}.",
        "da": "Ukendt navnerum <{found}>: det er {edits} ændring(er) fra <{ours}>, så ingen af dets {count} "
              "termer blev genkendt; mente du <{ours}>? Første term: {iri}, nærmeste kendte term: "
              "{suggestions}.",
    },
    "deprecated_replaced": {
        "en": "The concept {concept} is deprecated; use {replacement} instead.",
        "nb": "Begrepet {concept} er utgått; bruk {replacement} i stedet.",
        "nn": "Omgrepet {concept} er gått ut; bruk {replacement} i staden.",
        "da": "Begrebet {concept} er udgået; brug {replacement} i stedet.",
    },
    "deprecated_not_replaced": {
        "en": "The concept {concept} is deprecated, and the catalogue names no concept that replaces it; "
              "choose a current concept or leave it out.",
        "nb": "Begrepet {concept} er utgått, og katalogen oppgir ikke noe begrep som erstatter det; velg et "
              "gjeldende begrep eller utelat det.",
        "nn": "Omgrepet {concept} er gått ut, og katalogen oppgir ikkje noko omgrep som erstattar det; vel eit "
              "gjeldande omgrep eller utelat det.",
        "da": "Begrebet {concept} er udgået, og kataloget angiver intet begreb, der erstatter det; vælg et "
              "gældende begreb, eller udelad det.",
    },
    "none": {"en": "none", "nb": "ingen", "nn": "ingen", "da": "ingen"},
    "or": {"en": "or", "nb": "eller", "nn": "eller", "da": "eller"},
}
NAMES = {
    NO_HANDOVER: {"en": "handover", "nb": "overføring", "nn": "overføring", "da": "overlevering"},
    UNKNOWN_TERM: {"en": "unknown term", "nb": "ukjent term", "nn": "ukjend term", "da": "ukendt term"},
    UNKNOWN_NAMESPACE: {"en": "unknown namespace", "nb": "ukjent navnerom", "nn": "ukjent namnerom",
                        "da": "ukendt navnerum"},
}


_DIGITS = re.compile(r"\d{6,}")


def _masked(text: str) -> str:
    """An IRI in one of our namespaces could still embed an identity number: messages never show long digit
    runs (the value itself is shown with --show-values)."""
    return _DIGITS.sub(lambda m: "#" * len(m.group()), text)


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items) or MESSAGES["none"][lang]
    return f"{', '.join(items[:-1])} {MESSAGES['or'][lang]} {items[-1]}"


def _finding(kind: str, focus: str, messages: dict[str, str], *, path: str | None = None,
             handovers: tuple[str, ...] = (), value: str | None = None) -> ValidationFinding:
    return ValidationFinding(focus=focus, path=path, severity="violation", component=kind, source_shape=None,
                             source_constraint=None, messages=messages, names=dict(NAMES[kind]),
                             handovers=handovers, value=value, value_is_literal=False)


def _likely_cause(scan: FileScan, known: KnownTerms, lang: str) -> str:
    """A namespace typo first (everything in it is unknown, the class too), then a near-miss class."""
    namespaces = sorted({namespace_of(iri) for iri in scan.suspects})
    for used in sorted(scan.types):
        suggestions = known.suggestions(used) if known.is_suspect(used) else []
        if suggestions and suggestions[0] in known.handover_classes:
            if known.near_namespace(namespace_of(used)) is not None:
                namespaces = [namespace_of(used)]
                break
            return MESSAGES["cause_class"][lang].format(found=_masked(short_iri(used)),
                                                        suggestion=short_iri(suggestions[0]))
    for namespace in namespaces:
        near = known.near_namespace(namespace)
        if near is not None:
            return MESSAGES["cause_namespace"][lang].format(found=_masked(namespace), ours=near[0], edits=near[1])
    return MESSAGES["cause_none"][lang]


def no_handover(scans: list[FileScan], known: KnownTerms) -> list[ValidationFinding]:
    """One finding for each file without a handover (for --merge, one for the whole set, named by its files)."""
    out = []
    for scan in scans:
        if scan.handovers:
            continue
        messages = {lang: MESSAGES["no_handover"][lang].format(file=scan.name) + _likely_cause(scan, known, lang)
                    for lang in LANGUAGES}
        out.append(_finding(NO_HANDOVER, scan.name, messages))
    return out


def _handovers_of(scan: FileScan, focus: str) -> tuple[str, ...]:
    if focus in scan.handovers:
        return (focus,)
    return tuple(sorted(scan.owners.get(focus, ())))


def unknown_terms(scans: list[FileScan], known: KnownTerms) -> tuple[list[ValidationFinding], set[str]]:
    """The findings, and every unknown IRI (so that the engines' findings about them can be folded)."""
    out, unknown = [], set()
    for scan in scans:
        by_near_namespace: dict[str, list[str]] = {}
        for iri in sorted(scan.suspects):
            unknown.add(iri)
            namespace = namespace_of(iri)
            if not iri.startswith(OUR_BASE) or namespace not in known.by_namespace:
                if known.near_namespace(namespace) is not None:
                    by_near_namespace.setdefault(namespace, []).append(iri)
                    continue
            out.append(_unknown_term(scan, iri, known))
        for namespace, iris in sorted(by_near_namespace.items()):
            out.append(_unknown_namespace(scan, namespace, iris, known))
    return out, unknown


def _unknown_term(scan: FileScan, iri: str, known: KnownTerms) -> ValidationFinding:
    focus, predicate = scan.suspects[iri]
    suggestions = known.suggestions(iri)
    concept = bool(suggestions) and suggestions[0] in known.concepts
    kind = "unknown_concept" if concept else "unknown_term" if suggestions else "unknown_nothing_close"
    shown = suggestions if concept else suggestions[:1]
    messages = {lang: MESSAGES[kind][lang].format(
        iri=_masked(short_iri(iri)), suggestions=_join([known.describe(s, lang) for s in shown], lang))
        for lang in LANGUAGES}
    path = predicate if predicate != iri and predicate not in scan.suspects else None
    return _finding(UNKNOWN_TERM, focus, messages, path=path, handovers=_handovers_of(scan, focus), value=iri)


def _unknown_namespace(scan: FileScan, namespace: str, iris: list[str], known: KnownTerms) -> ValidationFinding:
    ours, edits = known.near_namespace(namespace)
    first = iris[0]
    focus, _predicate = scan.suspects[first]
    suggestions = known.suggestions(first)[:1]
    messages = {lang: MESSAGES["unknown_namespace"][lang].format(
        found=_masked(namespace), ours=ours, edits=edits, count=len(iris), iri=_masked(f"<{first}>"),
        suggestions=_join([known.describe(s, lang) for s in suggestions], lang)) for lang in LANGUAGES}
    return _finding(UNKNOWN_NAMESPACE, focus, messages, handovers=_handovers_of(scan, focus), value=first)


def name_replacements(findings: list[ValidationFinding], known: KnownTerms) -> list[ValidationFinding]:
    """A warning about a deprecated concept says what replaces it, or that nothing does. The shapes' own
    message cannot: SHACL messages are fixed text, and ours never quote values."""
    out = []
    for f in findings:
        if f.severity != "violation" and f.value and not f.value_is_literal and known.deprecated(f.value):
            replacements = known.replacements(f.value)
            key = "deprecated_replaced" if replacements else "deprecated_not_replaced"
            messages = {lang: MESSAGES[key][lang].format(
                concept=known.describe(f.value, lang),
                replacement=_join([known.describe(r, lang) for r in replacements], lang)) for lang in LANGUAGES}
            f = dataclasses.replace(f, messages=messages)
        out.append(f)
    return out


def explained(findings: list[ValidationFinding], scans: list[FileScan], known: KnownTerms,
              merged: bool = False) -> list[ValidationFinding]:
    """The engines' findings with the coverage findings added, the misleading ones folded, sorted."""
    unknown_findings, unknown = unknown_terms(scans, known)
    kept = [f for f in findings if f.value is None or f.value_is_literal or f.value not in unknown]
    if merged and any(scan.handovers for scan in scans):
        missing = []
    elif merged:
        whole = FileScan(", ".join(scan.name for scan in scans))
        for scan in scans:
            whole.types |= scan.types
            whole.suspects.update(scan.suspects)
        missing = no_handover([whole], known)
    else:
        missing = no_handover(scans, known)
    out = missing + name_replacements(kept, known) + unknown_findings
    sort_findings(out)
    return out


def is_file_level(finding: ValidationFinding) -> bool:
    return finding.component in FILE_LEVEL

