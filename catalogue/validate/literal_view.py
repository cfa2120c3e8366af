"""One view of every typed literal, decided by the XSD rules, for both engines.

rdflib decides whether "1_4"^^xsd:integer or "2026-W18"^^xsd:date is valid with Python's int() and
date.fromisoformat(), which accept forms XSD does not (digit separators, other scripts' digits, ISO week
dates, a time on a date). Oxigraph keeps such literals as invalid. The same file then meant different
things to pySHACL and to the compiled engine. Here the XSD rules decide (the lexical space, then the value:
no 30 February, no -1 as xsd:nonNegativeInteger), using elementpath's XSD 1.1 datatypes, and a literal XSD
rejects is handed to pySHACL as an ill-typed literal: a datatype violation wherever a shape asks for its
datatype, and a SPARQL error wherever a rule compares it. Lexical forms are kept as written (the parser does
not normalise them), so a pattern sees what the sender wrote.

RDF 1.1 reads a literal's lexical form as it is: the XSD whiteSpace facet is not applied, so " 14"^^xsd:integer
is ill-typed here, as in Oxigraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import XSD

_XSD = str(XSD)
# XSD types whose every string is valid, and the ones elementpath has no plain lexical test for.
_NOT_JUDGED = {"string", "anyAtomicType", "anySimpleType", "untypedAtomic", "error", "QName", "NOTATION"}
_TIMEZONE = re.compile(r"(Z|[+-]\d\d:\d\d)$")
_DATE_AND_TIME = {"date", "dateTime", "dateTimeStamp", "time", "gYear", "gYearMonth", "gMonth", "gMonthDay", "gDay"}


@lru_cache(maxsize=200_000)
def xsd_valid(lexical: str, datatype: str) -> bool | None:
    """True or False by the XSD rules; None for a datatype outside XSD or one every string belongs to."""
    if not datatype.startswith(_XSD):
        return None
    name = datatype[len(_XSD):]
    if name in _NOT_JUDGED:
        return None
    from elementpath.datatypes import builtin_atomic_types

    kind = builtin_atomic_types.get("{http://www.w3.org/2001/XMLSchema}" + name)
    if kind is None:
        return None
    if not kind.is_valid(lexical):
        return False
    try:
        (kind.fromstring if hasattr(kind, "fromstring") else kind)(lexical)
    except (ValueError, TypeError, ArithmeticError):
        return False  # in the lexical space, but no value: 2027-02-30, a byte of 300, -1 as nonNegativeInteger
    return True


def has_timezone(lexical: str, datatype: str) -> bool:
    """Dates and times with a timezone compare differently in rdflib (it drops a date's timezone) and in XSD."""
    return datatype.startswith(_XSD) and datatype[len(_XSD):] in _DATE_AND_TIME and bool(_TIMEZONE.search(lexical))


def ill_typed(literal: Literal) -> Literal:
    """The literal, as written, marked ill-typed: no value, as rdflib marks what its own converters refuse."""
    marked = Literal(str(literal), datatype=literal.datatype, normalize=False)
    marked._value = None
    marked._ill_typed = True
    return marked


def seen_as(literal: Literal) -> Literal:
    """The literal as every engine must see it."""
    if literal.datatype is None or literal.language is not None or (literal.ill_typed and literal.value is None):
        return literal  # rdflib may call a literal ill-typed and still give it a value ("none"^^xsd:boolean)
    if xsd_valid(str(literal), str(literal.datatype)) is False:
        return ill_typed(literal)
    return literal


def xsd_view(graph: Graph) -> Graph:
    """The graph with every literal as seen_as() sees it (the same graph when nothing changes)."""
    changed = []
    for triple in graph:
        obj = triple[2]
        if isinstance(obj, Literal) and obj.datatype is not None:
            seen = seen_as(obj)
            if seen is not obj:
                changed.append((triple, seen))
    if not changed:
        return graph
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=False)
    replaced = {old: (old[0], old[1], new) for old, new in changed}
    for triple in graph:
        out.add(replaced.get(triple, triple))
    return out


def _rebuilt(lexical: str, language: str | None, datatype: str | None, marked: bool) -> Literal:
    literal = Literal(lexical, lang=language, datatype=datatype, normalize=False)
    return ill_typed(literal) if marked else literal


def _reduce(literal: Literal):
    marked = bool(literal.ill_typed) and literal.value is None
    return _rebuilt, (str(literal), literal.language, literal.datatype, marked)


def _keep_literals_across_processes() -> None:
    """Findings cross from worker processes (--jobs) as pickles, and rdflib rebuilds a pickled literal with
    normalisation on: "5 "^^xsd:nonNegativeInteger came back as "5" and lost its ill-typed mark. Worker results
    are pickled by multiprocessing's ForkingPickler; it gets a reducer that keeps the literal as it is."""
    from multiprocessing.reduction import ForkingPickler

    ForkingPickler.register(Literal, _reduce)


_keep_literals_across_processes()
