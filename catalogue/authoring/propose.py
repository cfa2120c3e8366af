"""Scaffolding a new concept: the right file, canonical form, a fresh stable identifier, nothing overwritten.

Missing fields are allowed on purpose: the proposal is written as far as it goes and `overgang check`
then says exactly what to add, in the same words as for any other concept.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, RDF, RDFS, SKOS, XSD

from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.authoring.formatting import rewrite
from catalogue.errors import InputError
from catalogue.model import derived
from catalogue.model.jurisdictions import Jurisdiction, Registry
from catalogue.namespaces import CONCEPT_STATUS, EUVOC, MDL, OVG, SEMAPV, SKOSNO, SSSOM, bind_prefixes
from catalogue.source.locate import CatalogueLocation
from catalogue.source.rdfio import parse_file
from catalogue.text.i18n import INVERSE

KINDS = {
    "role": ORG.Role, "organisation": OVG.OrganisationType, "named-organisation": OVG.NamedOrganisation,
    "institution": OVG.InstitutionType, "stage": OVG.EducationStage, "service": OVG.ServiceType,
    "information": OVG.InformationCategory, "law": None, "other": None,
}
RELATIONS = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")


@dataclass
class Proposal:
    jurisdiction: str
    kind: str = "other"
    labels: dict[str, str] = field(default_factory=dict)
    alt_labels: dict[str, list[str]] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    broader: str | None = None
    counterpart: str | None = None
    relation: str = "closeMatch"
    justification: dict[str, str] = field(default_factory=dict)
    today: datetime.date = field(default_factory=datetime.date.today)


@dataclass
class ProposalResult:
    iri: str
    file: str
    alignment_file: str | None


def slug_for(text: str, jurisdiction: Jurisdiction) -> str:
    # The existing slugs spell national letters the way the jurisdiction's registry entry says.
    lowered = text.casefold().translate(str.maketrans(jurisdiction.transliteration))
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "concept"


def _resolve(reference: str, registry: Registry, default: Jurisdiction | None, option: str) -> URIRef:
    """A concept given as a full IRI, as prefix:slug, or as a bare slug in the default jurisdiction."""
    if reference.startswith(("http://", "https://")):
        return URIRef(reference)
    for prefix, namespace in registry.prefixes().items():
        if reference.startswith(prefix + ":"):
            return URIRef(namespace + reference.split(":", 1)[1])
    if default is None:
        raise InputError(option, f"say which jurisdiction {reference!r} is in: "
                         f"{' or '.join(p + ':' + reference for p in registry.prefixes())}, or give its IRI")
    return URIRef(default.namespace + reference)


def jurisdiction_for(registry: Registry, code: str) -> Jurisdiction:
    found = registry.get(code)
    if found is None:
        raise InputError("--jurisdiction", f"unknown jurisdiction {code!r}; registered: {', '.join(registry.codes)}")
    return found


def _alignment_file(location: CatalogueLocation, a: str, b: str) -> tuple[str, bool]:
    """(file, whether mappings in it run from a to b): the pair's existing file in either order, else a-b."""
    for first, second in ((a, b), (b, a)):
        rel = f"vocab/alignment/{first}-{second}.ttl"
        if (location.root / rel).is_file():
            return rel, first == a
    return f"vocab/alignment/{a}-{b}.ttl", True


def propose(location: CatalogueLocation, proposal: Proposal) -> ProposalResult:
    from catalogue.model.jurisdictions import registry as read_registry
    from catalogue.source.loader import load

    if location.origin == "package":
        raise InputError("propose", "proposals are written into a checkout; run inside one or give --catalogue DIR")
    catalogue = load(location).union("ontology", "vocab")
    registry = read_registry(catalogue)
    jurisdiction = jurisdiction_for(registry, proposal.jurisdiction)
    j = jurisdiction.code
    scheme_file = location.root / "vocab" / j / "scheme.ttl"
    if jurisdiction.collection is None:
        raise InputError(f"vocab/{j}/jurisdiction.ttl", "the jurisdiction names no ovg:conceptCollection")
    collection = URIRef(jurisdiction.collection)
    publisher = catalogue.value(collection, DCTERMS.publisher)
    contact = catalogue.value(collection, DCAT.contactPoint)
    if publisher is None or contact is None:
        raise InputError(scheme_file.relative_to(location.root).as_posix(),
                         "the scheme file must give the collection a dct:publisher and a dcat:contactPoint")

    primary = jurisdiction.languages[0] if jurisdiction.languages else "en"
    name = proposal.labels.get(primary) or proposal.labels.get("en") or "concept"
    base = slug_for(name, jurisdiction)
    known = {str(s) for s in catalogue.subjects()} | {str(o) for o in catalogue.objects() if isinstance(o, URIRef)}
    slug, n = base, 2
    while jurisdiction.namespace + slug in known or slug in ("scheme", "collection", "contact", "jurisdiction"):
        slug, n = f"{base}-{n}", n + 1
    iri = URIRef(jurisdiction.namespace + slug)

    file_name = jurisdiction.concept_files.get(proposal.kind) or jurisdiction.concept_files.get("other") or "concepts.ttl"
    relative = f"vocab/{j}/{file_name}"
    target = location.root / relative
    graph = parse_file(target) if target.is_file() else Graph()
    bind_prefixes(graph, registry)
    _add_concept(graph, iri, proposal, publisher, contact, collection, jurisdiction)
    if proposal.broader:
        parent = _resolve(proposal.broader, registry, jurisdiction, "--broader")
        if (parent, SKOS.prefLabel, None) not in catalogue:
            raise InputError("--broader", f"{parent} is not a concept in the catalogue")
        graph.add((iri, SKOS.broader, parent))
        graph.add((parent, SKOS.narrower, iri))

    # The plain definitions and the top-concept statements follow from what was just written (model/derived.py).
    derived.apply(graph, catalogue + graph, {URIRef(x.scheme) for x in registry})
    pending = [(target, canonical_turtle(graph))]
    alignment_relative = None
    if proposal.counterpart:
        others = [x for x in registry if x.code != j]
        other = _resolve(proposal.counterpart, registry, others[0] if len(others) == 1 else None, "--counterpart")
        if (other, SKOS.prefLabel, None) not in catalogue or registry.of(str(other)) in (None, j):
            raise InputError("--counterpart", f"{other} is not a concept of another jurisdiction in the catalogue")
        alignment_relative, forwards = _alignment_file(location, j, registry.of(str(other)))
        alignment_path = location.root / alignment_relative
        alignment = parse_file(alignment_path) if alignment_path.is_file() else Graph()
        _add_mapping(alignment, iri, other, proposal, publisher, forwards)
        pending.append((alignment_path, canonical_turtle(alignment)))
    for path, _text in pending:
        path.parent.mkdir(parents=True, exist_ok=True)
    rewrite(pending)
    return ProposalResult(str(iri), relative, alignment_relative)


