"""Conversion between the JSON form and RDF, losslessly both ways.

RDF to JSON: each handover becomes an object, with its parts nested under the context's keys; a statement the
form has no key for keeps a prefixed or absolute IRI as its key, and a literal the key's datatype does not fit
is written as a JSON-LD value object, so that reading the result gives the same graph. Records no handover
points to are listed beside the handovers under "handovers". JSON to RDF is the reader's job (reader.py).
"""

from __future__ import annotations

import json
from collections import defaultdict

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from catalogue.handover_json.context import CONTEXT_URL
from catalogue.handover_json.reader import Context

_NUMBER_TYPES = {str(XSD.integer), str(XSD.nonNegativeInteger)}


class JsonWriter:
    def __init__(self, graph: Graph, context: Context, key_order: list[str]):
        self.graph = graph
        self.context = context
        self.order = {key: i for i, key in enumerate(key_order)}
        self.term_for = {}
        for key, term in sorted(context.terms.items()):
            self.term_for.setdefault(term.iri, (key, term))
        self.class_term = {iri: term for term, iri in sorted(context.classes.items())}
        self.subjects = set(graph.subjects())
        references = defaultdict(int)
        for _s, _p, o in graph:
            if isinstance(o, BNode):
                references[o] += 1
        self.shared_blanks = {b for b, n in references.items() if n > 1}
        self.blank_labels: dict[BNode, str] = {}
        self.written: set = set()

    # -- IRIs ---------------------------------------------------------------------------------------------
    def compact(self, iri: str) -> str:
        best = iri
        for prefix, namespace in self.context.prefixes.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                rest = iri[len(namespace):]
                if rest.startswith("//"):
                    continue
                candidate = f"{prefix}:{rest}"
                if len(candidate) < len(best):
                    best = candidate
        return best

    def node_id(self, node) -> str:
        if isinstance(node, URIRef):
            return str(node)
        if node not in self.blank_labels:
            self.blank_labels[node] = f"_:b{len(self.blank_labels)}"
        return self.blank_labels[node]

    # -- documents ----------------------------------------------------------------------------------------
    def document(self) -> dict:
        handover = URIRef(self.context.classes["Handover"])
        roots = sorted(self.graph.subjects(RDF.type, handover), key=str)
        self.roots = set(roots)
        entries = [self.node(root, ()) for root in roots]
        for subject in sorted(self.subjects - self.written, key=lambda s: (isinstance(s, BNode), str(s))):
            if subject not in self.written:
                entries.append(self.node(subject, ()))
        if len(entries) == 1:
            return {"@context": CONTEXT_URL, **entries[0]}
        return {"@context": CONTEXT_URL, self.context.graph_key: entries}

    def node(self, subject, ancestors: tuple) -> dict:
        self.written.add(subject)
        out: dict = {}
        if isinstance(subject, URIRef) or subject in self.shared_blanks:
            out[self.context.id_key] = self.node_id(subject)
        types = sorted((o for o in self.graph.objects(subject, RDF.type)), key=str)
        if types:
            names = [self.class_term.get(str(t)) or self.compact(str(t)) if isinstance(t, URIRef) else
                     self.value(t, None, ancestors + (subject,)) for t in types]
            out[self.context.type_key] = names[0] if len(names) == 1 else names
        by_predicate = defaultdict(list)
        for p, o in self.graph.predicate_objects(subject):
            if p != RDF.type:
                by_predicate[p].append(o)
        keyed = []
        for predicate, objects in by_predicate.items():
            key, term = self.term_for.get(str(predicate), (None, None))
            key = key or self.compact(str(predicate))
            keyed.append((self.order.get(key, len(self.order)), key, term, objects))
        for _rank, key, term, objects in sorted(keyed, key=lambda k: (k[0], k[1])):
            coerce = term.coerce if term is not None else None
            values = [self.value(o, coerce, ancestors + (subject,)) for o in sorted(objects, key=_sort_key)]
            many = len(values) > 1 or (term is not None and self._is_set(key))
            out[key] = values if many else values[0]
        return out

    def _is_set(self, key: str) -> bool:
        return key in self.sets

    # -- values -------------------------------------------------------------------------------------------
    def value(self, obj, coerce: str | None, ancestors: tuple):
        if isinstance(obj, Literal):
            return self.literal(obj, coerce)
        if isinstance(obj, BNode):
            if obj in ancestors or (obj in self.shared_blanks and obj in self.written):
                return {self.context.id_key: self.node_id(obj)}
            return self.node(obj, ancestors)
        iri = str(obj)
        if coerce == "@id":
            if obj in self.subjects and obj not in ancestors and obj not in self.roots:
                return self.node(obj, ancestors)
            return self.compact(iri)
        return {self.context.id_key: iri}

    def literal(self, lit: Literal, coerce: str | None):
        lexical = str(lit)
        datatype = str(lit.datatype) if lit.datatype is not None else None
        if lit.language:
            return {"@value": lexical, "@language": lit.language}
        if coerce not in (None, "@id") and datatype == coerce:
            if datatype in _NUMBER_TYPES and _canonical_integer(lexical):
                return int(lexical)
            return lexical
        if coerce is None and (datatype is None or datatype == str(XSD.string)):
            return lexical
        if datatype is None or datatype == str(XSD.string):
            return {"@value": lexical}
        return {"@value": lexical, "@type": self.compact(datatype)}


def _canonical_integer(lexical: str) -> bool:
    return lexical == "0" or (lexical[:1] in "123456789" and lexical.isdigit()) or \
        (lexical.startswith("-") and lexical[1:2] in "123456789" and lexical[1:].isdigit())


def _sort_key(term):
    return (type(term).__name__, str(term), str(getattr(term, "datatype", "") or ""), getattr(term, "language", "") or "")


def to_json_document(graph: Graph, context: Context, key_order: list[str]) -> dict:
    writer = JsonWriter(graph, context, key_order)
    writer.sets = {key for key, term in context.terms.items() if term.container == "@set"}
    return writer.document()


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def with_inline_context(document: dict, context_document: dict) -> dict:
    """The same document as JSON-LD that any processor reads without fetching: the context inline."""
    return {"@context": context_document["@context"], **{k: v for k, v in document.items() if k != "@context"}}


def convert_file(source_path: str, to: str, catalogue, input_format: str | None = None,
                 max_bytes: int | None = None, max_literal: int | None = None) -> str:
    """The handover in ``source_path`` (any format validate reads) as ``to``: json, jsonld or turtle."""
    from pathlib import Path

    from catalogue.errors import InputError
    from catalogue.handover_json.artefacts import model_of
    from catalogue.handover_json.context import CONTEXT_FILE
    from catalogue.handover_json.reader import bundled_context
    from catalogue.source.rdfio import parse_source, read_source

    graph = parse_source(read_source(Path(source_path), source_path, input_format, max_bytes), max_literal=max_literal)
    if len(graph) == 0:
        raise InputError(source_path, "dataset is empty")
    if to == "turtle":
        return graph.serialize(format="turtle")
    context_path = catalogue.location.root / CONTEXT_FILE
    context = bundled_context(str(context_path))
    if not any(True for _ in graph.subjects(RDF.type, URIRef(context.classes["Handover"]))):
        raise InputError(source_path, "not a handover: no record of type ovg:Handover")
    model = model_of(catalogue)
    order = [context.id_key, context.type_key]
    for kind in model.kinds.values():
        order.extend(f.key for f in kind.fields if f.key not in order)
    document = to_json_document(graph, context, order)
    if to == "jsonld":
        document = with_inline_context(document, json.loads(context_path.read_text(encoding="utf-8")))
    return dumps(document)
