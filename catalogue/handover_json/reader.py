"""A handover in its JSON form, read into RDF as a JSON-LD processor would read it with the bundled context.

Only the bundled context is used: a document without ``@context``, or naming the published context URL, is
read with it, and never fetched. The reader knows the subset of JSON-LD the JSON form uses (the context's
terms, prefixed and absolute IRIs as keys, ``id``/``type``, value objects, ``handovers``) and refuses anything
else by name and place, rather than dropping it as a JSON-LD processor would. Each statement remembers the
JSON path it came from, so that findings can point into the document.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from catalogue.errors import InputError, LimitError
from catalogue.handover_json.context import CONTEXT_FILE, CONTEXT_URL
from catalogue.handover_json.positions import DuplicateKey, Positions, json_path, line_col

MAX_DEPTH = 100
MAX_NUMBER_DIGITS = 100
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_INVALID_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')
_BLANK_ID = re.compile(r"^_:[A-Za-z0-9_-]+$")
# rdflib's namespace attributes are slow to look up (a DefinedNamespace __getattr__ each time): once here.
_RDF_TYPE = RDF.type
_XSD_BOOLEAN, _XSD_INTEGER, _XSD_DOUBLE = URIRef(str(XSD.boolean)), URIRef(str(XSD.integer)), URIRef(str(XSD.double))


class NotPlainJson(Exception):
    """The document carries an inline JSON-LD context: it is JSON-LD, read by the JSON-LD path."""


@dataclass(frozen=True)
class Term:
    iri: str
    coerce: str | None  # "@id", a datatype IRI, or None
    container: str | None = None


@dataclass
class Context:
    terms: dict[str, Term]
    prefixes: dict[str, str]
    classes: dict[str, str]
    graph_key: str
    id_key: str
    type_key: str


@lru_cache(maxsize=4)
def bundled_context(path: str | None = None) -> Context:
    """The context shipped with the package (or the one at ``path``), parsed once per process."""
    if path is None:
        from catalogue.source.locate import packaged_catalogue

        path = str(packaged_catalogue() / CONTEXT_FILE)
    document = json.loads(Path(path).read_text(encoding="utf-8"))["@context"]
    terms, prefixes, classes, aliases = {}, {}, {}, {}
    for key, value in document.items():
        if key.startswith("@"):
            continue
        if isinstance(value, str):
            if value.startswith("@"):
                aliases[value] = key
            elif value.endswith(("/", "#")):
                prefixes[key] = value
            else:
                classes[key] = value
        else:
            terms[key] = Term(value["@id"], value.get("@type"), value.get("@container"))
    return Context(terms, prefixes, classes, aliases["@graph"], aliases["@id"], aliases["@type"])


@dataclass
class JsonDocument:
    graph: Graph
    node_paths: dict = field(default_factory=dict)  # node -> JSON path (tuple) of its object
    statement_paths: dict = field(default_factory=dict)  # (node, predicate IRI) -> JSON path of the key
    value_paths: dict = field(default_factory=dict)  # (predicate IRI, value text) -> [(node, JSON path)]
    keys: dict = field(default_factory=dict)  # predicate IRI -> the key that spells it
    blank_parts: dict = field(default_factory=dict)  # node -> the blank nodes its object holds
    text: str = ""
    _positions: Positions | None = None

    def position(self, path: tuple) -> tuple[int, int] | None:
        if self._positions is None:
            self._positions = Positions(self.text)
        return self._positions.of(path)


def _refuse_constant(token: str):
    raise ValueError(f"{token} is not allowed")


def _number(token: str):
    if len(token) > MAX_NUMBER_DIGITS:
        raise ValueError("number too large")
    return int(token)


def _float(token: str):
    if len(token) > MAX_NUMBER_DIGITS:
        raise ValueError("number too large")
    value = float(token)
    if not math.isfinite(value):
        raise ValueError("number is not finite")
    return value


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def load_json(name: str, text: str):
    """json.loads with the refusals of the JSON-LD hardening: no NaN or infinities, no huge numbers, no deep
    nesting, and (unlike json.loads) no duplicate keys."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_int=_number, parse_float=_float,
                          object_pairs_hook=_no_duplicates)
    except RecursionError:
        raise InputError(name, f"JSON is nested too deeply (limit {MAX_DEPTH})") from None
    except _Duplicate:
        try:
            Positions(text)
        except DuplicateKey as exc:
            raise InputError(name, f"duplicate key at {json_path(exc.path)}", *line_col(text, exc.offset)) from None
        raise InputError(name, "duplicate key") from None
    except ValueError as exc:
        reason = getattr(exc, "msg", None) or str(exc)
        if "not finite" in reason or reason in ("NaN is not allowed", "Infinity is not allowed",
                                                "-Infinity is not allowed"):
            raise InputError(name, "JSON number is not finite") from None
        if "too large" in reason:
            raise InputError(name, f"JSON number with more than {MAX_NUMBER_DIGITS} characters") from None
        raise InputError(name, f"not valid JSON ({reason})", getattr(exc, "lineno", None),
                         getattr(exc, "colno", None)) from None


