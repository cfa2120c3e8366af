"""Why the compiled engine refuses a shapes graph, and the prefixes a SHACL-SPARQL constraint declares.

Kept apart from the compiler so that the value tests, the anchoring check and the shipped query checks can
refuse without importing the compiler that uses them.
"""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, SH


class NotCompilable(Exception):
    """The shapes use something the compiled engine does not handle exactly; use pySHACL."""


def declared_prefixes(shapes: Graph, constraint) -> dict[str, str]:
    """The prefixes a SPARQL constraint may use, read as pySHACL reads them (SPARQLQueryHelper.collect_prefixes):
    none without sh:prefixes; an ontology's own declarations when sh:prefixes names an ontology that has some;
    otherwise the holder's and every ontology's. Declarations pySHACL would reject are refused."""
    holders = set(shapes.objects(constraint, SH.prefixes))
    if not holders:
        return {}
    ontologies = set(shapes.subjects(RDF.type, OWL.Ontology))
    every_ontology = {d for o in ontologies for d in shapes.objects(o, SH.declare)}
    declares = set()
    for holder in holders:
        own = set(shapes.objects(holder, SH.declare))
        declares |= own if own and holder in ontologies else own | every_ontology
    out = {}
    for declare in declares:
        prefixes, namespaces = list(shapes.objects(declare, SH.prefix)), list(shapes.objects(declare, SH.namespace))
        if len(prefixes) != 1 or len(namespaces) != 1 or not all(isinstance(v, Literal) for v in prefixes + namespaces):
            raise NotCompilable("a prefix declaration pySHACL would reject")
        prefix, namespace = str(prefixes[0]), str(namespaces[0])
        if out.get(prefix, namespace) != namespace:
            raise NotCompilable("one prefix declared with two namespaces")
        out[prefix] = namespace
    return out
