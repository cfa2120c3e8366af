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
from catalogue.namespaces import CONCEPT_STATUS, DK, EUVOC, MDL, NO, OVG, SEMAPV, SKOSNO, SSSOM, bind_prefixes
from catalogue.source.locate import CatalogueLocation
from catalogue.source.rdfio import parse_file
from catalogue.text.i18n import INVERSE

NAMESPACES = {"no": NO, "dk": DK}
LANGUAGES = {"no": ("nb", "nn", "en"), "dk": ("da", "en")}
KINDS = {
    "role": ORG.Role, "organisation": OVG.OrganisationType, "named-organisation": OVG.NamedOrganisation,
    "institution": OVG.InstitutionType, "stage": OVG.EducationStage, "service": OVG.ServiceType,
    "information": OVG.InformationCategory, "law": None, "other": None,
}
FILES = {
    "no": {"role": "aktorar.ttl", "organisation": "aktorar.ttl", "named-organisation": "aktorar.ttl",
           "institution": "opplaering.ttl", "stage": "opplaering.ttl", "service": "opplaering.ttl",
           "information": "informasjon.ttl", "law": "regelverk.ttl", "other": "opplaering.ttl"},
    "dk": {"role": "aktoerer.ttl", "organisation": "aktoerer.ttl", "named-organisation": "aktoerer.ttl",
           "institution": "uddannelse.ttl", "stage": "uddannelse.ttl", "service": "uddannelse.ttl",
           "information": "information.ttl", "law": "lovgivning.ttl", "other": "uddannelse.ttl"},
}
# The existing slugs spell the Nordic letters the way each country does in ASCII.
TRANSLITERATION = {"no": {"æ": "ae", "ø": "o", "å": "a"}, "dk": {"æ": "ae", "ø": "oe", "å": "aa"}}
RELATIONS = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
ELI_PREFIX = "https://www.retsinformation.dk/eli/"
ALIGNMENT_FILE = "vocab/alignment/no-dk.ttl"


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


def slug_for(text: str, jurisdiction: str) -> str:
    lowered = text.casefold().translate(str.maketrans(TRANSLITERATION[jurisdiction]))
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "begrep"


def _resolve(reference: str, default_namespace) -> URIRef:
    """A concept given as a full IRI, as no:slug / dk:slug, or as a bare slug in the default namespace."""
    if reference.startswith(("http://", "https://")):
        return URIRef(reference)
    for prefix, namespace in NAMESPACES.items():
        if reference.startswith(prefix + ":"):
            return namespace[reference.split(":", 1)[1]]
    return default_namespace[reference]


def _catalogue_graph(location: CatalogueLocation) -> Graph:
    from catalogue.source.loader import load

    return load(location).union("ontology", "vocab")


def propose(location: CatalogueLocation, proposal: Proposal) -> ProposalResult:
    if location.origin == "package":
        raise InputError("propose", "proposals are written into a checkout; run inside one or give --catalogue DIR")
    j = proposal.jurisdiction
    namespace = NAMESPACES[j]
    catalogue = _catalogue_graph(location)
    scheme_file = location.root / "vocab" / j / "scheme.ttl"
    collection = namespace.collection
    publisher = catalogue.value(collection, DCTERMS.publisher)
    contact = catalogue.value(collection, DCAT.contactPoint)
    if publisher is None or contact is None:
        raise InputError(scheme_file.relative_to(location.root).as_posix(),
                         "the scheme file must give the collection a dct:publisher and a dcat:contactPoint")

    name = proposal.labels.get(LANGUAGES[j][0]) or proposal.labels.get("en") or "begrep"
    base = slug_for(name, j)
    known = {str(s) for s in catalogue.subjects()} | {str(o) for o in catalogue.objects() if isinstance(o, URIRef)}
    slug, n = base, 2
    while str(namespace[slug]) in known or slug in ("scheme", "collection", "contact"):
        slug, n = f"{base}-{n}", n + 1
    iri = namespace[slug]

    relative = f"vocab/{j}/{FILES[j][proposal.kind]}"
    target = location.root / relative
    graph = parse_file(target) if target.is_file() else Graph()
    bind_prefixes(graph)
    _add_concept(graph, iri, proposal, publisher, contact, collection, namespace)
    if proposal.broader:
        parent = _resolve(proposal.broader, namespace)
        if (parent, SKOS.prefLabel, None) not in catalogue:
            raise InputError("--broader", f"{parent} is not a concept in the catalogue")
        graph.add((iri, SKOS.broader, parent))
        graph.add((parent, SKOS.narrower, iri))

    pending = [(target, canonical_turtle(graph))]
    alignment_relative = None
    if proposal.counterpart:
        other = _resolve(proposal.counterpart, NAMESPACES["dk" if j == "no" else "no"])
        if (other, SKOS.prefLabel, None) not in catalogue:
            raise InputError("--counterpart", f"{other} is not a concept in the catalogue")
        alignment_relative = ALIGNMENT_FILE
        alignment_path = location.root / ALIGNMENT_FILE
        alignment = parse_file(alignment_path) if alignment_path.is_file() else Graph()
        _add_mapping(alignment, iri, other, proposal, publisher)
        pending.append((alignment_path, canonical_turtle(alignment)))
    for path, _text in pending:
        path.parent.mkdir(parents=True, exist_ok=True)
    rewrite(pending)
    return ProposalResult(str(iri), relative, alignment_relative)


def _add_concept(graph, iri, proposal, publisher, contact, collection, namespace) -> None:
    j = proposal.jurisdiction
    today = Literal(proposal.today.isoformat(), datatype=XSD.date)
    graph.add((iri, RDF.type, SKOS.Concept))
    if KINDS[proposal.kind] is not None:
        graph.add((iri, RDF.type, KINDS[proposal.kind]))
    graph.add((iri, SKOS.inScheme, namespace.scheme))
    graph.add((collection, SKOS.member, iri))
    graph.add((iri, DCTERMS.identifier, Literal(str(iri), datatype=XSD.anyURI)))
    for lang, text in proposal.labels.items():
        graph.add((iri, SKOS.prefLabel, Literal(text, lang=lang)))
    for lang, texts in proposal.alt_labels.items():
        for text in texts:
            graph.add((iri, SKOS.altLabel, Literal(text, lang=lang)))
    source = URIRef(proposal.source) if proposal.source else None
    if j == "no":
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
            graph.add((iri, MDL.legalSource if str(source).startswith(ELI_PREFIX) else DCTERMS.source, source))
    graph.add((iri, DCTERMS.publisher, publisher))
    graph.add((iri, DCAT.contactPoint, contact))
    graph.add((iri, EUVOC.status, CONCEPT_STATUS.CANDIDATE))
    graph.add((iri, DCTERMS.created, today))
    graph.add((iri, DCTERMS.modified, today))


def _note_node(iri, lang):
    from rdflib import BNode

    return BNode(f"def-{iri.rsplit('/', 1)[-1]}-{lang}")


def _add_mapping(graph, iri, other, proposal, publisher) -> None:
    # Mappings always run from the Norwegian to the Danish concept.
    if proposal.jurisdiction == "no":
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
