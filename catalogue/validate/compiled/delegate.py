"""A shapes graph that holds only some SHACL-SPARQL constraints, for pySHACL to answer them alone.

When a file holds a literal that rdflib and Oxigraph may compare differently, only the SPARQL constraints that
compare it need pySHACL's answer (engine.Engine.check). pySHACL then gets the shapes that hold those
constraints with their targets and nothing else they check, so it does the same work for them as over the
whole shapes graph, in a tenth of the time: a constraint's results depend only on its shape's focus nodes, its
query, its prefixes and the shape's severity and messages, which are all kept.
"""

from __future__ import annotations

from rdflib import BNode, Graph
from rdflib.namespace import OWL, RDF, SH

from catalogue.validate.graph_cache import derived

# What a shape holding a SPARQL constraint keeps besides that constraint: its targets, and what pySHACL and
# the findings read from it (severity, deactivation, messages and names). No other constraint parameter.
_SHAPE_KEEPS = {RDF.type, SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target,
                SH.severity, SH.deactivated, SH.message, SH.name, SH.description}

_reduced: dict = {}


def shapes_for(shapes: Graph, pairs: frozenset) -> Graph:
    """The shapes graph for the (shape, constraint) pairs given, made once per set of pairs."""
    by_pairs = derived(_reduced, shapes, lambda _shapes: {})
    graph = by_pairs.get(pairs)
    if graph is None:
        graph = by_pairs[pairs] = _build(shapes, pairs)
    return graph


def _build(shapes: Graph, pairs: frozenset) -> Graph:
    out = Graph()
    for prefix, namespace in shapes.namespaces():
        out.bind(prefix, namespace, override=False)

    def whole(node) -> None:
        """The node's statements, with the anonymous nodes they lead to (a prefix declaration, a list)."""
        todo, seen = [node], set()
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            for triple in shapes.triples((current, None, None)):
                out.add(triple)
                if isinstance(triple[2], BNode):
                    todo.append(triple[2])

    # Prefixes are read from sh:prefixes and from every ontology's declarations (refusal.declared_prefixes).
    for ontology in shapes.subjects(RDF.type, OWL.Ontology):
        out.add((ontology, RDF.type, OWL.Ontology))
        for declaration in shapes.objects(ontology, SH.declare):
            out.add((ontology, SH.declare, declaration))
            whole(declaration)
    for shape, constraint in pairs:
        for triple in shapes.triples((shape, None, None)):
            if triple[1] in _SHAPE_KEEPS:
                out.add(triple)
        out.add((shape, SH.sparql, constraint))
        whole(constraint)
        for holder in shapes.objects(constraint, SH.prefixes):
            whole(holder)
    return out