def context_kind(name: str, document) -> str:
    """"plain" (none or ours), or raise NotPlainJson for an inline context; any other URL is refused."""
    if not isinstance(document, dict) or "@context" not in document:
        return "plain"
    context = document["@context"]
    items = context if isinstance(context, list) else [context]
    if all(item == CONTEXT_URL for item in items) and items:
        return "plain"
    if any(isinstance(item, str) for item in items):
        raise InputError(name, "JSON-LD @context must be inline or the published handover context "
                         f"({CONTEXT_URL}); a context given by another URL or file would be fetched or read")
    raise NotPlainJson()


def read_json(name: str, text: str, max_literal: int | None = None, context: Context | None = None,
              locations: bool = True, graph: bool = True) -> JsonDocument:
    """Raises NotPlainJson when the document carries an inline context (it is then JSON-LD).

    ``locations``: also index where each statement was written (what findings need; validation itself does
    not, and a large file reads faster without). ``graph=False``: the places only, no RDF graph."""
    document = load_json(name, text)
    context_kind(name, document)
    reader = _Reader(name, text, context or bundled_context(), max_literal, locations, graph)
    return reader.read(document)


class _Reader:
    def __init__(self, name: str, text: str, context: Context, max_literal: int | None, locations: bool = True,
                 graph: bool = True):
        self.name = name
        self.locations = locations
        self.context = context
        self.max_literal = max_literal
        self.doc = JsonDocument(Graph(), text=text)
        # Blank nodes are named from the document's digest and their order in it, so that reading the same
        # document again gives the same nodes (findings are traced back to their place by re-reading).
        self.salt = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        self.blank_count = 0
        self.iris: dict[str, URIRef] = {}  # the same concepts and schools recur in every record
        self.blank_ids: dict[str, BNode] = {}
        self.described: dict[URIRef, tuple[tuple, frozenset]] = {}
        self.add = self.doc.graph.add if graph else (lambda triple: None)
        self.typed_roots: set = set()
        self.handover_class = URIRef(context.classes.get("Handover", ""))
        for prefix, namespace in context.prefixes.items():
            self.doc.graph.bind(prefix, namespace, override=True)

    # -- errors -------------------------------------------------------------------------------------------
    def fail(self, path: tuple, reason: str):
        where = self.doc.position(path)
        raise InputError(self.name, f"{json_path(path)}: {reason}", *(where or (None, None)))

    # -- document -----------------------------------------------------------------------------------------
    def read(self, document) -> JsonDocument:
        if not isinstance(document, dict):
            self.fail((), "not a handover: the JSON form is an object (one handover) or an object with "
                          f"\"{self.context.graph_key}\" (a list of handovers)")
        keys = set(document) - {"@context"}
        ctx = self.context
        if ctx.graph_key in document:
            if keys != {ctx.graph_key}:
                extra = sorted(keys - {ctx.graph_key})[0]
                self.fail((extra,), f"beside \"{ctx.graph_key}\" only \"@context\" may be given")
            entries = document[ctx.graph_key]
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                self.fail((ctx.graph_key,), f"\"{ctx.graph_key}\" must be a list of objects")
            roots = [self.node(entry, (ctx.graph_key, i), 2) for i, entry in enumerate(entries)]
        else:
            roots = [self.node(document, (), 1, top=True)]
        if not self.typed_roots & set(roots):
            self.fail((), "not a handover: the top-level object (or an entry of "
                          f"\"{ctx.graph_key}\") needs \"{ctx.type_key}\": \"Handover\"")
        return self.doc

    # -- nodes --------------------------------------------------------------------------------------------
    def node(self, obj: dict, path: tuple, depth: int, top: bool = False):
        if depth > MAX_DEPTH:
            raise InputError(self.name, f"JSON is nested too deeply (limit {MAX_DEPTH})")
        ctx = self.context
        subject = self.identify(obj.get(ctx.id_key), path + (ctx.id_key,), path) if ctx.id_key in obj \
            else self.blank(path)
        if self.locations:
            self.doc.node_paths.setdefault(subject, path)
        statements = []
        for key, value in obj.items():
            here = path + (key,)
            if key == "@context" and top:
                continue
            if key == ctx.id_key:
                continue
            if key == ctx.type_key:
                for i, item in enumerate(value if isinstance(value, list) else [value]):
                    at = here + (i,) if isinstance(value, list) else here
                    if not isinstance(item, str):
                        self.fail(at, "a type is a string")
                    statements.append((_RDF_TYPE, self.vocab_iri(item, at)))
                continue
            predicate, coerce = self.predicate(key, here)
            if self.locations:
                self.doc.statement_paths.setdefault((subject, str(predicate)), here)
                self.doc.keys.setdefault(str(predicate), key)
            values = value if isinstance(value, list) else [value]
            for i, item in enumerate(values):
                at = here + (i,) if isinstance(value, list) else here
                obj_term = self.value(item, coerce, at, depth)
                if obj_term is not None:
                    statements.append((predicate, obj_term))
                    if self.locations:
                        self.doc.value_paths.setdefault((str(predicate), str(obj_term)), []).append((subject, at))
        self.check_described_once(subject, statements, obj, path)
        if (_RDF_TYPE, self.handover_class) in statements:
            self.typed_roots.add(subject)
        if self.locations:
            self.doc.blank_parts.setdefault(subject, []).extend(o for _p, o in statements if isinstance(o, BNode))
        for predicate, obj_term in statements:
            self.add((subject, predicate, obj_term))
        return subject

    def check_described_once(self, subject, statements, obj: dict, path: tuple) -> None:
        """JSON-LD merges every object with the same id; the JSON form allows repeating a record (a school
        named in two handovers) only word for word, since a merge of two different descriptions would hold
        what neither says (two categories on one item) where the JSON Schema cannot see it."""
        if not isinstance(subject, URIRef) or set(obj) <= {self.context.id_key}:
            return
        shape = frozenset((p, o if not isinstance(o, BNode) else None) for p, o in statements)
        first = self.described.setdefault(subject, (path, shape))
        if first[1] != shape:
            self.fail(path, f"the record with this {self.context.id_key} is described differently at "
                            f"{json_path(first[0])}; describe a record once, or the same way each time")

    def blank(self, path: tuple) -> BNode:
        self.blank_count += 1
        return BNode(f"j{self.salt}n{self.blank_count}")

    def identify(self, value, at: tuple, node_path: tuple):
        if not isinstance(value, str):
            self.fail(at, f"\"{self.context.id_key}\" is a string (an IRI)")
        if _BLANK_ID.match(value):
            if value not in self.blank_ids:
                self.blank_ids[value] = BNode(f"j{self.salt}i{len(self.blank_ids)}")
            return self.blank_ids[value]
        return self.iri(value, at)

    # -- IRIs ---------------------------------------------------------------------------------------------
    def iri(self, value: str, at: tuple) -> URIRef:
        known = self.iris.get(value)
        if known is not None:
            return known
        prefix, sep, rest = value.partition(":")
        if sep and prefix in self.context.prefixes and not rest.startswith("//"):
            value = self.context.prefixes[prefix] + rest
        elif not _SCHEME.match(value):
            self.fail(at, "relative IRI; every IRI must be absolute (or use a prefix of the context)")
        if _INVALID_IRI.search(value):
            self.fail(at, "invalid IRI (it contains a space, a control character or one of <>\"{}|\\^`)")
        iri = self.iris[value] = URIRef(value)
        return iri

    def vocab_iri(self, value: str, at: tuple) -> URIRef:
        if value in self.context.classes:
            return URIRef(self.context.classes[value])
        if value in self.context.terms:
            return URIRef(self.context.terms[value].iri)
        if ":" not in value:
            self.fail(at, f"unknown type {value!r}; use a type of the handover JSON form or an absolute IRI")
        return self.iri(value, at)

    def predicate(self, key: str, at: tuple) -> tuple[URIRef, str | None]:
        term = self.context.terms.get(key)
        if term is not None:
            return URIRef(term.iri), term.coerce
        if key.startswith("@"):
            self.fail(at, f"the JSON-LD keyword {key!r} is not part of the handover JSON form")
        if ":" not in key:
            self.fail(at, f"unknown key {key!r}; use the keys of the handover JSON form, or a prefixed or "
                          "absolute IRI for anything else")
        return self.iri(key, at), None

    # -- values -------------------------------------------------------------------------------------------
    def value(self, item, coerce: str | None, at: tuple, depth: int):
        if item is None:
            return None  # JSON-LD drops nulls
        if isinstance(item, list):
            self.fail(at, "a list inside a list is not part of the handover JSON form")
        if isinstance(item, dict):
            if "@value" in item:
                return self.value_object(item, at)
            return self.node(item, at, depth + 1)
        if isinstance(item, str):
            self.check_length(item, at)
            if coerce == "@id":
                return self.identify(item, at, at)
            if coerce is not None:
                return Literal(item, datatype=URIRef(coerce))
            return Literal(item)
        return _native_literal(item, coerce if coerce not in (None, "@id") else None)

    def value_object(self, item: dict, at: tuple) -> Literal:
        unknown = set(item) - {"@value", "@type", "@language"}
        if unknown:
            self.fail(at + (sorted(unknown)[0],), "a value object holds only @value, @type and @language")
        value, datatype, language = item["@value"], item.get("@type"), item.get("@language")
        if datatype is not None and language is not None:
            self.fail(at, "a value has either @type or @language, not both")
        if isinstance(value, (dict, list)) or value is None:
            self.fail(at + ("@value",), "@value is a string, a number or true/false")
        if language is not None:
            if not isinstance(value, str) or not isinstance(language, str) or \
                    not re.match(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", language):
                self.fail(at, "@language needs a string @value and a language tag such as \"nb\"")
            self.check_length(value, at)
            return Literal(value, lang=language)
        if datatype is not None:
            if not isinstance(datatype, str):
                self.fail(at + ("@type",), "@type is a string")
            datatype_iri = self.vocab_iri(datatype, at + ("@type",))
            if isinstance(value, str):
                self.check_length(value, at)
                return Literal(value, datatype=datatype_iri)
            return _native_literal(value, str(datatype_iri))
        if isinstance(value, str):
            self.check_length(value, at)
            return Literal(value)
        return _native_literal(value, None)

    def check_length(self, text: str, at: tuple) -> None:
        if self.max_literal is not None and len(text) > self.max_literal:
            where = self.doc.position(at)
            prefix = f"{self.name}:{where[0]}" if where else self.name
            raise LimitError(f"{prefix}: a literal of more than {self.max_literal} characters; raise the limit "
                             "with --max-literal if the file is trusted")


def _native_literal(value, datatype: str | None) -> Literal:
    """A JSON number or boolean as JSON-LD 1.1's toRDF turns it into a literal (section 8.6)."""
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=URIRef(datatype) if datatype else _XSD_BOOLEAN)
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e21 and datatype != str(_XSD_DOUBLE)):
        return Literal(str(int(value)), datatype=URIRef(datatype) if datatype else _XSD_INTEGER)
    lexical = re.sub(r"(\d)0*E\+?0*(\d)", r"\1E\2", f"{value:1.15E}")
    lexical = re.sub(r"(\d)0*E-0*(\d)", r"\1E-\2", lexical)
    return Literal(lexical, datatype=URIRef(datatype) if datatype else _XSD_DOUBLE)