def _add_concept(graph, iri, proposal, publisher, contact, collection, jurisdiction) -> None:
    today = Literal(proposal.today.isoformat(), datatype=XSD.date)
    graph.add((iri, RDF.type, SKOS.Concept))
    if KINDS[proposal.kind] is not None:
        graph.add((iri, RDF.type, KINDS[proposal.kind]))
    graph.add((iri, SKOS.inScheme, URIRef(jurisdiction.scheme)))
    graph.add((collection, SKOS.member, iri))
    graph.add((iri, DCTERMS.identifier, Literal(str(iri), datatype=XSD.anyURI)))
    for lang, text in proposal.labels.items():
        graph.add((iri, SKOS.prefLabel, Literal(text, lang=lang)))
    for lang, texts in proposal.alt_labels.items():
        for text in texts:
            graph.add((iri, SKOS.altLabel, Literal(text, lang=lang)))
    source = URIRef(proposal.source) if proposal.source else None
    if jurisdiction.reified_definitions:
        relationship = "derived-from-source" if source else "self-composed"
        for lang, text in proposal.definitions.items():
            note = _note_node(iri, lang)
            graph.add((iri, EUVOC.xlDefinition, note))
            graph.add((note, RDF.type, EUVOC.XlNote))
            graph.add((note, RDF.value, Literal(text, lang=lang)))
            graph.add((note, SKOSNO.relationshipWithSource,
                       URIRef(f"https://data.norge.no/vocabulary/relationship-with-source-type#{relationship}")))
            if source:
                graph.add((note, DCTERMS.source, source))
    else:
        for lang, text in proposal.definitions.items():
            graph.add((iri, SKOS.definition, Literal(text, lang=lang)))
        if source:
            graph.add((iri, MDL.legalSource if jurisdiction.is_legal_source(str(source)) else DCTERMS.source, source))
    graph.add((iri, DCTERMS.publisher, publisher))
    graph.add((iri, DCAT.contactPoint, contact))
    graph.add((iri, EUVOC.status, CONCEPT_STATUS.CANDIDATE))
    graph.add((iri, DCTERMS.created, today))
    graph.add((iri, DCTERMS.modified, today))


def _note_node(iri, lang):
    from rdflib import BNode

    return BNode(f"def-{iri.rsplit('/', 1)[-1]}-{lang}")


def _add_mapping(graph, iri, other, proposal, publisher, forwards: bool) -> None:
    # Mappings in an alignment file a-b run from the a concept to the b concept.
    if forwards:
        source, target, relation = iri, other, proposal.relation
    else:
        source, target, relation = other, iri, INVERSE[proposal.relation]
    predicate = SKOS[relation]
    graph.add((source, predicate, target))
    record = URIRef(f"https://w3id.org/overgang/alignment/{source.rsplit('/', 1)[-1]}--{target.rsplit('/', 1)[-1]}")
    graph.add((record, RDF.type, OWL.Axiom))
    graph.add((record, OWL.annotatedSource, source))
    graph.add((record, OWL.annotatedProperty, predicate))
    graph.add((record, OWL.annotatedTarget, target))
    graph.add((record, SSSOM.mapping_justification, SEMAPV.ManualMappingCuration))
    graph.add((record, DCTERMS.creator, publisher))
    graph.add((record, DCTERMS.date, Literal(proposal.today.isoformat(), datatype=XSD.date)))
    for lang, text in proposal.justification.items():
        graph.add((record, RDFS.comment, Literal(text, lang=lang)))
