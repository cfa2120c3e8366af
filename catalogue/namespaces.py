"""Namespaces the project uses, in one place so that every module binds the same prefixes."""

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, VANN, XSD

OVG = Namespace("https://w3id.org/overgang/ontology#")
ALIGN = Namespace("https://w3id.org/overgang/alignment/")
GRAPH = Namespace("https://w3id.org/overgang/graph/")
SHAPES = Namespace("https://w3id.org/overgang/shapes#")
EUVOC = Namespace("http://publications.europa.eu/ontology/euvoc#")
SKOSNO = Namespace("https://data.norge.no/vocabulary/skosno#")
MDL = Namespace("https://data.gov.dk/model/core/modelling#")
DPV = Namespace("https://w3id.org/dpv#")
CV = Namespace("http://data.europa.eu/m8g/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PERSON = Namespace("http://www.w3.org/ns/person#")
SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
CONCEPT_STATUS = Namespace("http://publications.europa.eu/resource/authority/concept-status/")

ONTOLOGY_IRI = "https://w3id.org/overgang/ontology"
LANGUAGES = ("nb", "nn", "da", "en")

PREFIXES = {
    "cv": CV,
    "dcat": DCAT,
    "dct": DCTERMS,
    "dpv": DPV,
    "eli": ELI,
    "euvoc": EUVOC,
    "foaf": FOAF,
    "mdl": MDL,
    "org": ORG,
    "ovg": OVG,
    "owl": OWL,
    "ovgs": SHAPES,
    "person": PERSON,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "semapv": SEMAPV,
    "sh": SH,
    "skos": SKOS,
    "skosno": SKOSNO,
    "sssom": SSSOM,
    "vann": VANN,
    "vcard": VCARD,
    "xsd": XSD,
}


# Prefixes read from the data (each jurisdiction's vann:preferredNamespacePrefix), added when a registry is
# built, so that every report in the process writes the same short names without being handed the registry.
_FROM_DATA: dict[str, str] = {}


def remember_prefixes(prefixes: dict[str, str]) -> None:
    for prefix, namespace in prefixes.items():
        if prefix not in PREFIXES:
            _FROM_DATA[prefix] = namespace


def all_prefixes(registry=None) -> dict[str, str]:
    """The project's prefix table plus each registered jurisdiction's own prefix (from its registry entry)."""
    table = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    table.update(_FROM_DATA)
    if registry is not None:
        table.update({p: ns for p, ns in registry.prefixes().items() if p not in PREFIXES})
    return dict(sorted(table.items()))


def bind_prefixes(graph, registry=None) -> None:
    for prefix, namespace in all_prefixes(registry).items():
        graph.bind(prefix, namespace, override=True, replace=True)


def defined_terms(namespace) -> set[str]:
    """The term IRIs an rdflib DefinedNamespace declares (its closed list)."""
    from rdflib import URIRef

    terms = {str(term) for term in dir(namespace) if isinstance(term, URIRef)}
    # Names that are Python keywords (sh:or, sh:in, sh:class ...) are kept apart in _extras.
    terms.update(str(namespace._NS) + name for name in getattr(namespace, "_extras", ()))
    return terms
