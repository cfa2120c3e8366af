"""The JSON Schema (2020-12) of a handover in its JSON form, generated from the model.

It checks structure, cardinalities, datatypes, patterns and the concepts each transition allows: a document
that passes it has no structural SHACL violation (tests/test_handover_json_differential.py holds the two to
that). Where the schema cannot see what SHACL sees it is stricter, never looser: extra keys may not restate a
modelled property, and values of extra keys are literals or links, never new records.
"""

from __future__ import annotations

from rdflib.namespace import RDF, XSD

from catalogue.handover_json.context import CONTEXT_URL, KEYWORD_ALIASES, SCHEMA_URL
from catalogue.handover_json.model import Field, HandoverModel, Kind
from catalogue.namespaces import OVG

# xsd:date as rdflib reads it: four-digit years from 0001, real days, leap years included, no time zone.
DATE_PATTERN = (r"^(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-"
                r"(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|"
                r"[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$")
# An absolute IRI: a scheme, a colon, and no character Turtle forbids in an IRI.
IRI_PATTERN = r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$'
ID_PATTERN = r'^(?:_:[A-Za-z0-9_-]+|[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*)$'
LANGUAGE_PATTERN = r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$"


def _literal_schema(field: Field) -> dict:
    datatypes = set(field.datatypes)
    if datatypes == {str(XSD.date)}:
        return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
    if datatypes <= {str(XSD.nonNegativeInteger), str(XSD.integer)}:
        out: dict = {"type": "integer"}
        low = field.min_inclusive
        if str(XSD.nonNegativeInteger) in datatypes:
            low = max(low or 0, 0)
        if low is not None:
            out["minimum"] = low
        if field.max_inclusive is not None:
            out["maximum"] = field.max_inclusive
        return out
    if datatypes == {str(XSD.string)}:
        out = {"type": "string"}
        if field.pattern:
            out["pattern"] = field.pattern
        return out
    if datatypes == {str(XSD.string), str(RDF.langString)}:
        return {"oneOf": [{"type": "string"}, {"$ref": "#/$defs/languageString"}]}
    raise ValueError(f"{field.shape}: no JSON Schema for the datatypes {sorted(datatypes)}")


def _value_schema(model: HandoverModel, kind: Kind, field: Field) -> dict:
    if field.kind == "node":
        return {"$ref": f"#/$defs/{field.node}"}
    if field.kind == "concept":
        return {"enum": [model.compact(c) for c in model.concepts[(kind.name, field.key)]]}
    if field.kind == "iri":
        return {"type": "string", "pattern": IRI_PATTERN}
    return _literal_schema(field)


def _cardinality(field: Field, value: dict) -> dict:
    if not field.many:
        return value
    out = {"type": "array", "items": value}
    if field.min_count:
        out["minItems"] = field.min_count
    if field.max_count is not None:
        out["maxItems"] = field.max_count
    return out


def _type_schema(model: HandoverModel, kind: Kind) -> dict:
    terms = sorted(term for term, iri in model.class_terms.items() if iri in kind.types)
    one = {"enum": terms}
    return {"anyOf": [one, {"type": "array", "contains": one, "items": {"type": "string"}}]}


def _forbidden_keys(model: HandoverModel) -> list[str]:
    """Every spelling of a modelled property or rdf:type as a key: an extra key may not restate one."""
    spellings = set()
    for iri in model.modelled_iris():
        spellings.add(iri)
        for prefix, namespace in model.prefixes.items():
            if iri.startswith(namespace):
                spellings.add(f"{prefix}:{iri[len(namespace):]}")
    return sorted(spellings)


