"""Canonical Turtle: one sorted, stable layout, so that a pull request's diff shows only real changes.

rdflib's ``longturtle`` serializer already sorts subjects, predicates and objects and nests blank nodes;
we fix the prefix table (only the project's and the registered jurisdictions' prefixes that the file uses, plus
``ns1``, ``ns2`` … for any other namespace, numbered in sorted order so that the text never depends on hash
order) and the whitespace around it.
Comments do not survive: write explanations as data (rdfs:comment, skos:editorialNote) instead.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, split_uri

from catalogue.namespaces import all_prefixes


def _used_namespaces(graph: Graph) -> dict[str, str]:
    iris = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                iris.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                iris.add(str(term.datatype))
    def in_use(ns: str) -> bool:
        return any(iri.startswith(ns) and len(iri) > len(ns) for iri in iris)

    used = {prefix: ns for prefix, ns in all_prefixes().items() if in_use(ns)}
    # Then the prefixes the file itself declares (a new jurisdiction's own, say), in sorted order, where they
    # name a namespace the table does not cover; generated names (ns1, …) are not kept.
    for prefix, namespace in sorted((str(p), str(n)) for p, n in graph.namespaces()):
        if (prefix and not re.fullmatch(r"ns\d+|default\d*", prefix) and prefix not in used
                and namespace not in used.values() and in_use(namespace)):
            used[prefix] = namespace
    # rdflib invents a prefix for a predicate or class outside the table, numbered in the order it meets
    # them (hash order); name those namespaces here instead, in sorted order.
    foreign = set()
    for s, p, o in graph:
        for term in (p, o) if p == RDF.type else (p,):
            if isinstance(term, URIRef) and not any(str(term).startswith(ns) for ns in used.values()):
                try:
                    foreign.add(split_uri(str(term))[0])
                except ValueError:
                    continue
    taken = set(used)
    number = 0
    for ns in sorted(foreign):
        number += 1
        while f"ns{number}" in taken:
            number += 1
        used[f"ns{number}"] = ns
    return used


def canonical_turtle(graph: Graph) -> str:
    out = Graph(bind_namespaces="none")
    for prefix, namespace in _used_namespaces(graph).items():
        out.bind(prefix, namespace)
    # longturtle orders blank nodes by their labels, which come from parsing; relabel them by content
    # so that the same data always gives the same text.
    for triple in _content_labelled(graph) if has_blank_nodes(graph) else graph:
        out.add(triple)
    text = out.serialize(format="longturtle")
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip() + "\n"


def _content_labelled(graph: Graph) -> Graph:
    """A copy of ``graph`` whose blank nodes are named by what they contain and where they hang.

    A blank node's name hashes its own triples (recursively) together with the subject and predicate
    that point at it, so equal-looking nodes under different subjects get different, stable names.
    The catalogue's blank nodes are trees (definitions, rules, periods); on a cycle, the recursion stops.
    """
    content: dict[BNode, str] = {}

    def content_of(node: BNode, path: frozenset) -> str:
        if node not in content:
            parts = []
            for p, o in graph.predicate_objects(node):
                if isinstance(o, BNode):
                    o_key = "_:" + (content_of(o, path | {node}) if o not in path and o != node else "cycle")
                else:
                    o_key = o.n3()
                parts.append(f"{p.n3()} {o_key}")
            content[node] = hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()
        return content[node]

    final: dict[BNode, str] = {}

    def name_of(node: BNode, path: frozenset) -> str:
        if node not in final:
            parents = sorted(graph.subject_predicates(node), key=lambda sp: (str(sp[0]), str(sp[1])))
            if len(parents) == 1 and parents[0][0] not in path:
                parent, predicate = parents[0]
                anchor = name_of(parent, path | {node}) if isinstance(parent, BNode) else parent.n3()
                key = f"{anchor} {predicate.n3()} {content_of(node, frozenset())}"
            else:
                key = content_of(node, frozenset())
            final[node] = "b" + hashlib.sha256(key.encode()).hexdigest()[:24]
        return final[node]

    relabelled = Graph()
    mapping: dict[BNode, BNode] = {}
    used: dict[str, int] = {}
    for node in sorted({t for triple in graph for t in triple if isinstance(t, BNode)}, key=str):
        name = name_of(node, frozenset())
        count = used.get(name, 0)
        used[name] = count + 1
        # Only true duplicates (same parent, predicate and content) can collide, and they print identically.
        mapping[node] = BNode(name if count == 0 else f"{name}x{count}")
    for s, p, o in graph:
        relabelled.add((mapping.get(s, s), p, mapping.get(o, o)))
    return relabelled


def has_blank_nodes(graph: Graph) -> bool:
    return any(isinstance(term, BNode) for triple in graph for term in triple)
