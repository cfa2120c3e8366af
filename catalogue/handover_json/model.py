"""The handover's JSON model, read from the handover shapes, the ontology and the catalogue.

Each node shape that describes a part of a handover becomes an object kind; each of its property shapes a key.
A property whose values are the targets of another node shape nests that kind; a property whose sh:class has
instances in the catalogue takes one of those concepts; sh:nodeKind sh:IRI takes a link; a datatype takes a
literal. The concepts a handover may use depend on its transition: those in the transition's scheme (the
jurisdiction rule) and, for information categories, those the transition's information rules allow.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, SKOS, XSD

from catalogue.model.jurisdictions import registry
from catalogue.model.ontology import subclasses
from catalogue.model.text import by_language
from catalogue.namespaces import DPV, OVG, SHAPES, all_prefixes

# Short keys where the ontology's local name is long; every other key is the local name. Keys are part of the
# published format: changing one is a breaking change (the generated context and schema then differ).
SHORT_KEYS = {
    str(OVG.informationItem): "items",
    str(OVG.ageAtHandover): "age",
    str(OVG.informationCategory): "category",
    str(DPV.hasLegalBasis): "legalBasis",
}

# The SPARQL constraints the schema expresses as enumerations of concepts; every other SPARQL constraint needs
# the catalogue's knowledge at validation time (coherence, consent by age, deadlines, ...) and is SHACL-only.
SCHEMA_ENUMERATIONS = (SHAPES["handover-jurisdiction"], SHAPES["handover-category-allowed"])
# The paths the scheme rule (handover-jurisdiction) reads, below the handover's parts.
SCHEME_BOUND = (OVG.informationCategory, OVG.institutionType, OVG.consentGivenBy, OVG.coversCategory)


@dataclass(frozen=True)
class Field:
    key: str
    iri: str
    kind: str  # "node", "concept", "iri" or "literal"
    min_count: int
    max_count: int | None
    shape: str
    order: float
    names: dict[str, str]
    descriptions: dict[str, str]
    node: str | None = None  # the nested kind
    classes: tuple[str, ...] = ()  # sh:class
    datatypes: tuple[str, ...] = ()  # sh:datatype, or the datatypes of an sh:or
    pattern: str | None = None
    min_inclusive: int | None = None
    max_inclusive: int | None = None

    @property
    def many(self) -> bool:
        return self.max_count is None or self.max_count > 1


@dataclass
class Kind:
    name: str
    shape: str
    closed: bool
    fields: list[Field]
    types: tuple[str, ...] = ()  # allowed rdf:type IRIs (the class and its subclasses)
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class TransitionRule:
    """What a handover on one transition may use, per key path (kind name, key)."""

    iri: str
    allowed: dict[tuple[str, str], tuple[str, ...]]


@dataclass
class HandoverModel:
    root: str
    kinds: dict[str, Kind]
    class_terms: dict[str, str]  # term -> class IRI
    prefixes: dict[str, str]  # prefix -> namespace, for concept values and extra keys
    concepts: dict[tuple[str, str], tuple[str, ...]]  # (kind, key) -> every allowed concept
    transitions: list[TransitionRule]
    shacl_only: list[dict]  # the SPARQL rules the schema cannot express: names and descriptions

    def fields(self):
        for kind in self.kinds.values():
            for f in kind.fields:
                yield kind, f

    def modelled_iris(self) -> set[str]:
        return {f.iri for _k, f in self.fields()} | {str(RDF.type)}

    def compact(self, iri: str) -> str:
        """The shortest prefixed form of ``iri`` with the context's prefixes, or the IRI itself."""
        best = iri
        for prefix, namespace in self.prefixes.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                candidate = f"{prefix}:{iri[len(namespace):]}"
                if len(candidate) < len(best) or (len(candidate) == len(best) and candidate < best):
                    best = candidate
        return best


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _instances(graph: Graph, cls: URIRef) -> set[URIRef]:
    return {s for c in subclasses(graph, cls) for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)}


def _int(value) -> int | None:
    return int(value.toPython()) if value is not None else None


def _order(shapes: Graph, node) -> float:
    """Within the shape's group, by sh:order: the order the handover reference lists the properties in."""
    value = shapes.value(node, SH.order)
    group = shapes.value(node, SH.group)
    group_order = shapes.value(group, SH.order) if group is not None else None
    return (float(group_order.toPython()) if group_order is not None else 99.0) * 1000 + \
        (float(value.toPython()) if value is not None else 99.0)


