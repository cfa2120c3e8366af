"""The national identity-number forms each jurisdiction declares, and the privacy rule made from them.

A jurisdiction says in ``vocab/<code>/jurisdiction.ttl`` what its identity numbers look like as text
(``ovg:identityNumberForm``): a pattern for the digits, how they may be split in two groups, and any
weighted checksums. Each form becomes one SHACL-SPARQL constraint on the handover privacy shape.

The constraint is written out in full, pattern and arithmetic inline, instead of reading the patterns from
the data while validating. That keeps it record-local, so the compiled engine runs it as it runs any other
constraint, and it means a handover file can never add, change or switch off a pattern: the patterns come
from the catalogue only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH, SKOS

from catalogue.namespaces import OVG

SHAPES = "https://w3id.org/overgang/shapes"
# The shape in shapes/handover.ttl that carries the generated constraints: its targets decide where
# identity numbers are looked for; the forms decide what they look like.
PRIVACY_SHAPE = URIRef(SHAPES + "#NationalIdShape")
PRIVACY_GROUP = URIRef(SHAPES + "#Privacy")
_NOTATION = re.compile(r"^[a-z][a-z0-9-]{0,40}$")


@dataclass(frozen=True)
class IdentityNumberForm:
    jurisdiction: str  # the jurisdiction's IRI
    notation: str
    digit_pattern: str
    groups: tuple[int, ...] = ()
    separators: str = ""
    weights: tuple[tuple[int, ...], ...] = ()
    modulus: int | None = None
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    source: str | None = None

    @property
    def constraint(self) -> URIRef:
        return URIRef(f"{SHAPES}#no-{self.notation}")


def _texts(graph: Graph, node, predicate) -> dict[str, str]:
    return {o.language or "": str(o) for o in graph.objects(node, predicate) if isinstance(o, Literal)}


def _integers(text: str) -> tuple[int, ...] | None:
    parts = text.split()
    if not parts or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def read_forms(graph: Graph) -> tuple[list[IdentityNumberForm], list[tuple[str, str]]]:
    """The well-formed forms, in a stable order, and (jurisdiction IRI, problem) for every one that is not.

    A form with a problem yields no rule; ``check`` reports the problem, so it is never silently dropped."""
    forms, problems = [], []
    seen: dict[str, str] = {}
    for jurisdiction in sorted(graph.subjects(RDF.type, OVG.Jurisdiction), key=str):
        nodes = sorted(graph.objects(jurisdiction, OVG.identityNumberForm), key=lambda n: str(graph.value(n, SKOS.notation)))
        for node in nodes:
            form, problem = _read_form(graph, jurisdiction, node)
            if problem:
                problems.append((str(jurisdiction), problem))
            elif form.notation in seen:
                problems.append((str(jurisdiction), f"identity-number form \"{form.notation}\" is declared twice "
                                 f"(also by {seen[form.notation]}); give each form its own skos:notation"))
            else:
                seen[form.notation] = str(jurisdiction)
                forms.append(form)
    return forms, problems


def _read_form(graph: Graph, jurisdiction, node) -> tuple[IdentityNumberForm | None, str | None]:
    notation = graph.value(node, SKOS.notation)
    if notation is None or not _NOTATION.match(str(notation)):
        return None, "an identity-number form needs a skos:notation of lower-case letters, digits and hyphens"
    label = f"identity-number form \"{notation}\""
    pattern = graph.value(node, OVG.digitPattern)
    if pattern is None:
        return None, f"{label} has no ovg:digitPattern"
    try:
        re.compile(str(pattern))
    except re.error as exc:
        return None, f"{label}: ovg:digitPattern is not a regular expression ({exc})"
    groups = ()
    if (value := graph.value(node, OVG.digitGroups)) is not None:
        groups = _integers(str(value))
        if groups is None or len(groups) != 2 or 0 in groups:
            return None, f"{label}: ovg:digitGroups must be two positive whole numbers, such as \"6 5\""
    separators = str(graph.value(node, OVG.groupSeparators) or "")
    if bool(groups) != bool(separators):
        return None, f"{label}: ovg:digitGroups and ovg:groupSeparators go together"
    weights = []
    for value in sorted(graph.objects(node, OVG.checksumWeights), key=str):
        parsed = _integers(str(value))
        if parsed is None:
            return None, f"{label}: ovg:checksumWeights must be whole numbers separated by spaces"
        weights.append(parsed)
    modulus = graph.value(node, OVG.checksumModulus)
    if weights and (modulus is None or not str(modulus).isdigit() or int(str(modulus)) < 2):
        return None, f"{label}: ovg:checksumWeights need an ovg:checksumModulus of at least 2"
    messages = _texts(graph, node, OVG.privacyMessage)
    if "en" not in messages:
        return None, f"{label} has no ovg:privacyMessage in English"
    source = graph.value(node, DCTERMS.source)
    return IdentityNumberForm(
        jurisdiction=str(jurisdiction), notation=str(notation), digit_pattern=str(pattern), groups=groups,
        separators=separators, weights=tuple(weights), modulus=int(str(modulus)) if weights else None,
        names=_texts(graph, node, RDFS.label), descriptions=_texts(graph, node, DCTERMS.description),
        messages=messages, source=str(source) if source is not None else None), None


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _character_class(characters: str) -> str:
    # A hyphen goes first, unescaped: that reads the same in XPath, Python and Rust regular expressions.
    chars = sorted(set(characters))
    hyphen = "-" if "-" in chars else ""
    return "[" + hyphen + "".join("\\" + c if c in "\\]^[" else c for c in chars if c != "-") + "]"


def select_query(form: IdentityNumberForm) -> str:
    """The constraint's SELECT: every literal of a focus node whose lexical form holds the number."""
    lines = ["SELECT $this ?path WHERE {",
             "    $this ?path ?literal .",
             "    FILTER (isLiteral(?literal))"]
    if form.groups:
        first, second = form.groups
        joined = f"([0-9]{{{first}}}){_character_class(form.separators)}([0-9]{{{second}}})"
        lines.append(f"    BIND (REPLACE(STR(?literal), {_sparql_string(joined)}, \"$1$2\") AS ?text)")
    else:
        lines.append("    BIND (STR(?literal) AS ?text)")
    lines.append(f"    FILTER (REGEX(?text, {_sparql_string(f'(^|[^0-9])({form.digit_pattern})([^0-9]|$)')}))")
    if form.weights:
        # The digits that matched, then each weighted sum must be divisible by the modulus.
        extract = f"^(.*[^0-9])?({form.digit_pattern})([^0-9].*)?$"
        lines.append(f"    BIND (REPLACE(?text, {_sparql_string(extract)}, \"$2\", \"s\") AS ?n)")
        width = max(len(w) for w in form.weights)
        for i in range(1, width + 1):
            lines.append(f"    BIND (xsd:integer(SUBSTR(?n, {i}, 1)) AS ?d{i})")
        tests = []
        for weights in form.weights:
            total = " + ".join(f"{w}*?d{i}" for i, w in enumerate(weights, start=1))
            tests.append(f"(({total}) - {form.modulus} * FLOOR(({total}) / {form.modulus})) = 0")
        lines.append("    FILTER (" + " && ".join(tests) + ")")
    lines.append("}")
    return "\n        ".join([""] + lines) + "\n    "


