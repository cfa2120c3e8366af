"""Canonical Turtle: one sorted, stable layout, so that a pull request's diff shows only real changes.

rdflib's ``longturtle`` serializer already sorts subjects, predicates and objects and nests blank nodes;
we fix the prefix table (only the project's prefixes that the file uses) and the whitespace around it.
Comments do not survive: write explanations as data (rdfs:comment, skos:editorialNote) instead.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

from .namespaces import PREFIXES


def _used_namespaces(graph: Graph) -> dict[str, str]:
    iris = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                iris.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                iris.add(str(term.datatype))
    used = {}
    for prefix, namespace in sorted(PREFIXES.items()):
        ns = str(namespace)
        if any(iri.startswith(ns) and len(iri) > len(ns) for iri in iris):
            used[prefix] = ns
    return used


def canonical_turtle(graph: Graph) -> str:
    out = Graph(bind_namespaces="none")
    for prefix, namespace in _used_namespaces(graph).items():
        out.bind(prefix, namespace)
    for triple in graph:
        out.add(triple)
    text = out.serialize(format="longturtle")
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip() + "\n"


def has_blank_nodes(graph: Graph) -> bool:
    return any(isinstance(term, BNode) for triple in graph for term in triple)
