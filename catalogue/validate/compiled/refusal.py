"""Why the compiled engine refuses a shapes graph, and the prefixes a SHACL-SPARQL constraint declares.

Kept apart from the compiler so that the value tests, the anchoring check and the shipped query checks can
refuse without importing the compiler that uses them.
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, SH


class NotCompilable(Exception):
    """The shapes use something the compiled engine does not handle exactly; use pySHACL."""


def declared_prefixes(shapes: Graph, constraint) -> dict[str, str]:
    """The prefixes a SPARQL constraint may use: its own sh:prefixes and those its shapes graph declares."""
    declares = set()
    for holder in shapes.objects(constraint, SH.prefixes):
        declares.update(shapes.objects(holder, SH.declare))
    for ontology in shapes.subjects(RDF.type, OWL.Ontology):
        declares.update(shapes.objects(ontology, SH.declare))
    out = {}
    for declare in declares:
        prefix, namespace = shapes.value(declare, SH.prefix), shapes.value(declare, SH.namespace)
        if prefix is not None and namespace is not None:
            out[str(prefix)] = str(namespace)
    return out
