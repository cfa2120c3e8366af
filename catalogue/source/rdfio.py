"""Reading RDF files without trusting them.

Every parse goes through here, so that all commands share the same refusals: no network, no DOCTYPE,
no remote JSON-LD contexts, no relative IRIs (they would leak local paths), and errors that name
``path:line:col`` without echoing the offending text, which may hold personal data.
"""

from __future__ import annotations

import json
import logging
import math
import re
import xml.sax
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from catalogue.errors import InputError
from catalogue.source.limits import check_literals, check_size

# Relative IRIs resolve against this base, so that we can find and refuse them afterwards.
RELATIVE_BASE = "https://relative-iri.invalid/"

FORMATS_BY_SUFFIX = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json",  # the handover's JSON form (or JSON-LD, when it carries an inline context)
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}
FORMAT_NAMES = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "json-ld": "json-ld", "json": "json",
                "jsonld": "json-ld", "xml": "xml", "rdfxml": "xml", "rdf/xml": "xml"}

MAX_JSON_DEPTH = 100
_INVALID_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')
_DOCTYPE = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

# rdflib logs ill-typed literals with their values; values must never reach the user's terminal.
logging.getLogger("rdflib").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Source:
    """Bytes to parse and the name to show in messages (the path as the user typed it)."""

    name: str
    data: bytes
    format: str


def format_for(path: str, explicit: str | None = None) -> str:
    if explicit:
        key = explicit.lower()
        if key not in FORMAT_NAMES:
            raise InputError(path, f"unknown input format '{explicit}' (use turtle, nt, json-ld, json or xml)")
        return FORMAT_NAMES[key]
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS_BY_SUFFIX:
        raise InputError(path, "cannot tell the RDF format from the file name; give --input-format")
    return FORMATS_BY_SUFFIX[suffix]


def read_source(path: Path, display_name: str | None = None, fmt: str | None = None,
                max_bytes: int | None = None) -> Source:
    name = display_name or str(path)
    if max_bytes is not None:
        try:
            check_size(name, path.stat().st_size, max_bytes)
        except FileNotFoundError:
            raise InputError(name, "file not found") from None
        except OSError:
            pass  # reported below, when the file is read
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "file not found") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror})") from None
    return Source(name, data, format_for(name, fmt))


def _line_col(data: bytes | str, offset: int) -> tuple[int, int]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    line = data.count(newline, 0, offset) + 1
    col = offset - (data.rfind(newline, 0, offset) + 1) + 1
    return line, col


def _decode(source: Source) -> str:
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(source.data, exc.start)
        raise InputError(source.name, "not valid UTF-8", line, col) from None
    nul = text.find("\x00")
    if nul >= 0:
        line, col = _line_col(text, nul)
        raise InputError(source.name, "contains a NUL character", line, col)
    return text