def _kind_schema(model: HandoverModel, kind: Kind, root: bool) -> dict:
    properties: dict = {"id": {"type": "string", "pattern": ID_PATTERN}, "type": _type_schema(model, kind)}
    if root:
        properties["@context"] = {"const": CONTEXT_URL}
    required = ["type"]
    for field in kind.fields:
        properties[field.key] = _cardinality(field, _value_schema(model, kind, field))
        properties[field.key]["description"] = field.descriptions.get("en", "")
        if field.min_count:
            required.append(field.key)
    schema: dict = {"type": "object", "title": kind.labels.get("en", kind.name), "properties": properties,
                    "required": required}
    if kind.closed:
        schema["additionalProperties"] = False
    else:
        # Extra statements are allowed where SHACL allows them, as prefixed or absolute IRIs.
        schema["propertyNames"] = {"anyOf": [{"enum": sorted(properties)},
                                             {"pattern": "^[A-Za-z][A-Za-z0-9+.-]*:", "not": {"enum": _forbidden_keys(model)}}]}
        schema["additionalProperties"] = {"$ref": "#/$defs/extraValue"}
    return schema


def _transition_rules(model: HandoverModel) -> list[dict]:
    """if transition = T then the concepts T allows, at every place they occur below the handover."""
    root = model.kinds[model.root]
    transition_key = next(f.key for f in root.fields if f.iri == str(OVG.transition))
    rules = []
    for rule in model.transitions:
        then: dict = {"properties": {}}
        for (kind_name, key), members in sorted(rule.allowed.items()):
            values = {"enum": [model.compact(c) for c in members]}
            restricted = _restrict(model, kind_name, key, values)
            for root_key, schema in restricted.items():
                then["properties"].setdefault(root_key, {"allOf": []})["allOf"].append(schema)
        rules.append({"if": {"properties": {transition_key: {"const": model.compact(rule.iri)}},
                             "required": [transition_key]}, "then": then})
    return rules


def _restrict(model: HandoverModel, kind_name: str, key: str, values: dict) -> dict:
    """The schema, per key of the root, that limits ``key`` of ``kind_name`` objects to ``values``."""
    root = model.kinds[model.root]
    field = next(f for f in model.kinds[kind_name].fields if f.key == key)
    inner = {"properties": {key: _cardinality(field, values)}}
    if kind_name == model.root:
        return {key: _cardinality(field, values)}
    out = {}
    for root_field in root.fields:
        if root_field.node == kind_name:
            out[root_field.key] = _cardinality(root_field, inner)
    return out


def build_schema(model: HandoverModel) -> dict:
    defs: dict = {}
    for name, kind in model.kinds.items():
        defs[name] = _kind_schema(model, kind, root=name == model.root)
    defs[model.root]["allOf"] = _transition_rules(model)
    defs["languageString"] = {"type": "object", "properties": {"@value": {"type": "string"},
                                                               "@language": {"type": "string",
                                                                             "pattern": LANGUAGE_PATTERN}},
                              "required": ["@value", "@language"], "additionalProperties": False}
    scalar = {"type": ["string", "number", "boolean"]}
    literal = {"type": "object", "properties": {"@value": scalar, "@type": {"type": "string"},
                                                "@language": {"type": "string", "pattern": LANGUAGE_PATTERN}},
               "required": ["@value"], "additionalProperties": False}
    link = {"type": "object", "properties": {"id": {"type": "string", "pattern": ID_PATTERN}},
            "required": ["id"], "additionalProperties": False}
    one = {"anyOf": [scalar, literal, link]}
    defs["extraValue"] = {"anyOf": [one, {"type": "array", "items": one}]}
    defs["batch"] = {"type": "object", "properties": {"@context": {"const": CONTEXT_URL},
                                                      KEYWORD_ALIASES_BATCH: {"type": "array", "minItems": 1,
                                                                              "items": {"$ref": f"#/$defs/{model.root}"}}},
                     "required": [KEYWORD_ALIASES_BATCH], "additionalProperties": False}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": "Overgangskatalog handover (JSON form)",
        "description": "One handover, or several under \"handovers\". Generated from the ontology, the handover "
                       "shapes and the catalogue; the rules that need the catalogue's knowledge (coherence, consent "
                       "by age, deadlines, national identity numbers) are checked by `overgang validate` only.",
        "if": {"type": "object", "required": [KEYWORD_ALIASES_BATCH]},
        "then": {"$ref": "#/$defs/batch"},
        "else": {"$ref": f"#/$defs/{model.root}"},
        "$defs": defs,
    }


KEYWORD_ALIASES_BATCH = next(k for k, v in KEYWORD_ALIASES.items() if v == "@graph")
