"""Value tests of SHACL Core, decided in Python exactly as pySHACL decides them.

These are the tests whose meaning depends on rdflib's reading of a literal (is "2026-02-30" a valid
xsd:date? is "07" <= 30?), so they run here, on rdflib terms, once per distinct value, and not in SPARQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox
from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from catalogue.validate.compiled.refusal import NotCompilable
from catalogue.validate.literal_view import seen_as

VALUE_PARAMETERS = {SH.datatype, SH.pattern, SH.flags, SH.minInclusive, SH.maxInclusive, SH.minExclusive,
                    SH.maxExclusive, SH.minLength, SH.maxLength, SH["in"]}
_LOGICAL = {SH["or"]: SH.OrConstraintComponent, SH["and"]: SH.AndConstraintComponent,
            SH["not"]: SH.NotConstraintComponent, SH.xone: SH.XoneConstraintComponent,
            SH.node: SH.NodeConstraintComponent}
NESTED_ALLOWED = VALUE_PARAMETERS | set(_LOGICAL) | {SH.nodeKind, SH.name, SH.description, SH.message,
                                                      SH.severity, SH.order, SH.group}


@dataclass(frozen=True)
class ValueTest:
    component: URIRef
    accepts: Callable[[object], bool]
    datatype: URIRef | None = None  # the sh:datatype a DatatypeConstraintComponent test asks for


def rdflib_term(term):
    """A pyoxigraph term as the rdflib term rdflib's own parser would have made."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == str(XSD.string):
        return Literal(term.value)
    # As written, and ill-typed where XSD says so: what the pySHACL path sees (literal_view.py).
    return seen_as(Literal(term.value, datatype=URIRef(datatype), normalize=False))


# pySHACL's DatatypeConstraintComponent._assert_actual_datatype, by datatype.
def _python_type_check(datatype):
    from datetime import date, datetime, time
    from decimal import Decimal

    checks = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
              XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
    wanted = checks.get(datatype)
    return (lambda value: isinstance(value, wanted)) if wanted is not None else (lambda value: True)


def _datatype(rule) -> Callable[[object], bool]:
    python_check = _python_type_check(rule)

    def accepts(v) -> bool:
        if not isinstance(v, Literal):
            return False
        if v.datatype == rule:
            if getattr(v, "ill_typed", None) is True:
                return False
            return python_check(v.value)
        if rule == RDFS.Literal:
            return True
        if rule == RDFS.Datatype and v.datatype:
            return True
        if v.datatype is None and v.language is None and rule == XSD.string:
            return python_check(v.value)
        if rule == RDF.langString and v.language:
            return python_check(v.value)
        return False

    return accepts


def _as_string(v) -> str:
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, RDF.langString, XSD.string):
        return str(v.value)
    return str(v)


def _pattern(pattern: Literal, flags: Literal | None) -> Callable[[object], bool]:
    re_flags = 0
    if flags is not None:
        text = str(flags.value).lower()
        re_flags |= re.I if "i" in text else 0
        re_flags |= re.M if "m" in text else 0
    source = str(pattern.value) if pattern.value is not None and len(pattern.value) > 1 else str(pattern)
    matcher = re.compile(source, re_flags)

    def accepts(v) -> bool:
        if isinstance(v, BNode):
            return False
        text = _as_string(v)
        return bool(matcher.match(text) or matcher.search(text))

    return accepts


def _range(bound: Literal, passes: Callable[[int], bool]) -> Callable[[object], bool]:
    bound_is_string = isinstance(bound.value, str)

    def accepts(v) -> bool:
        if not isinstance(v, Literal):
            return False
        if bound_is_string != isinstance(v.value, str):
            return False
        try:
            return passes(compare_literal(v, bound))
        except (TypeError, NotImplementedError):
            return False

    return accepts


def _length(bound: int, longest: bool) -> Callable[[object], bool]:
    def accepts(v) -> bool:
        if isinstance(v, BNode):
            return False
        size = len(_as_string(v))
        return size <= bound if longest else size >= bound

    return accepts