def _check_json_ld(name: str, text: str) -> None:
    """Refuse what would make rdflib fetch or read anything: string contexts, @import, deep nesting."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise InputError(name, f"JSON is nested too deeply (limit {MAX_JSON_DEPTH})") from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "colno", None)
        reason = getattr(exc, "msg", "not valid JSON")
        raise InputError(name, f"not valid JSON ({reason})", line, col) from None

    stack = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise InputError(name, f"JSON is nested too deeply (limit {MAX_JSON_DEPTH})")
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@import":
                    raise InputError(name, "JSON-LD @import is not allowed (it would fetch or read another file)")
                if key == "@context":
                    _check_context(name, value)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)
        elif isinstance(node, float) and not math.isfinite(node):
            raise InputError(name, "JSON number is not finite")


def _check_context(name: str, context) -> None:
    contexts = context if isinstance(context, list) else [context]
    for item in contexts:
        if isinstance(item, str):
            raise InputError(name, "JSON-LD @context must be inline; a context given by URL or file "
                             "would be fetched or read")


def _refuse_constant(token: str):
    raise ValueError(f"{token} is not allowed")


def parse_source(source: Source, graph: Graph | None = None, max_literal: int | None = None) -> Graph:
    """Parse ``source`` into ``graph`` (a new Graph when not given)."""
    text = _decode(source)
    if max_literal is not None:
        check_literals(source.name, text, source.format, max_literal)
    if source.format == "xml" and _DOCTYPE.search(text):
        line, col = _line_col(text, _DOCTYPE.search(text).start())
        raise InputError(source.name, "DOCTYPE and entity declarations are not allowed in RDF/XML", line, col)
    if source.format == "json":
        plain = _read_handover_json(source.name, text, max_literal)
        if plain is not None:
            return _merge(plain, graph)
    if source.format in ("json-ld", "json"):
        _check_json_ld(source.name, text)

    target = graph if graph is not None else Graph()
    fast = _fast_parse(text, source.format)
    if fast is not None:
        triples, prefixes = fast
        _check_iris(source.name, {term for triple in triples for term in triple if isinstance(term, URIRef)},
                    text, source.format)
        for prefix, namespace in prefixes.items():
            target.bind(prefix, namespace, override=False)
        target.addN((s, p, o, target) for s, p, o in triples)
        return target
    scratch = Graph()
    import rdflib

    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False  # lexical forms as written
    try:
        scratch.parse(data=text, format="json-ld" if source.format == "json" else source.format,
                      publicID=RELATIVE_BASE)
    except BadSyntax as exc:
        line, col = _badsyntax_position(exc)
        raise InputError(source.name, f"Turtle syntax error: {exc._why}", line, col) from None
    except ParserError:
        line, col = _oxigraph_position(text, source.format)
        if source.format == "nt":
            # One statement per line: the line that fails on its own is the one to show (Oxigraph points at
            # the end of the file when the last statement lacks its dot); its column only when they agree.
            first_bad = _first_bad_ntriples_line(text)
            if first_bad is not None and first_bad != line:
                line, col = first_bad, None
        raise InputError(source.name, "syntax error", line, col) from None
    except xml.sax.SAXParseException as exc:
        raise InputError(source.name, "XML syntax error", exc.getLineNumber(), exc.getColumnNumber()) from None
    except RecursionError:
        raise InputError(source.name, "nested too deeply to parse") from None
    except Exception as exc:  # parsers raise many kinds; none may escape as a traceback
        raise InputError(source.name, _describe_parser_failure(exc)) from None
    finally:
        rdflib.NORMALIZE_LITERALS = normalize

    _check_iris(source.name, {term for triple in scratch for term in triple if isinstance(term, URIRef)},
                text, source.format)
    for prefix, namespace in scratch.namespaces():
        if not str(namespace).startswith(RELATIVE_BASE):
            target.bind(prefix, namespace, override=False)
    target.addN((s, p, o, target) for s, p, o in scratch)
    return target


def _read_handover_json(name: str, text: str, max_literal: int | None) -> Graph | None:
    """The handover's JSON form, read with the bundled context; None when the document is JSON-LD with an
    inline context (read as JSON-LD instead)."""
    from catalogue.handover_json.reader import NotPlainJson, read_json

    try:
        return read_json(name, text, max_literal, locations=False).graph
    except NotPlainJson:
        return None


def _merge(part: Graph, graph: Graph | None) -> Graph:
    if graph is None:
        return part
    for prefix, namespace in part.namespaces():
        graph.bind(prefix, namespace, override=False)
    graph.addN((s, p, o, graph) for s, p, o in part)
    return graph


def _check_iris(name: str, iris: set, text: str | None = None, fmt: str | None = None) -> None:
    relative = sorted(iri for iri in iris if iri.startswith(RELATIVE_BASE))
    if relative:
        line, col = _relative_position(text, fmt, relative) if text is not None else (None, None)
        raise InputError(name, "relative IRI; every IRI must be absolute", line, col)
    for iri in iris:
        if _INVALID_IRI.search(iri):
            raise InputError(name, "invalid IRI (it contains a space, a control character or one of "
                             "<>\"{}|\\^`)")


def _oxigraph_position(text: str, fmt: str | None, about: str = "") -> tuple[int | None, int | None]:
    """Line and column of the first error Oxigraph's parser finds in Turtle or N-Triples (with no base IRI,
    a relative IRI is one), when its message mentions ``about``; (None, None) otherwise."""
    import pyoxigraph as ox

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
    if fmt not in formats:
        return None, None
    try:
        for _quad in ox.parse(text.encode("utf-8"), format=formats[fmt], without_named_graphs=True):
            pass
    except SyntaxError as exc:
        if about in str(exc) and exc.lineno is not None:
            return exc.lineno, exc.offset
    except ValueError:
        pass
    return None, None


def _relative_position(text: str, fmt: str | None, relative: list[str]) -> tuple[int | None, int | None]:
    """Where the first relative IRI is written. Turtle and N-Triples: Oxigraph's parser, given no base, stops
    at exactly that IRI. Other syntaxes: the first place the reference is written as a quoted value."""
    line, col = _oxigraph_position(text, fmt, about="IRI")
    if line is not None:
        return line, col
    best = None
    for iri in relative:
        reference = iri[len(RELATIVE_BASE):]
        for written in {reference, reference.lstrip("#")}:
            match = re.search(r"[\"']" + re.escape(written) + r"[\"']", text)
            if match and (best is None or match.start() < best):
                best = match.start()
    return _line_col(text, best) if best is not None else (None, None)


_UPPER_CASE_LANGUAGE = re.compile(r'["\']@[A-Za-z0-9-]*[A-Z]')
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _fast_parse(text: str, fmt: str) -> tuple[list, dict] | None:
    """Turtle and N-Triples read by Oxigraph's parser, about five times faster than rdflib's, as the triples
    rdflib would have read, with the prefixes. None when rdflib should parse instead: other formats, anything
    Oxigraph refuses (so that errors are reported the usual way), and language tags with capitals, which
    Oxigraph lowercases and rdflib keeps as written."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    formats = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
    if fmt not in formats or _UPPER_CASE_LANGUAGE.search(text):
        return None
    triples = []
    named, blank = ox.NamedNode, ox.BlankNode
    terms: dict = {}

    def term(node):
        known = terms.get(node)
        if known is None:
            kind = type(node)
            if kind is named:
                known = URIRef(node.value)
            elif kind is blank:
                known = BNode()  # a fresh node per document, as rdflib makes
            elif node.language is not None:
                known = Literal(node.value, lang=node.language)
            elif node.datatype.value == _XSD_STRING:
                known = Literal(node.value)
            else:
                # As written: "03021001243"^^xsd:integer must stay eleven digits for the rules that read it.
                known = Literal(node.value, datatype=URIRef(node.datatype.value), normalize=False)
            terms[node] = known
        return known

    try:
        parser = ox.parse(text.encode("utf-8"), format=formats[fmt], base_iri=RELATIVE_BASE,
                          without_named_graphs=True)
        add = triples.append
        for quad in parser:
            add((term(quad.subject), term(quad.predicate), term(quad.object)))
    except (SyntaxError, ValueError):
        return None
    return triples, {p: ns for p, ns in parser.prefixes.items() if not ns.startswith(RELATIVE_BASE)}


def _badsyntax_position(exc: BadSyntax) -> tuple[int, int | None]:
    line = exc.lines + 1
    data = getattr(exc, "_str", None)
    offset = getattr(exc, "_i", None)
    if data is None or offset is None:
        return line, None
    return line, _line_col(data, offset)[1]


def _first_bad_ntriples_line(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            Graph().parse(data=line + "\n", format="nt")
        except Exception:
            return number
    return None


def _describe_parser_failure(exc: Exception) -> str:
    # Only the exception's kind is shown: its message may quote the data.
    return f"cannot parse ({type(exc).__name__})"


def parse_file(path: Path, display_name: str | None = None, fmt: str | None = None,
               graph: Graph | None = None) -> Graph:
    return parse_source(read_source(path, display_name, fmt), graph)
