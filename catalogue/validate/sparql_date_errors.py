"""rdflib's SPARQL date functions on an ill-typed date: a SPARQL error, as SPARQL 1.1 says, not a crash.

YEAR("2027-02-30"^^xsd:date) reaches rdflib's ``operators.date``, which hands back the literal itself when it has
no value; ``.year`` then raises AttributeError, which escapes the query as "SPARQLResult has no attribute
bindings" and took the whole validation down ("internal error (AttributeError)"). Oxigraph treats the call as an
expression error, so the BIND leaves its variable unbound. The same here, so that both engines agree and the
literal's datatype violation is what the user sees.
"""

from __future__ import annotations

from rdflib.plugins.sparql import operators
from rdflib.plugins.sparql.sparql import SPARQLError

_original = {"date": operators.date, "datetime": operators.datetime}


def _valued(function):
    def checked(e):
        result = function(e)
        if result is None or result is e:  # rdflib's toPython() gives the literal back when it has no value
            raise SPARQLError("an ill-typed date or time")
        return result

    return checked


def enable() -> None:
    if operators.date is _original["date"]:
        operators.date = _valued(_original["date"])
        operators.datetime = _valued(_original["datetime"])