def _node_kind(kind) -> Callable[[object], bool]:
    kinds = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
             SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}
    if kind not in kinds:
        raise NotCompilable("unknown sh:nodeKind")
    return lambda v: isinstance(v, kinds[kind])


def _nested(shapes: Graph, shape) -> Callable[[object], bool]:
    """A shape used inside sh:or / sh:and / sh:not / sh:xone / sh:node, when it only tests the value itself."""
    for predicate in set(shapes.predicates(shape)):
        if predicate == RDF.type:
            continue
        if predicate not in NESTED_ALLOWED:
            raise NotCompilable("a nested shape tests more than the value itself")
    tests = [t.accepts for t in _tests(shapes, shape)]
    kind = shapes.value(shape, SH.nodeKind)
    if kind is not None:
        tests.append(_node_kind(kind))
    return lambda v: all(test(v) for test in tests)


def _tests(shapes: Graph, shape) -> list[ValueTest]:
    out = []
    for rule in shapes.objects(shape, SH.datatype):
        out.append(ValueTest(SH.DatatypeConstraintComponent, _datatype(rule), rule))
    flags = shapes.value(shape, SH.flags)
    for pattern in shapes.objects(shape, SH.pattern):
        out.append(ValueTest(SH.PatternConstraintComponent, _pattern(pattern, flags)))
    ranges = ((SH.minInclusive, SH.MinInclusiveConstraintComponent, lambda c: c >= 0),
              (SH.maxInclusive, SH.MaxInclusiveConstraintComponent, lambda c: c <= 0),
              (SH.minExclusive, SH.MinExclusiveConstraintComponent, lambda c: c > 0),
              (SH.maxExclusive, SH.MaxExclusiveConstraintComponent, lambda c: c < 0))
    for predicate, component, passes in ranges:
        for bound in shapes.objects(shape, predicate):
            if not isinstance(bound, Literal):
                raise NotCompilable("a range bound that is not a literal")
            out.append(ValueTest(component, _range(bound, passes)))
    for predicate, component, longest in ((SH.minLength, SH.MinLengthConstraintComponent, False),
                                          (SH.maxLength, SH.MaxLengthConstraintComponent, True)):
        for bound in shapes.objects(shape, predicate):
            if not (isinstance(bound, Literal) and isinstance(bound.value, int)):
                raise NotCompilable("a length bound that is not an integer")
            out.append(ValueTest(component, _length(bound.value, longest)))
    for members in shapes.objects(shape, SH["in"]):
        allowed = list(Collection(shapes, members))
        # rdflib tells "x" from "x"^^xsd:string and pyoxigraph does not; leave such lists to pySHACL.
        if any(isinstance(m, Literal) and (m.datatype in (None, XSD.string)) and not m.language for m in allowed):
            raise NotCompilable("sh:in with plain string literals")
        allowed_set = set(allowed)
        out.append(ValueTest(SH.InConstraintComponent, lambda v, allowed_set=allowed_set: v in allowed_set))
    for predicate, component in _LOGICAL.items():
        for argument in shapes.objects(shape, predicate):
            if predicate in (SH["not"], SH.node):
                inner = _nested(shapes, argument)
                accepts = (lambda v, inner=inner: not inner(v)) if predicate == SH["not"] else inner
            else:
                members = [_nested(shapes, m) for m in Collection(shapes, argument)]
                if predicate == SH["or"]:
                    accepts = lambda v, members=members: any(m(v) for m in members)  # noqa: E731
                elif predicate == SH["and"]:
                    accepts = lambda v, members=members: all(m(v) for m in members)  # noqa: E731
                else:
                    accepts = lambda v, members=members: sum(1 for m in members if m(v)) == 1  # noqa: E731
            out.append(ValueTest(component, accepts))
    return out


def value_test(shapes: Graph, shape) -> list[ValueTest]:
    return _tests(shapes, shape)
