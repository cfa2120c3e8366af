"""The JSON-LD context of the handover's JSON form, generated from the model.

With it any JSON-LD processor reads the JSON form as the RDF the shapes validate. The context is published at
CONTEXT_URL; ``overgang validate`` uses the bundled copy (never a fetched one).
"""

from __future__ import annotations

from rdflib.namespace import RDF, XSD

from catalogue.handover_json.model import HandoverModel

BASE_URL = "https://w3id.org/overgang/handover-json/"
CONTEXT_URL = BASE_URL + "context.jsonld"
SCHEMA_URL = BASE_URL + "handover.schema.json"
# Where the generated files live in a catalogue folder (shipped with the package like the shapes).
CONTEXT_FILE = "shapes/handover-context.jsonld"
SCHEMA_FILE = "shapes/handover.schema.json"
# The JSON form's names for JSON-LD keywords.
KEYWORD_ALIASES = {"id": "@id", "type": "@type", "handovers": "@graph"}
_PLAIN = {str(XSD.string), str(RDF.langString)}


def term_definition(field) -> dict | str:
    definition: dict = {"@id": field.iri}
    if field.kind in ("node", "concept", "iri"):
        definition["@type"] = "@id"
    elif len(field.datatypes) == 1 and field.datatypes[0] not in _PLAIN:
        definition["@type"] = field.datatypes[0]
    if field.many:
        definition["@container"] = "@set"
    return definition


def build_context(model: HandoverModel) -> dict:
    context: dict = {"@version": 1.1, **KEYWORD_ALIASES}
    context.update(model.prefixes)
    context.update(model.class_terms)
    for _kind, field in sorted(model.fields(), key=lambda kf: kf[1].key):
        context[field.key] = term_definition(field)
    return {"@context": context}
