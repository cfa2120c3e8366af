"""Small, careful edits of SPARQL query text: a tokenizer that knows strings, IRIs and comments, and the
rewrite of group-level ``FILTER NOT EXISTS`` into ``OPTIONAL`` + ``!BOUND``.

Why: Oxigraph evaluates the pattern inside NOT EXISTS in an order that scans every data item with the same
category, so a query that is linear in pySHACL becomes quadratic in the size of a chunk. The OPTIONAL form
is evaluated as a join and is linear. The rewrite is done only where it means the same thing (see
``rewrite_not_exists``); otherwise the query is left as it was.
"""

from __future__ import annotations

import itertools
import re

_TOKEN = re.compile(r"""
    (?P<long>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<comment>\#[^\n]*)
  | (?P<var>[?$][A-Za-z_0-9\u00B7-\uFFFF]+)
  | (?P<word>[A-Za-z_][A-Za-z_0-9-]*(?::[A-Za-z_0-9.-]*)?|:[A-Za-z_0-9.-]*)
  | (?P<open>\{) | (?P<close>\}) | (?P<lpar>\() | (?P<rpar>\))
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


class Unrewritable(Exception):
    pass


def tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        out.append((kind, match.group()))
    return out


def variables(toks) -> set[str]:
    return {value[1:] for kind, value in toks if kind == "var"}


def _matching_close(toks, start: int) -> int:
    depth = 0
    for i in range(start, len(toks)):
        kind = toks[i][0]
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return i
    raise Unrewritable("unbalanced braces")


def _next_significant(toks, i: int) -> int:
    while i < len(toks) and toks[i][0] in ("space", "comment"):
        i += 1
    return i


def _not_exists_blocks(toks, group_open: int, group_close: int):
    """(filter_start, block_open, block_close) of each ``FILTER NOT EXISTS {`` directly in this group."""
    i = group_open + 1
    while i < group_close:
        kind, value = toks[i]
        if kind == "open":
            i = _matching_close(toks, i) + 1
            continue
        if kind == "word" and value.upper() == "FILTER":
            j = _next_significant(toks, i + 1)
            k = _next_significant(toks, j + 1)
            b = _next_significant(toks, k + 1)
            if (j < group_close and toks[j][1].upper() == "NOT" and k < group_close and toks[k][1].upper() == "EXISTS"
                    and b < group_close and toks[b][0] == "open"):
                close = _matching_close(toks, b)
                yield i, b, close
                i = close + 1
                continue
        i += 1


_BLOCKING_WORDS = {"BIND", "OPTIONAL", "UNION", "MINUS", "VALUES", "SELECT", "GRAPH", "SERVICE"}


def _simple_block(toks, block_open: int, block_close: int) -> bool:
    """True when the block holds only triple patterns and filters: nested braces only inside EXISTS."""
    i = block_open + 1
    while i < block_close:
        kind, value = toks[i]
        if kind == "word" and value.upper() in _BLOCKING_WORDS:
            return False
        if kind == "open":
            prev = i - 1
            while prev > block_open and toks[prev][0] in ("space", "comment"):
                prev -= 1
            if toks[prev][1].upper() != "EXISTS":
                return False
            i = _matching_close(toks, i) + 1
            continue
        i += 1
    return True


def rewrite_not_exists(text: str) -> str:
    """Rewrite each ``FILTER NOT EXISTS { P }`` of the top WHERE group into an OPTIONAL placed last in that group.

    NOT EXISTS { P } keeps a solution when P, with the solution's values substituted, has no match. The
    rewrite ``OPTIONAL { P' BIND(true AS ?m) } FILTER(!BOUND(?m))`` keeps it when P' has no match compatible
    with the solution, and filters inside an OPTIONAL see the outer solution too. The two agree when P holds
    only triple patterns and filters (checked), the OPTIONAL comes after everything else in the group (it is
    moved there), and P's own variables cannot leak into the rest of the query (they are renamed apart).
    """
    toks = tokens(text)
    where = next((i for i, (kind, value) in enumerate(toks) if kind == "open"), None)
    if where is None:
        return text
    where_close = _matching_close(toks, where)
    blocks = list(_not_exists_blocks(toks, where, where_close))
    if not blocks:
        return text
    inside = set()
    for start, _open, close in blocks:
        inside.update(range(start, close + 1))
    outer_vars = variables(t for i, t in enumerate(toks) if i not in inside)
    moved, removed = [], set()
    counter = itertools.count(1)
    for start, block_open, block_close in blocks:
        if not _simple_block(toks, block_open, block_close):
            continue
        n = next(counter)
        local = variables(toks[block_open:block_close + 1]) - outer_vars
        body = []
        for kind, value in toks[block_open + 1:block_close]:
            if kind == "var" and value[1:] in local:
                value = f"?ovg_ne{n}_{value[1:]}"
            body.append(value)
        marker = f"?ovg_ne{n}"
        moved.append(f"\n  OPTIONAL {{ {''.join(body)} \n    BIND (true AS {marker}) }}\n  FILTER (!BOUND({marker}))")
        removed.update(range(start, block_close + 1))
    if not moved:
        return text
    out = [value for i, (_kind, value) in enumerate(toks[:where_close]) if i not in removed]
    return "".join(out) + "".join(moved) + "\n" + "".join(value for _k, value in toks[where_close:])
