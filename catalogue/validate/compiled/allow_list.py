"""Which shapes pySHACL sees in a shapes graph, and the allow-list every triple reachable from them must pass.

The compiled engine may give an answer only when it understood the whole shapes graph. So, before compiling,
every shape (found the way pySHACL finds them) and everything reachable from it through SHACL's own structure
(property shapes, nested shapes, SPARQL constraints, their prefix declarations, paths) is read triple by triple.
A predicate is either in the table for what the node is, and the compiler handles it (by compiling it or by
refusing), or it is an annotation that no SHACL engine reads; anything else refuses the whole shapes graph with
the reason. "I did not recognise it" is a refusal, never a pass.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from catalogue.validate.compiled.refusal import NotCompilable
from catalogue.validate.compiled.values import NESTED_ALLOWED, VALUE_PARAMETERS

_LOGICAL = {SH["and"], SH["or"], SH["not"], SH.xone, SH.node}
_ABOUT = {SH.name, SH.description, SH.message, SH.group, SH.order, SH.severity, SH.deactivated, SH.defaultValue}
TARGETS = {SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf}
# What the compiler reads on each kind of node. Everything here is compiled or refused by compiler.py.
# Value tests and logical constraints on a node shape are compiled when the shape is nested in a property shape
# (values.py) and refused when the shape has targets of its own.
NODE_SHAPE = _ABOUT | TARGETS | {SH.property, SH.sparql, SH.closed, SH.ignoredProperties, SH["class"],
                                 SH.nodeKind} | VALUE_PARAMETERS | _LOGICAL
PROPERTY_SHAPE = _ABOUT | {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.nodeKind} | VALUE_PARAMETERS | _LOGICAL
SPARQL_CONSTRAINT = {SH.select, SH.prefixes, SH.message, SH.deactivated, SH.name, SH.description, SH.group,
                     SH.order, SH.severity}  # sh:severity here is not read by pySHACL either: the shape's counts
PREFIX_DECLARATION = {SH.prefix, SH.namespace}
PATH_OPERATORS = {SH.alternativePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath}
SHAPE_TYPES = {SH.NodeShape, SH.PropertyShape, SH.Shape}
# Predicates outside SHACL that change what pySHACL does with a shape
_MEANINGFUL_ELSEWHERE = {URIRef("http://www.w3.org/2002/07/owl#imports")}


def _list(shapes: Graph, node) -> list:
    return list(Collection(shapes, node)) if node is not None else []


def implicit_class_types(shapes: Graph) -> set:
    """The types that make a shape its own target class, as pySHACL reads them: rdfs:Class and its direct
    subclasses in the shapes graph."""
    return {RDFS.Class, *shapes.subjects(RDFS.subClassOf, RDFS.Class)}


def all_shapes(shapes: Graph) -> set:
    """Every node pySHACL treats as a shape (pyshacl.shapes_graph._build_node_shape_cache)."""
    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    for predicate in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.property, SH.node):
        found.update(shapes.subjects(predicate, None))
    for predicate in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
        found.update(shapes.objects(None, predicate))
    for predicate in (SH["and"], SH["or"], SH.xone):
        for members in shapes.objects(None, predicate):
            found.update(_list(shapes, members))
    return found


def targeted_shapes(shapes: Graph) -> set:
    implicit = implicit_class_types(shapes)
    out = set()
    for shape in all_shapes(shapes):
        if any((shape, p, None) in shapes for p in (*TARGETS, SH.targetNode, SH.target)) or \
                any(t in implicit for t in shapes.objects(shape, RDF.type)):
            out.add(shape)
    return out


def _is_annotation(predicate) -> bool:
    return not str(predicate).startswith(str(SH)) and predicate != RDF.type and predicate not in _MEANINGFUL_ELSEWHERE


def _short(iri) -> str:
    return "sh:" + str(iri)[len(str(SH)):] if str(iri).startswith(str(SH)) else iri.n3()


def _refuse(node, predicate, what: str) -> NotCompilable:
    name = _short(predicate) if isinstance(predicate, URIRef) else str(predicate)
    where = node.n3() if isinstance(node, URIRef) else "a blank node"
    return NotCompilable(f"{name} on {what} {where} is not something the compiled engine handles")


def _check_types(shapes: Graph, node, allowed: set, what: str) -> None:
    for kind in shapes.objects(node, RDF.type):
        if str(kind).startswith(str(SH)) and kind not in allowed:
            raise NotCompilable(f"{what} {node.n3() if isinstance(node, URIRef) else 'a blank node'} "
                                f"is also a {_short(kind)}, which the compiled engine does not handle")


def _check_node(shapes: Graph, node, table: set, what: str) -> None:
    for predicate in set(shapes.predicates(node)):
        if predicate in table or predicate == RDF.type or _is_annotation(predicate):
            continue
        raise _refuse(node, predicate, what)


def _check_path(shapes: Graph, path) -> None:
    if isinstance(path, URIRef):
        return
    if not isinstance(path, BNode):
        raise NotCompilable("a path that is not an IRI or a blank node")
    predicates = set(shapes.predicates(path))
    if predicates <= {RDF.first, RDF.rest} and predicates:
        for member in _list(shapes, path):
            _check_path(shapes, member)
        return
    if len(predicates) != 1 or len(list(shapes.objects(path, next(iter(predicates))))) != 1:
        raise NotCompilable("a path node with more than one description")
    (operator,) = predicates
    inner = shapes.value(path, operator)
    if operator == SH.alternativePath:
        for member in _list(shapes, inner):
            _check_path(shapes, member)
    elif operator in PATH_OPERATORS or operator == SH.inversePath:
        _check_path(shapes, inner)
    else:
        raise NotCompilable(f"a path uses {_short(operator)}, which the compiled engine does not handle")


def _check_deactivated(shapes: Graph, node) -> None:
    values = list(shapes.objects(node, SH.deactivated))
    if len(values) > 1 or any(not (isinstance(v, Literal) and isinstance(v.value, bool)) for v in values):
        raise NotCompilable("sh:deactivated that is not one xsd:boolean")


def check_allowed(shapes: Graph) -> None:
    """Raise NotCompilable unless every triple reachable from a shape is one the compiler handles."""
    for kind in (SH.ConstraintComponent, SH.Parameter):
        if (None, RDF.type, kind) in shapes or (None, RDFS.subClassOf, kind) in shapes:
            raise NotCompilable("the shapes declare their own constraint components (SHACL-SPARQL components)")
    if (None, SH.parameter, None) in shapes or (None, SH.validator, None) in shapes:
        raise NotCompilable("the shapes declare their own constraint components (SHACL-SPARQL components)")
    for shape in all_shapes(shapes):
        is_property = (shape, SH.path, None) in shapes
        what = "the property shape" if is_property else "the shape"
        _check_types(shapes, shape, SHAPE_TYPES, what)
        _check_deactivated(shapes, shape)
        _check_node(shapes, shape, PROPERTY_SHAPE if is_property else NODE_SHAPE, what)
        for path in shapes.objects(shape, SH.path):
            _check_path(shapes, path)
        if is_property and (shape, SH.property, None) in shapes:
            raise NotCompilable("a property shape with its own sh:property (nested property shapes)")
        for constraint in shapes.objects(shape, SH.sparql):
            _check_types(shapes, constraint, {SH.SPARQLConstraint}, "the SPARQL constraint")
            _check_deactivated(shapes, constraint)
            _check_node(shapes, constraint, SPARQL_CONSTRAINT, "the SPARQL constraint")
            for holder in shapes.objects(constraint, SH.prefixes):
                if any(p in _MEANINGFUL_ELSEWHERE for p in shapes.predicates(holder)):
                    raise NotCompilable("sh:prefixes that import other graphs (owl:imports)")
                for declaration in shapes.objects(holder, SH.declare):
                    _check_types(shapes, declaration, {SH.PrefixDeclaration}, "the prefix declaration")
                    _check_node(shapes, declaration, PREFIX_DECLARATION, "the prefix declaration")
    for nested in _logical_members(shapes):
        _check_types(shapes, nested, SHAPE_TYPES, "the nested shape")
        for predicate in set(shapes.predicates(nested)):
            if predicate != RDF.type and predicate not in NESTED_ALLOWED and not _is_annotation(predicate):
                raise _refuse(nested, predicate, "the nested shape")


def _logical_members(shapes: Graph) -> set:
    out = set()
    for predicate in (SH["not"], SH.node):
        out.update(shapes.objects(None, predicate))
    for predicate in (SH["and"], SH["or"], SH.xone):
        for members in shapes.objects(None, predicate):
            out.update(_list(shapes, members))
    return out
