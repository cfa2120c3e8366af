"""A concept governed by a law links the provision that governs it, not only the whole act.

What counts as an act is read from the catalogue itself: an IRI a concept points at with foaf:focus that the
catalogue also uses as a legal reference (mdl:legalSource, cv:hasLegalResource or dpv:hasLegalBasis), itself or
through one of its provisions, and any source link that a jurisdiction's ovg:actPattern marks as a whole act
(vocab/<code>/jurisdiction.ttl). A legal source is a provision when its IRI extends an act's IRI (".../§25-1"), or when the
concept names the provision with ovg:legalProvision because the act's link cannot address sections. A concept
whose only legal sources are whole acts gets a warning, unless one of its notes names the act (by one of the act
concept's labels, or by its link when the act has no concept), which is where the catalogue explains why the
whole act is linked.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, SKOS

from catalogue.checks.findings import Finding, en
from catalogue.namespaces import CV, DPV, EUVOC, MDL, OVG

NOTE_PROPERTIES = (SKOS.editorialNote, SKOS.scopeNote, SKOS.historyNote)
LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
LEGAL_REFERENCES = (MDL.legalSource, CV.hasLegalResource, DPV.hasLegalBasis)
RETIRED = URIRef("http://publications.europa.eu/resource/authority/concept-status/RETIRED")


def acts(graph) -> dict[str, URIRef]:
    """Act IRI -> the concept for that act."""
    legal = {str(o) for p in LEGAL_REFERENCES for o in graph.objects(None, p) if isinstance(o, URIRef)}
    found = {}
    for concept, focus in graph.subject_objects(FOAF.focus):
        iri = str(focus)
        if (concept, SKOS.inScheme, None) in graph and (
                iri in legal or any(ref.startswith(iri + "/") for ref in legal)):
            found[iri] = concept
    return found


def known_acts(views) -> dict[str, URIRef | None]:
    """The acts with a concept of their own, plus every source link of a concept that a jurisdiction's
    ovg:actPattern says is a whole act (no concept for it): an act the catalogue has no concept for must not let
    a whole-act link pass as a section."""
    found: dict[str, URIRef | None] = dict(acts(views.graph))
    for iri in views.concepts:
        for source in sources(views.graph, URIRef(iri)):
            if source not in found and any(j.is_whole_act(source) for j in views.registry):
                found[source] = None
    return found


def sources(graph, concept: URIRef) -> set[str]:
    found = {str(o) for o in graph.objects(concept, DCTERMS.source)}
    found |= {str(o) for o in graph.objects(concept, MDL.legalSource)}
    for note in graph.objects(concept, EUVOC.xlDefinition):
        found |= {str(o) for o in graph.objects(note, DCTERMS.source)}
    return found


def _act_of(iri: str, known: dict) -> str | None:
    if iri in known:
        return iri
    for act in known:
        if iri.startswith((act + "/", act + "#")):  # a section: Lovdata's "/§25-1", an ELI's "#P5"
            return act
    return None


def classify(graph, concept: URIRef, known: dict) -> str | None:
    """None when no law governs the concept (or it is an act itself, or retired); else "provision",
    "explained" or "whole-act"."""
    if (concept, OWL.deprecated, Literal(True)) in graph or (concept, EUVOC.status, RETIRED) in graph:
        return None
    if any(str(o) in known for o in graph.objects(concept, FOAF.focus)):
        return None
    legal = {s for s in sources(graph, concept) if _act_of(s, known)}
    if not legal:
        return None
    if (concept, OVG.legalProvision, None) in graph or any(s not in known and _act_of(s, known) for s in legal):
        return "provision"
    notes = " ".join(str(n) for p in NOTE_PROPERTIES for n in graph.objects(concept, p)).casefold()
    for act in legal:
        act_concept = known.get(act)
        if act_concept is None:  # an act with no concept of its own: the note must cite it by link or identifier
            if any(name in notes for name in _act_names(act)):
                return "explained"
            continue
        labels = {str(label).casefold() for p in LABEL_PROPERTIES for label in graph.objects(act_concept, p)}
        if any(label and label in notes for label in labels):
            return "explained"
    return "whole-act"


def _act_names(link: str) -> set[str]:
    """How a note can cite an act that has no concept: by its link, or by the last part of the link when that
    is a whole identifier on its own (Lovdata's "1997-06-19-62", written "LOV-1997-06-19-62" in prose)."""
    names = {link.casefold()}
    last = link.rstrip("/").rsplit("/", 1)[-1].casefold()
    if len(last) >= 8 and any(c.isdigit() for c in last):
        names.add(last)
    return names


def kinds(views) -> dict[str, str]:
    """Concept IRI -> "provision", "explained" or "whole-act", for every concept a law governs."""
    graph, known = views.graph, known_acts(views)
    found = {iri: classify(graph, URIRef(iri), known) for iri in views.concepts}
    return {iri: kind for iri, kind in found.items() if kind is not None}


def coverage(views) -> tuple[int, int]:
    """(concepts linked at provision level, concepts that a specific provision should govern): a concept whose
    note explains why it links the whole act is left out of the second number, every other law-governed one
    counts."""
    found = kinds(views).values()
    provision = sum(1 for k in found if k == "provision")
    return provision, provision + sum(1 for k in found if k == "whole-act")


def plain_share(views) -> tuple[int, int]:
    """(concepts linked at provision level, every law-governed concept): the same count without leaving out the
    concepts whose note explains a whole-act link, so the share cannot be raised by writing notes."""
    found = kinds(views).values()
    return sum(1 for k in found if k == "provision"), len(found)


def whole_act_only(views):
    graph, known = views.graph, known_acts(views)
    return [Finding("legal-sources:whole-act", "warning",
                    en("the concept's only legal source is a whole act: link the provision that governs it (or "
                       "name it with ovg:legalProvision), or say in a note why the whole act is linked"), iri)
            for iri in views.concepts if classify(graph, URIRef(iri), known) == "whole-act"]


CHECKS = {"legal-sources:whole-act": whole_act_only}