def _datatypes(shapes: Graph, prop) -> tuple[str, ...]:
    single = shapes.value(prop, SH.datatype)
    if single is not None:
        return (str(single),)
    found = []
    for alternatives in shapes.objects(prop, SH["or"]):
        from rdflib.collection import Collection

        for member in Collection(shapes, alternatives):
            datatype = shapes.value(member, SH.datatype)
            if datatype is None:
                return ()  # an alternative that is not a datatype: not a literal field
            found.append(str(datatype))
    return tuple(found)


def _part_shapes(shapes: Graph) -> dict[URIRef, list[URIRef]]:
    """Path -> the node shapes with property shapes that target the objects of that path."""
    out: dict[URIRef, list[URIRef]] = defaultdict(list)
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        if (shape, SH.property, None) not in shapes:
            continue
        for path in shapes.objects(shape, SH.targetObjectsOf):
            out[path].append(shape)
    return out


def _kind_name(shape: URIRef) -> str:
    name = _local(str(shape))
    return name[: -len("Shape")] if name.endswith("Shape") else name


def build_model(knowledge: Graph, shapes: Graph) -> HandoverModel:
    """``knowledge``: the catalogue (ontology and vocabularies); ``shapes``: the handover shapes."""
    parts = _part_shapes(shapes)
    roots = [s for s in shapes.subjects(SH.targetClass, OVG.Handover) if (s, SH.property, None) in shapes]
    if len(roots) != 1:
        raise ValueError("the handover shapes need exactly one node shape with property shapes for ovg:Handover")
    kinds: dict[str, Kind] = {}
    class_terms: dict[str, str] = {}
    concepts: dict[tuple[str, str], tuple[str, ...]] = {}

    def add_class(iri: str) -> None:
        term = _local(iri)
        if class_terms.get(term, iri) != iri:
            raise ValueError(f"two classes share the local name {term!r}")
        class_terms[term] = iri

    def kind_for(node_shapes: list[URIRef], types: set[URIRef]) -> str:
        name = _kind_name(sorted(node_shapes)[0])
        if name in kinds:
            return name
        kind = Kind(name, str(sorted(node_shapes)[0]), closed=False, fields=[],
                    types=tuple(sorted(str(t) for t in types)),
                    labels=by_language(shapes, sorted(node_shapes)[0], RDFS.label))
        kinds[name] = kind
        for t in types:
            add_class(str(t))
        for shape in sorted(node_shapes):
            kind.closed = kind.closed or bool(shapes.value(shape, SH.closed))
            for prop in sorted(shapes.objects(shape, SH.property)):
                kind.fields.append(field_for(name, prop))
        kind.fields.sort(key=lambda f: (f.order, f.key))
        return name

    def field_for(kind_name: str, prop) -> Field:
        path = shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise ValueError(f"{prop}: only simple sh:path IRIs have a JSON key")
        iri = str(path)
        classes = tuple(sorted(str(c) for c in shapes.objects(prop, SH["class"])))
        common = dict(key=SHORT_KEYS.get(iri, _local(iri)), iri=iri, min_count=_int(shapes.value(prop, SH.minCount)) or 0,
                      max_count=_int(shapes.value(prop, SH.maxCount)), shape=str(prop), order=_order(shapes, prop),
                      names=by_language(shapes, prop, SH.name), descriptions=by_language(shapes, prop, SH.description),
                      classes=classes)
        if path in parts:
            types = set().union(*(subclasses(knowledge, URIRef(c)) for c in classes)) if classes else set()
            return Field(kind="node", node=kind_for(parts[path], types), **common)
        members = set().union(*(_instances(knowledge, URIRef(c)) for c in classes)) if classes else set()
        if members:
            concepts[(kind_name, common["key"])] = tuple(sorted(str(m) for m in members))
            return Field(kind="concept", **common)
        datatypes = _datatypes(shapes, prop)
        if datatypes:
            return Field(kind="literal", datatypes=datatypes, pattern=_str(shapes.value(prop, SH.pattern)),
                         min_inclusive=_int(shapes.value(prop, SH.minInclusive)),
                         max_inclusive=_int(shapes.value(prop, SH.maxInclusive)), **common)
        return Field(kind="iri", **common)

    root_types = subclasses(knowledge, OVG.Handover)
    root = kind_for(roots, root_types)
    _check_keys(kinds)
    transitions = _transition_rules(knowledge, kinds, root, concepts)
    # Kinds in a stable order (the root first), so that the generated files do not depend on graph order.
    kinds = {name: kinds[name] for name in sorted(kinds, key=lambda n: (n != root, n))}
    return HandoverModel(root=root, kinds=kinds, class_terms=dict(sorted(class_terms.items())),
                         prefixes=_prefixes(knowledge, kinds, concepts), concepts=concepts, transitions=transitions,
                         shacl_only=_shacl_only(shapes))


