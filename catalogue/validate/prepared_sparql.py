"""Parse each SHACL-SPARQL query once instead of once per focus node.

pySHACL 0.40 hands the query text to ``graph.query`` for every focus node, so rdflib's SPARQL parser runs
again and again; that is most of a validation's time. Caching rdflib's prepared query by its text gives
the same results (tests/test_prepared_sparql.py compares against stock pySHACL). Offered upstream.
"""

from __future__ import annotations

from functools import lru_cache

from pyshacl.constraints.sparql import sparql_based_constraints as _sbc
from rdflib.plugins.sparql import prepareQuery

_original = _sbc.SPARQLBasedConstraint._validate_sparql_query
_state = {"enabled": False}


@lru_cache(maxsize=512)
def _prepared(text: str):
    return prepareQuery(text)


def _validate_sparql_query(self, query, init_binds, target_graph):
    if isinstance(query, str):
        query = _prepared(query)
    return _original(self, query, init_binds, target_graph)


def enable() -> None:
    if not _state["enabled"]:
        _sbc.SPARQLBasedConstraint._validate_sparql_query = _validate_sparql_query
        _state["enabled"] = True


def disable() -> None:
    _sbc.SPARQLBasedConstraint._validate_sparql_query = _original
    _state["enabled"] = False