def constraint_triples(forms: list[IdentityNumberForm]):
    """The SHACL-SPARQL constraints for ``forms``, attached to the privacy shape."""
    for order, form in enumerate(forms, start=1):
        node = form.constraint
        yield PRIVACY_SHAPE, SH.sparql, node
        yield node, RDF.type, SH.SPARQLConstraint
        yield node, SH.select, Literal(select_query(form))
        yield node, SH.prefixes, URIRef(SHAPES)
        yield node, SH.severity, SH.Violation
        yield node, SH.group, PRIVACY_GROUP
        yield node, SH.order, Literal(order)
        yield node, RDFS.seeAlso, URIRef(form.jurisdiction)
        if form.source:
            yield node, DCTERMS.source, URIRef(form.source)
        for predicate, texts in ((SH.name, form.names), (SH.description, form.descriptions),
                                 (SH.message, form.messages)):
            for lang, text in sorted(texts.items()):
                yield node, predicate, Literal(text, lang=lang or None)


def add_constraints(shapes: Graph, registry_graph: Graph) -> Graph:
    """``shapes`` with the identity-number constraints made from the registry in ``registry_graph``; a
    shapes graph without the privacy shape (someone else's shapes) is left as it is."""
    if (PRIVACY_SHAPE, RDF.type, SH.NodeShape) not in shapes:
        return shapes
    forms, _problems = read_forms(registry_graph)
    for triple in constraint_triples(forms):
        shapes.add(triple)
    return shapes