def _str(value) -> str | None:
    return str(value) if value is not None else None


def _check_keys(kinds: dict[str, Kind]) -> None:
    """One key means one IRI and one way of reading values everywhere: the context has one term per key."""
    seen: dict[str, tuple] = {}
    for kind in kinds.values():
        for f in kind.fields:
            reading = (f.iri, f.kind, f.datatypes if len(f.datatypes) == 1 else (), f.many)
            if seen.setdefault(f.key, reading) != reading:
                raise ValueError(f"the key {f.key!r} would mean two different things")


def _paths_to(kinds: dict[str, Kind], root: str, iri: str) -> list[tuple[str, str]]:
    """(kind, key) pairs below the root whose property is ``iri``."""
    return [(k.name, f.key) for k in kinds.values() for f in k.fields if f.iri == iri and f.kind == "concept"]


def _transition_rules(knowledge: Graph, kinds, root: str, concepts) -> list[TransitionRule]:
    """Per transition: the concepts from its scheme(s), and for categories of items those its rules allow."""
    root_fields = {f.key: f for f in kinds[root].fields}
    transition_field = next((f for f in root_fields.values() if f.iri == str(OVG.transition)), None)
    if transition_field is None or (root, transition_field.key) not in concepts:
        return []
    rules = []
    for transition in concepts[(root, transition_field.key)]:
        t = URIRef(transition)
        schemes = set(knowledge.objects(t, SKOS.inScheme))
        allowed: dict[tuple[str, str], tuple[str, ...]] = {}
        for path in SCHEME_BOUND:
            for where in _paths_to(kinds, root, str(path)):
                members = [c for c in concepts[where]
                           if schemes and all((URIRef(c), SKOS.inScheme, s) in knowledge for s in schemes)]
                allowed[where] = tuple(members)
        item_categories = {str(c) for rule in knowledge.objects(t, OVG.informationRule)
                           for c in knowledge.objects(rule, OVG.informationCategory)}
        for where in _paths_to(kinds, root, str(OVG.informationCategory)):
            allowed[where] = tuple(c for c in allowed.get(where, concepts[where]) if c in item_categories)
        rules.append(TransitionRule(transition, allowed))
    return rules


def _prefixes(knowledge: Graph, kinds, concepts) -> dict[str, str]:
    """The catalogue's prefixes for every namespace the model uses, plus rdf, rdfs and xsd for extra keys and
    typed values."""
    used = {f.iri for k in kinds.values() for f in k.fields} | {t for k in kinds.values() for t in k.types}
    used |= {c for members in concepts.values() for c in members}
    used |= {str(RDF.type), str(RDFS.label), str(XSD.string), str(DCTERMS.date)}
    # The project's table plus each jurisdiction's own prefix from its registry entry (the data), so that the
    # result never depends on which prefixes a parsed file happened to bind.
    out = {}
    for prefix, ns in all_prefixes(registry(knowledge)).items():
        if prefix and ns.endswith(("/", "#")) and any(iri.startswith(ns) and iri != ns for iri in used):
            out[prefix] = ns
    return dict(sorted(out.items()))


def _shacl_only(shapes: Graph) -> list[dict]:
    rules = []
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        severity = shapes.value(shape, SH.severity)
        for constraint in shapes.objects(shape, SH.sparql):
            if constraint in SCHEMA_ENUMERATIONS:
                continue
            level = shapes.value(constraint, SH.severity) or severity or SH.Violation
            rules.append({"iri": str(constraint), "names": by_language(shapes, constraint, SH.name),
                          "descriptions": by_language(shapes, constraint, SH.description),
                          "severity": _local(str(level)).lower(), "order": _order(shapes, constraint)})
    return sorted(rules, key=lambda r: r["iri"])
