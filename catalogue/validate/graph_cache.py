"""Remembering what was derived from a graph object (a slim copy, a closure, compiled shapes).

Keyed by the object's id and checked by identity, so a new graph that reuses a freed object's id is never
given another graph's result.
"""

from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")


def derived(cache: dict, graph, build: Callable[[object], T]) -> T:
    entry = cache.get(id(graph))
    if entry is None or entry[0] is not graph:
        entry = (graph, build(graph))
        cache[id(graph)] = entry
    return entry[1]
