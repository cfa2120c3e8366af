"""What a shapes file from outside may do before we run it (exit 3 otherwise; --trust-shapes opts out).

Refused: owl:imports (fetched), SHACL-AF rules and SPARQL targets (they run arbitrary queries over the data),
JavaScript, SPARQL with SERVICE or FROM (network and file access), SPARQL updates, and sh:pattern values with
nested quantifiers (catastrophic backtracking). The shapes must also be well-formed SHACL.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, SH

from catalogue.errors import InputError

_REFUSED_PREDICATES = {
    OWL.imports: "owl:imports",
    SH.rule: "SHACL rules (sh:rule)",
    SH.target: "SPARQL-based targets (sh:target)",
    SH.update: "SPARQL updates (sh:update)",
    SH.jsFunctionName: "JavaScript (sh:jsFunctionName)",
    SH.jsLibrary: "JavaScript (sh:jsLibrary)",
}
_REFUSED_TYPES = {SH.SPARQLRule, SH.TripleRule, SH.SPARQLTarget, SH.SPARQLTargetType, SH.JSConstraint,
                  SH.JSRule, SH.JSTarget, SH.JSFunction, SH.JSLibrary}
_QUERY_PREDICATES = (SH.select, SH.ask, SH.construct)
# A group that repeats something repeated, like (a+)+ or (\w*x)*: the classic catastrophic-backtracking shape.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*(?:[*+]|\{\d*,?\d*\})(?:[^()\\]|\\.)*\)\s*(?:[*+]|\{\d*,?\d*\})")


def pattern_problems(pattern: str) -> list[str]:
    return [f"sh:pattern {pattern[:60]!r} repeats a repeated group (catastrophic backtracking)"] \
        if _NESTED_QUANTIFIER.search(pattern) else []


def _query_problems(text: str) -> list[str]:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = repr(parseQuery(text))
    except Exception:
        return ["a SPARQL query that does not parse"]
    problems = []
    if "ServiceGraphPattern" in parsed:
        problems.append("SPARQL SERVICE (a network call)")
    if "datasetClause" in parsed:
        problems.append("SPARQL FROM / FROM NAMED (it loads graphs from elsewhere)")
    return problems


def shapes_problems_for_untrusted(shapes: Graph) -> list[str]:
    problems = set()
    for predicate, what in _REFUSED_PREDICATES.items():
        if (None, predicate, None) in shapes:
            problems.add(what)
    for kind in _REFUSED_TYPES:
        if (None, RDF.type, kind) in shapes:
            problems.add(f"{kind.fragment} (SHACL advanced features)")
    for predicate in _QUERY_PREDICATES:
        for text in shapes.objects(None, predicate):
            problems.update(_query_problems(str(text)))
    for pattern in shapes.objects(None, SH.pattern):
        if isinstance(pattern, Literal):
            problems.update(pattern_problems(str(pattern)))
    return sorted(problems)


def check_shapes(shapes: Graph, name: str, trusted: bool = False) -> None:
    """Untrusted shapes must pass the meta-SHACL check and the refusals above. Trusted shapes skip both: the
    shapes-for-shapes pySHACL ships refuse some valid SHACL (the W3C suite's path-strange-002), and shapes
    that cannot run still fail, with exit 3, when pySHACL meets them."""
    from catalogue.validate.meta_shacl import shapes_problems

    if trusted:
        return
    invalid = shapes_problems(shapes)
    if invalid:
        raise InputError(name, f"not valid SHACL ({len(invalid)} problem(s), the first: {invalid[0][:160]})")
    if not trusted:
        refused = shapes_problems_for_untrusted(shapes)
        if refused:
            raise InputError(name, "shapes not allowed: " + "; ".join(refused) +
                             ". Give --trust-shapes to run them anyway (still without network access)")
