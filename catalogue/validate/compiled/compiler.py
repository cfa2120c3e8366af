"""Compiling a SHACL shapes graph into checks the compiled engine can run: SPARQL for the structure, Python
for the value tests whose exact meaning belongs to rdflib and pySHACL (datatypes, patterns, ranges).

Anything the compiler does not know raises ``NotCompilable``; the caller then uses pySHACL. The compiled
checks must also be record-local (see ``anchoring``): every pattern walks forward from the focus node,
because the engine validates a file in chunks and brings in only what chunks point to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from catalogue.validate.compiled import query_checks, sparql_text
from catalogue.validate.compiled.allow_list import check_allowed, implicit_class_types, targeted_shapes
from catalogue.validate.compiled.refusal import NotCompilable, declared_prefixes
from catalogue.validate.compiled.value_reads import ANY
from catalogue.validate.compiled.values import ValueTest, value_test

RDFS_SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


_NODE_KINDS = {
    SH.IRI: "isIRI(?v)", SH.BlankNode: "isBlank(?v)", SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))", SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
}
COMPONENT = {
    "minCount": SH.MinCountConstraintComponent, "maxCount": SH.MaxCountConstraintComponent,
    "class": SH.ClassConstraintComponent, "nodeKind": SH.NodeKindConstraintComponent,
    "closed": SH.ClosedConstraintComponent, "sparql": SH.SPARQLConstraintComponent,
}


@dataclass(frozen=True)
class RowCheck:
    """A query whose every row is one result: ?this, and ?path / ?value when the result has them."""
    query: str
    component: URIRef
    shape: URIRef | BNode
    severity: URIRef
    path: URIRef | None = None  # the result path when the query does not bind ?path
    constraint: URIRef | BNode | None = None
    value_is_focus: bool = False  # SPARQL constraints on node shapes: sh:value is the focus node when unbound
    reads: frozenset = frozenset()  # predicates a SPARQL constraint reads
    compares: frozenset = frozenset()  # those whose literals it reads as values (value_reads.py; ANY: all)
    matches: frozenset = frozenset()  # those whose literals it reads by identity (value_reads.py; ANY: all)
    texts: frozenset = frozenset()  # those whose literals it reads as text (STR) (value_reads.py; ANY: all)
    # (sh:minCount, sh:maxCount) when the query counts values in ?ovg_n; the count says which one failed
    count_bounds: tuple[int | None, int | None] | None = None


@dataclass(frozen=True)
class ValueCheck:
    """Distinct value nodes are tested in Python; the failing ones are looked up again to find their focus nodes."""
    values_query: str  # SELECT DISTINCT ?v (never blank nodes)
    rows_query: str  # SELECT ?this ?v ... with {VALUES} where the failing values go
    blank_rows_query: str | None  # rows whose value is a blank node, when blank nodes fail the test
    predicate: object  # the pyoxigraph NamedNode of the path: the store may have canonicalised its literals
    test: ValueTest
    component: URIRef
    shape: URIRef | BNode
    severity: URIRef
    path: URIRef | None


@dataclass
class Program:
    row_checks: list[RowCheck] = field(default_factory=list)
    value_checks: list[ValueCheck] = field(default_factory=list)

    @property
    def value_predicates(self) -> set:
        return {check.predicate for check in self.value_checks}

    @property
    def compared(self) -> set:
        """Predicates whose literals some SPARQL constraint reads as values, by identity or as text, as pyoxigraph
        NamedNodes; with ANY when a constraint may read any predicate's literals so."""
        out = set()
        for check in self.row_checks:
            out |= {p if p == ANY else ox.NamedNode(p) for p in check.compares | check.matches | check.texts}
        return out

    @property
    def required_datatypes(self) -> dict:
        """Predicate -> the datatypes sh:datatype asks of its values (on a plain path, outside sh:or ...)."""
        out: dict = {}
        for check in self.value_checks:
            if check.test.datatype is not None:
                out.setdefault(check.predicate, set()).add(str(check.test.datatype))
        return out

    @property
    def size(self) -> int:
        return len(self.row_checks) + len(self.value_checks)


def _sparql_term(node) -> str:
    if isinstance(node, URIRef):
        if any(c in str(node) for c in '<>"{}|^`\\ \n'):
            raise NotCompilable("an IRI in the shapes cannot be written in SPARQL")
        return f"<{node}>"
    raise NotCompilable("the shapes use a blank node or literal where an IRI is needed")


def _path(shapes: Graph, path) -> tuple[str, URIRef | None]:
    """The SPARQL property path and, for a plain predicate, the result path."""
    if isinstance(path, URIRef):
        return _sparql_term(path), path
    if isinstance(path, BNode):
        if (path, RDF.first, None) in shapes:
            parts = [_path(shapes, p)[0] for p in Collection(shapes, path)]
            if not parts:
                raise NotCompilable("an empty sequence path")
            return "(" + "/".join(parts) + ")", None
        alternatives = shapes.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(_path(shapes, p)[0] for p in Collection(shapes, alternatives)) + ")", None
        for predicate, op in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
            inner = shapes.value(path, predicate)
            if inner is not None:
                return "(" + _path(shapes, inner)[0] + ")" + op, None
    # Inverse paths look backwards from the focus node, which a chunk cannot see whole.
    raise NotCompilable("the shapes use a path the compiled engine does not handle (inverse or unknown)")


