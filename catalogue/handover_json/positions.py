"""Where each value of a JSON text starts, as line and column, keyed by its JSON path.

Python's json module gives no positions, so locations are found by a second, small scanner, run only when a
message needs one (a finding or an error). It also finds duplicate keys, which json.loads silently merges.
"""

from __future__ import annotations

import bisect
import re

_TOKEN = re.compile(r'[ \t\r\n]*(?:([\[\]{},:])|("(?:[^"\\]|\\.)*")|(-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true'
                    r'|false|null))', re.S)
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts: tuple) -> str:
    """``("items", 2, "consent")`` -> ``$.items[2].consent``; other keys in brackets, quoted."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += "." + part
        else:
            out += "['" + part.replace("\\", "\\\\").replace("'", "\\'") + "']"
    return out


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class DuplicateKey(ValueError):
    def __init__(self, path: tuple, offset: int):
        super().__init__("duplicate key")
        self.path = path
        self.offset = offset


class Positions:
    """Offsets of values by path; line and column on demand."""

    def __init__(self, text: str):
        self.text = text
        self.starts: dict[tuple, int] = {}
        self._newlines = [i for i, ch in enumerate(text) if ch == "\n"]
        self._scan()

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def of(self, path: tuple) -> tuple[int, int] | None:
        """The position of the value at ``path``, or of its nearest enclosing value that exists."""
        while True:
            if path in self.starts:
                return self.line_col(self.starts[path])
            if not path:
                return None
            path = path[:-1]

    def _scan(self) -> None:
        import json

        text, pos = self.text, 0
        # Stack entries: [path, kind, keys seen, next index, pending key]
        stack: list[list] = []
        expecting_key = False
        while True:
            match = _TOKEN.match(text, pos)
            if match is None:
                return
            pos = match.end()
            punct, string, scalar = match.groups()
            start = match.start(1) if punct else match.start(2) if string else match.start(3)
            top = stack[-1] if stack else None
            if punct in (",", ":"):
                if punct == "," and top is not None and top[1] == "object":
                    expecting_key = True
                continue
            if punct in ("]", "}"):
                stack.pop()
                expecting_key = False
                continue
            if top is not None and top[1] == "object" and expecting_key and string is not None:
                key = json.loads(string)
                if key in top[2]:
                    raise DuplicateKey(top[0] + (key,), start)
                top[2].add(key)
                top[4] = key
                expecting_key = False
                continue
            # A value starts here.
            if top is None:
                path = ()
            elif top[1] == "object":
                path = top[0] + (top[4],)
            else:
                path = top[0] + (top[3],)
                top[3] += 1
            self.starts.setdefault(path, start)
            if punct == "{":
                stack.append([path, "object", set(), 0, None])
                expecting_key = True
            elif punct == "[":
                stack.append([path, "array", None, 0, None])
