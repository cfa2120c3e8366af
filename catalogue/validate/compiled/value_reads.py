"""Which predicates' literals a SHACL-SPARQL constraint reads as values or by identity, not only as text.

rdflib (as pySHACL sees the data, literal_view.py) and Oxigraph agree on a literal's kind (isLiteral ...) and on
whether it is bound. They may disagree on the rest:

- as a value (a comparison, arithmetic, YEAR ...): an XSD-invalid literal, a date with a timezone or a literal
  of a datatype the rule does not expect compares differently in the two;
- by identity (a join of two patterns on the literal, a constant literal in a pattern, DATATYPE, sameTerm,
  LANG): the store keeps "15"^^xsd:nonNegativeInteger as "15"^^xsd:integer, rdflib as written;
- as text (STR): the store keeps "015"^^xsd:integer as "15".

So the compiled engine needs to know, per constraint, on which predicates a literal is read either way. It reads
that from rdflib's algebra of the query (anchoring.check_query has already allowed only a few kinds of node).
A pattern's predicates count when its object variable is read so, and a path that may have length zero passes
that on to its subject; a variable predicate, or $this read so (a focus node may be a literal), means every
predicate (ANY).
"""

from __future__ import annotations

from collections import Counter

from rdflib import Literal, Variable
from rdflib.paths import AlternativePath, MulPath, Path, SequencePath
from rdflib.plugins.sparql.parserutils import CompValue

ANY = "*"
_KIND_ONLY = {"Builtin_isLITERAL", "Builtin_isIRI", "Builtin_isURI", "Builtin_isBLANK", "Builtin_BOUND"}
_TEXT = "Builtin_STR"
_IDENTITY = {"Builtin_DATATYPE", "Builtin_sameTerm", "Builtin_LANG"}
_THIS = Variable("this")


def compared_predicates(algebra) -> tuple[set[str], set[str], set[str]]:
    """The IRIs of the predicates whose literals the query reads as values, by identity and as text (STR); each
    may be {ANY}."""
    patterns: list = []
    valued: set = set()
    matched: set = set()
    texts: set = set()
    _walk(algebra, patterns, (valued, matched, texts))
    objects = Counter(o for _s, _p, o in patterns if isinstance(o, Variable))
    matched |= {v for v, n in objects.items() if n > 1}  # a join compares terms
    return (_predicates(patterns, valued, set()), _predicates(patterns, matched, {"constants"}),
            _predicates(patterns, texts, set()))


def _predicates(patterns, variables: set, flags: set) -> set[str]:
    variables = set(variables)
    # A path that may have length zero (skos:broader*) makes its object its subject: read one, read both.
    changed = True
    while changed:
        changed = False
        for s, p, o in patterns:
            if o in variables and isinstance(s, Variable) and s not in variables and _zero_length(p):
                variables.add(s)
                changed = True
    if _THIS in variables:
        return {ANY}
    out: set[str] = set()
    for _s, p, o in patterns:
        if (isinstance(o, Literal) and "constants" in flags) or (isinstance(o, Variable) and o in variables):
            if isinstance(p, Variable):
                return {ANY}
            out |= _iris(p)
    return out


def _walk(node, patterns: list, reads: tuple) -> None:
    if not isinstance(node, CompValue):
        return
    if node.name == "BGP":
        patterns.extend(node.triples)
        return
    if node.name == "Extend" and isinstance(node.expr, Variable):
        for read in reads:
            read.add(node.expr)  # BIND (?v AS ?w): ?w may be read any way
    for key, value in node.items():
        if key in ("_vars", "var", "PV"):
            continue
        if key == "expr":
            _expression(value, None, patterns, reads)
        else:
            _walk(value, patterns, reads)


def _expression(expr, parent: str | None, patterns: list, reads: tuple) -> None:
    valued, matched, texts = reads
    if isinstance(expr, Variable):
        if parent in _IDENTITY:
            matched.add(expr)
        elif parent == _TEXT:
            texts.add(expr)
        elif parent not in _KIND_ONLY:
            valued.add(expr)
    elif isinstance(expr, CompValue):
        if expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            _walk(expr.graph, patterns, reads)
            return
        for key, value in expr.items():
            if key != "_vars":
                direct = expr.name if key in ("arg", "arg1", "arg2") else None
                _expression(value, direct, patterns, reads)
    elif isinstance(expr, (list, tuple)):
        for value in expr:
            _expression(value, None, patterns, reads)


def _zero_length(path) -> bool:
    """May the path have length zero?"""
    if isinstance(path, MulPath):
        return path.mod in ("*", "?")
    if isinstance(path, SequencePath):
        return all(_zero_length(p) for p in path.args)
    if isinstance(path, AlternativePath):
        return any(_zero_length(p) for p in path.args)
    return False


def _iris(path) -> set[str]:
    """The predicates whose objects the path can end on: a sequence's last step, and the one before while the
    steps after it may have length zero (the nodes before the last step are subjects, so never literals)."""
    if isinstance(path, SequencePath):
        out = set()
        for part in reversed(path.args):
            out |= _iris(part)
            if not _zero_length(part):
                break
        return out
    if isinstance(path, AlternativePath):
        return {iri for part in path.args for iri in _iris(part)}
    if isinstance(path, MulPath):
        return _iris(path.path)
    if isinstance(path, Path):
        return {ANY}  # anchoring refuses inverse and negated paths; anything else is read as every predicate
    return {str(path)}