def _target(shapes: Graph, shape) -> str | None:
    parts = []
    for cls in sorted(shapes.objects(shape, SH.targetClass)):
        parts.append(f"{{ ?this {RDF_TYPE}/{RDFS_SUBCLASS}* {_sparql_term(cls)} }}")
    for prop in sorted(shapes.objects(shape, SH.targetObjectsOf)):
        parts.append(f"{{ ?ovg_s {_sparql_term(prop)} ?this }}")
    for prop in sorted(shapes.objects(shape, SH.targetSubjectsOf)):
        parts.append(f"{{ ?this {_sparql_term(prop)} ?ovg_o }}")
    if (shape, SH.targetNode, None) in shapes or (shape, SH.target, None) in shapes:
        raise NotCompilable("sh:targetNode and SPARQL-based targets are validated by pySHACL")
    if any(kind in implicit_class_types(shapes) for kind in shapes.objects(shape, RDF.type)):
        # A shape that is also a class targets that class's instances (an implicit class target).
        parts.append(f"{{ ?this {RDF_TYPE}/{RDFS_SUBCLASS}* {_sparql_term(shape)} }}")
    if not parts:
        return None
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"


def _severity(shapes: Graph, shape) -> URIRef:
    return shapes.value(shape, SH.severity) or SH.Violation


def _deactivated(shapes: Graph, node) -> bool:
    """pySHACL's reading (allow_list checked that the value is one xsd:boolean)."""
    value = shapes.value(node, SH.deactivated)
    return isinstance(value, Literal) and bool(value.value)


def compile_shapes(shapes: Graph) -> Program:
    """Raises NotCompilable, with the reason, unless every triple reachable from a shape is understood."""
    check_allowed(shapes)
    program = Program()
    for shape in sorted(targeted_shapes(shapes), key=str):
        if _deactivated(shapes, shape):
            continue
        if (shape, SH.path, None) in shapes:
            raise NotCompilable("a property shape with its own target is validated by pySHACL")
        target = _target(shapes, shape)
        severity = _severity(shapes, shape)
        _value_constraints(program, shapes, shape, target, "?this", None, severity, focus_is_value=True)
        _closed(program, shapes, shape, target, severity)
        for constraint in sorted(shapes.objects(shape, SH.sparql), key=str):
            if _deactivated(shapes, constraint):
                continue
            program.row_checks.append(_sparql_constraint(shapes, shape, constraint, target, severity))
        for prop in sorted(shapes.objects(shape, SH.property), key=str):
            if _deactivated(shapes, prop):
                continue
            if (prop, SH.path, None) not in shapes:
                raise NotCompilable("a value of sh:property without sh:path")
            if (prop, SH.sparql, None) in shapes or (prop, SH.closed, None) in shapes:
                raise NotCompilable("SPARQL constraints and sh:closed on property shapes are validated by pySHACL")
            path_node = shapes.value(prop, SH.path)
            path_text, result_path = _path(shapes, path_node)
            first = len(program.row_checks)
            _cardinality(program, shapes, prop, target, path_text, result_path)
            _value_constraints(program, shapes, prop, target, path_text, result_path, _severity(shapes, prop))
            if result_path is None:  # a complex path: results name it whole, as pySHACL's do
                program.row_checks[first:] = [replace(c, path=path_node) for c in program.row_checks[first:]]
    return program


def _cardinality(program, shapes, prop, target, path_text, result_path):
    """sh:minCount and sh:maxCount of a property shape in one query: one pass counts the values once."""
    bounds = {}
    for name in ("minCount", "maxCount"):
        bound = shapes.value(prop, SH[name])
        if bound is None:
            continue
        if not (isinstance(bound, Literal) and isinstance(bound.value, int)):
            raise NotCompilable(f"sh:{name} is not an integer")
        if name == "minCount" and bound.value <= 0:
            continue
        bounds[name] = int(bound.value)
    if not bounds or target is None:
        return
    # A plain predicate has distinct values in one graph; a complex path can reach a value twice.
    counted = "COUNT(?v)" if result_path is not None else "COUNT(DISTINCT ?v)"
    failing = []
    if "minCount" in bounds:
        failing.append(f"{counted} < {bounds['minCount']}")
    if "maxCount" in bounds:
        failing.append(f"{counted} > {bounds['maxCount']}")
    having = " || ".join(failing)  # HAVING cannot see the ?ovg_n the SELECT clause names
    query = (f"SELECT ?this (({counted}) AS ?ovg_n) WHERE {{ {target} OPTIONAL {{ ?this {path_text} ?v }} }} "
             f"GROUP BY ?this HAVING ({having})")
    component = COMPONENT["minCount"] if "minCount" in bounds else COMPONENT["maxCount"]
    program.row_checks.append(RowCheck(query, component, prop, _severity(shapes, prop), result_path,
                                       count_bounds=(bounds.get("minCount"), bounds.get("maxCount"))))


