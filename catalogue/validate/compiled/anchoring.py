"""Is a SHACL-SPARQL constraint safe to compile? Checked on rdflib's algebra of the query.

Safe means two things. First, evaluating the query once with ?this free and joining on ?this gives what
pySHACL gets by pre-binding $this for each focus node: true when ?this is bound by the query's own triple
patterns wherever a solution is made, and no BIND reads it before that. Second, the query is record-local:
every triple pattern starts from ?this or from a variable reached from it, walking forwards, so a chunk of
records that carries the forward closure of its nodes sees everything the query can see.
"""

from __future__ import annotations

from rdflib import Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from catalogue.validate.compiled.refusal import NotCompilable
from catalogue.validate.compiled.value_reads import compared_predicates

_ALLOWED = {"SelectQuery", "Project", "Distinct", "Filter", "Extend", "Join", "LeftJoin", "Union", "BGP"}
_PRE_BOUND = {"currentShape", "shapesGraph", "PATH"}  # ?value is an output on node shapes
THIS = Variable("this")


def _not_compilable(reason: str) -> NotCompilable:
    return NotCompilable(reason)


def check_query(text: str, prefixes: dict[str, str]) -> tuple[set[str], set[str], tuple[set[str], ...]]:
    """The projected variables, the predicates the query reads, and those whose literals it reads as values, by
    identity and as text (value_reads.py); raises NotCompilable."""
    try:
        query = prepareQuery(text, initNs=prefixes)
    except Exception as exc:  # noqa: BLE001 - any parse failure means: let pySHACL report it
        raise _not_compilable(f"a SPARQL constraint does not parse ({type(exc).__name__})") from None
    algebra = query.algebra
    if algebra.name != "SelectQuery":
        raise _not_compilable("only SELECT constraints are compiled")
    projected = {str(v) for v in algebra.PV}
    if "this" not in projected:
        raise _not_compilable("a SPARQL constraint that does not project $this")
    patterns, filters_patterns = [], []
    _walk(algebra.p, patterns, filters_patterns)
    used = {str(v) for v in _all_variables(algebra.p)}
    if used & _PRE_BOUND:
        raise _not_compilable("a SPARQL constraint that uses $PATH, $currentShape or $shapesGraph")
    if not _certainly_binds(algebra.p, THIS):
        raise _not_compilable("a SPARQL constraint where $this is not bound by a triple pattern")
    _check_anchored(patterns + filters_patterns)
    return projected, {str(p) for p in _predicates(patterns + filters_patterns)}, compared_predicates(algebra.p)


def _walk(node, patterns: list, filter_patterns: list) -> None:
    if not isinstance(node, CompValue):
        return
    if node.name not in _ALLOWED:
        raise _not_compilable(f"a SPARQL constraint uses {node.name}, which the compiled engine does not handle")
    if node.name == "BGP":
        patterns.extend(node.triples)
        return
    if node.name == "Extend" and THIS in _expression_variables(node.expr) and not _certainly_binds(node.p, THIS):
        raise _not_compilable("a BIND reads $this before the query binds it")
    for key in ("p", "p1", "p2"):
        if key in node and node[key] is not None:
            _walk(node[key], patterns, filter_patterns)
    for key in ("expr",):
        if key in node and node[key] is not None:
            _walk_expression(node[key], patterns, filter_patterns)


def _walk_expression(expr, patterns, filter_patterns) -> None:
    if isinstance(expr, CompValue):
        if expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            _walk(expr.graph, filter_patterns, filter_patterns)
            return
        for value in expr.values():
            _walk_expression(value, patterns, filter_patterns)
    elif isinstance(expr, (list, tuple)):
        for value in expr:
            _walk_expression(value, patterns, filter_patterns)


def _expression_variables(expr) -> set:
    found = set()
    if isinstance(expr, Variable):
        found.add(expr)
    elif isinstance(expr, CompValue):
        for value in expr.values():
            found |= _expression_variables(value)
    elif isinstance(expr, (list, tuple)):
        for value in expr:
            found |= _expression_variables(value)
    return found


def _all_variables(node) -> set:
    found = set()
    if isinstance(node, Variable):
        found.add(node)
    elif isinstance(node, CompValue):
        for key, value in node.items():
            if key != "_vars":
                found |= _all_variables(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            found |= _all_variables(value)
    return found


def _certainly_binds(node, var) -> bool:
    if not isinstance(node, CompValue):
        return False
    if node.name == "BGP":
        return any(var in (s, o) for s, _p, o in node.triples)
    if node.name == "Join":
        return _certainly_binds(node.p1, var) or _certainly_binds(node.p2, var)
    if node.name == "LeftJoin":
        return _certainly_binds(node.p1, var)
    if node.name == "Union":
        return _certainly_binds(node.p1, var) and _certainly_binds(node.p2, var)
    if node.name in ("Filter", "Extend", "Project", "Distinct", "SelectQuery"):
        return _certainly_binds(node.p, var)
    return False


def _forward(path) -> bool:
    if isinstance(path, InvPath | NegatedPath):
        return False
    if isinstance(path, SequencePath | AlternativePath):
        return all(_forward(p) for p in path.args)
    if isinstance(path, MulPath):
        return _forward(path.path)
    return not isinstance(path, Path)


def _check_anchored(patterns) -> None:
    for _s, p, _o in patterns:
        if isinstance(p, Variable) or not _forward(p):
            if isinstance(p, Variable):
                continue  # a variable predicate still walks forwards from its subject
            raise _not_compilable("a SPARQL constraint walks a path backwards")
    anchored = {THIS}
    changed = True
    while changed:
        changed = False
        for s, _p, o in patterns:
            if s in anchored and isinstance(o, Variable) and o not in anchored:
                anchored.add(o)
                changed = True
    for s, _p, _o in patterns:
        if not (isinstance(s, Variable) and s in anchored):
            raise _not_compilable("a SPARQL constraint reads triples not reachable forwards from $this")


def _predicates(patterns) -> set:
    found = set()

    def walk(path):
        if isinstance(path, SequencePath | AlternativePath):
            for part in path.args:
                walk(part)
        elif isinstance(path, MulPath):
            walk(path.path)
        elif not isinstance(path, (Path, Variable)):
            found.add(path)

    for _s, p, _o in patterns:
        walk(p)
    return found
