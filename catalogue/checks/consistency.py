"""OWL RL consistency of the project's own ontology (never of untrusted data: OWL RL can take minutes there)."""

from __future__ import annotations

import owlrl
from owlrl.Namespaces import ERRNS
from rdflib import Graph
from rdflib.namespace import OWL, RDF


def owl_rl_problems(graph: Graph) -> list[str]:
    """Inconsistencies in the OWL RL closure of ``graph``: owlrl's own clash reports, members of
    owl:Nothing, and pairs that are both owl:sameAs and owl:differentFrom."""
    closed = Graph()
    for triple in graph:
        closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(closed)
    problems = sorted(str(m) for node in closed.subjects(RDF.type, ERRNS.ErrorMessage)
                      for m in closed.objects(node, ERRNS.error))
    problems += sorted(f"{s} is an instance of owl:Nothing" for s in closed.subjects(RDF.type, OWL.Nothing))
    same = {(s, o) for s, o in closed.subject_objects(OWL.sameAs) if s != o}
    problems += sorted(f"{s} is both owl:sameAs and owl:differentFrom {o}"
                       for s, o in closed.subject_objects(OWL.differentFrom) if (s, o) in same)
    return problems