def _value_constraints(program, shapes, shape, target, path_text, result_path, severity, focus_is_value=False):
    """sh:class and sh:nodeKind become SPARQL; the value tests (datatype, pattern, ranges ...) Python."""
    if target is None:
        return
    values = "BIND (?this AS ?v)" if focus_is_value else f"?this {path_text} ?v ."
    for cls in sorted(shapes.objects(shape, SH["class"]), key=str):
        query = (f"SELECT DISTINCT ?this ?v WHERE {{ {target} {values} "
                 f"OPTIONAL {{ ?v {RDF_TYPE}/{RDFS_SUBCLASS}* {_sparql_term(cls)} BIND (true AS ?ovg_ok) }} "
                 f"FILTER (!BOUND(?ovg_ok)) }}")
        program.row_checks.append(RowCheck(query, COMPONENT["class"], shape, severity, result_path))
    kind = shapes.value(shape, SH.nodeKind)
    if kind is not None:
        if kind not in _NODE_KINDS:
            raise NotCompilable("an unknown sh:nodeKind")
        query = f"SELECT DISTINCT ?this ?v WHERE {{ {target} {values} FILTER (!{_NODE_KINDS[kind]}) }}"
        program.row_checks.append(RowCheck(query, COMPONENT["nodeKind"], shape, severity, result_path))
    tests = value_test(shapes, shape)
    if tests and (focus_is_value or result_path is None):
        raise NotCompilable("value tests on the focus node or on a complex path are validated by pySHACL")
    for test in tests:
        rows = f"SELECT DISTINCT ?this ?v WHERE {{ {target} {values} VALUES ?v {{ {{VALUES}} }} }}"
        blank_rows = (f"SELECT DISTINCT ?this ?v WHERE {{ {target} {values} FILTER (isBlank(?v)) }}"
                      if not test.accepts(BNode()) else None)
        program.value_checks.append(ValueCheck(
            values_query=f"SELECT DISTINCT ?v WHERE {{ {target} {values} FILTER (!isBlank(?v)) }}",
            rows_query=rows, blank_rows_query=blank_rows, predicate=ox.NamedNode(str(result_path)), test=test, component=test.component, shape=shape,
            severity=severity, path=result_path))


def _closed(program, shapes, shape, target, severity):
    closed = shapes.value(shape, SH.closed)
    if not (isinstance(closed, Literal) and closed.value is True) or target is None:
        return
    allowed = set()
    for prop in shapes.objects(shape, SH.property):
        path = shapes.value(prop, SH.path)
        if isinstance(path, URIRef):
            allowed.add(path)
    ignored = shapes.value(shape, SH.ignoredProperties)
    if ignored is not None:
        allowed.update(Collection(shapes, ignored))
    allowed_text = ", ".join(_sparql_term(p) for p in sorted(allowed))
    condition = f"FILTER (?path NOT IN ({allowed_text}))" if allowed else ""
    query = f"SELECT ?this ?path ?value WHERE {{ {target} ?this ?path ?value . {condition} }}"
    program.row_checks.append(RowCheck(query, COMPONENT["closed"], shape, severity))


def _sparql_constraint(shapes: Graph, shape, constraint, target, severity) -> RowCheck:
    if target is None:
        raise NotCompilable("a SPARQL constraint on a shape without targets")
    if (constraint, SH.ask, None) in shapes or (constraint, SH.select, None) not in shapes:
        raise NotCompilable("only sh:select SPARQL constraints are compiled")
    select = shapes.value(constraint, SH.select)
    prefixes = declared_prefixes(shapes, constraint)
    projected, predicates, (compares, matches, texts) = query_checks.checked(str(select), prefixes)
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))
    try:
        body = sparql_text.rewrite_not_exists(str(select))
    except sparql_text.Unrewritable:
        body = str(select)
    # The constraint runs once over the chunk with ?this free and is then joined to the focus nodes. That is
    # the pre-binding of SHACL-SPARQL because check_query proved ?this bound by the query's own patterns.
    # DISTINCT over every projected variable is pySHACL's own de-duplication of rows.
    extra = " ".join(f"?{v}" for v in sorted(projected - {"this"}))
    query = f"{header}SELECT DISTINCT ?this {extra} WHERE {{ {target} {{ {body} }} }}"
    return RowCheck(query, COMPONENT["sparql"], shape, severity, constraint=constraint, value_is_focus=True,
                    reads=frozenset(predicates), compares=frozenset(compares), matches=frozenset(matches),
                    texts=frozenset(texts))
