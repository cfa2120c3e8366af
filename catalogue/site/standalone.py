"""What a published download must carry to be read on its own: the harvest files (one ``skos:Collection`` per
jurisdiction) and each concept's own file.

Harvesters and profile validators read such a file with nothing else loaded, and closed-world rules (SHACL
``sh:class``) only accept a link whose target the file itself describes with its type. So a download:

- describes one jurisdiction's concepts: links to other schemes (the SKOS mapping relations to another
  jurisdiction's concepts or to external terms) are left out and published in the mapping downloads instead,
  since a target from another scheme could only be described here by inventing what its publisher never said;
- carries a short description of every concept, organisation, contact point and scheme it links to;
- types the code-list entries it uses (statuses, relationship with source: concepts of an ``ovg:ExternalScheme``)
  ``ovg:ReferencedConcept``, a subclass of ``skos:Concept`` declared in the file. Validators count them as
  ``skos:Concept`` (SHACL follows ``rdfs:subClassOf`` in the data), while a harvester that takes every
  ``rdf:type skos:Concept`` as a concept of the harvested source does not republish them as ours.
"""

from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, SKOS

from catalogue.namespaces import EUVOC, OVG

# A linked concept of the same scheme is summarised by what every concept profile requires, not described
# whole: its own links would each pull in yet another concept.
_SUMMARY = (RDF.type, SKOS.prefLabel, SKOS.definition, EUVOC.xlDefinition, DCTERMS.identifier, DCTERMS.publisher,
            DCAT.contactPoint, SKOS.inScheme)


def own_description(graph: Graph, iri: URIRef, views) -> Graph:
    """The resource's description (its blank nodes included) without its links to other schemes' concepts."""
    home = views.registry.of(str(iri))
    return _graph(t for t in graph.cbd(iri) if not (t[0] == iri and _foreign(graph, views, home, t[2])))


def _foreign(graph: Graph, views, home: str | None, node) -> bool:
    """A concept of another scheme, which a file of ``home``'s concepts links to only in its mapping download:
    another jurisdiction's concept, or an external term the catalogue holds only as a stub. External terms it
    describes in full (with their publisher: the code lists in ``vocab/reference/``) travel with the file."""
    if not isinstance(node, URIRef):
        return False
    if str(node) in views.concepts:
        return views.concepts[str(node)].jurisdiction != home
    return _external(graph, views, node) and (node, DCTERMS.publisher, None) not in graph


def _external(graph: Graph, views, node) -> bool:
    return any((node, SKOS.inScheme, URIRef(s)) in graph for s in views.registry.external_schemes)


def _graph(triples) -> Graph:
    out = Graph()
    for t in triples:
        out.add(t)
    return out


def complete(graph: Graph, out: Graph, views) -> Graph:
    """Adds to ``out`` a description of every typed resource it links to, until nothing is left undescribed."""
    referenced = False
    done: set = set()
    while True:
        pending = {o for s, p, o in out if p != RDF.type and isinstance(o, URIRef) and o not in done
                   and (o, RDF.type, None) in graph and (o, None, None) not in out}
        if not pending:
            break
        for node in sorted(pending):
            done.add(node)
            if (node, RDF.type, SKOS.Collection) in graph:
                continue  # a collection names all its members; a concept's file does not republish them
            if str(node) in views.concepts:
                out += _summary(graph, node)
            elif _external(graph, views, node):
                out += _referenced(graph, node)
                referenced = True
            else:
                out += graph.cbd(node)
    if referenced:
        out.add((OVG.ReferencedConcept, RDFS.subClassOf, SKOS.Concept))
    return out


def _summary(graph: Graph, node: URIRef) -> Graph:
    out = Graph()
    for p in _SUMMARY:
        for o in graph.objects(node, p):
            out.add((node, p, o))
            if isinstance(o, BNode):
                out += graph.cbd(o)
    return out


def _referenced(graph: Graph, node: URIRef) -> Graph:
    out = Graph()
    for triple in graph.cbd(node):
        if triple[0] == node and triple[1] == RDF.type and triple[2] == SKOS.Concept:
            out.add((node, RDF.type, OVG.ReferencedConcept))
        else:
            out.add(triple)
    return out


def links(graph: Graph, views, code: str) -> Graph:
    """What the jurisdiction's harvest and concept files leave out: every link from one of its concepts to a
    concept of another scheme (mappings above all), with the targets' labels and schemes."""
    out = Graph()
    for iri, concept in views.concepts.items():
        if concept.jurisdiction != code:
            continue
        for p, o in graph.predicate_objects(URIRef(iri)):
            if _foreign(graph, views, code, o):
                out.add((URIRef(iri), p, o))
                for q in (SKOS.prefLabel, SKOS.inScheme):
                    for value in graph.objects(o, q):
                        out.add((o, q, value))
    return out
