"""Cutting one large Turtle or N-Triples file into pieces that parse on their own.

A cut goes at the start of a line that follows a line ending in "." (after trailing blanks), so in practice at
a statement boundary. That is a guess, and it is checked: every piece, with the file's leading directives in
front of it, must parse. A cut inside a statement leaves the piece before it unfinished, and a cut inside a
multi-line string leaves that string open at the end of the piece, so either one is a syntax error there; the
first piece starts where the file does, so no piece can start inside a string unless the one before it failed.

Whatever could change meaning across a cut makes the file stay whole: a directive (@prefix, @base, PREFIX,
BASE) after the leading ones, since it applies to the rest of the document only, and a labelled blank node
("_:x"), since a label names the same node throughout one document but not across two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIRECTIVE = re.compile(rb"(?i)[ \t]*(@prefix|@base|prefix[ \t]|base[ \t])")
# A case-insensitive search of a whole file is slow (0.9 s for 170 MB); lines that could start a directive
# are few and quick to find.
_MAYBE_DIRECTIVE = re.compile(rb"\n[ \t]*[@pPbB]")
_LEADING = re.compile(rb"(?:[ \t]*(?:(?:@prefix|@base|prefix[ \t]|base[ \t])[^\n]*|#[^\n]*)?\r?\n)*")
_STATEMENT_END = re.compile(rb"\.[ \t]*\r?\n")
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Pieces:
    header: bytes  # the leading directives, put in front of every piece
    spans: tuple[tuple[int, int], ...]  # byte offsets into the data, in order, covering it after the header

    def piece(self, data: bytes, index: int) -> bytes:
        start, end = self.spans[index]
        return self.header + data[start:end]


def cut(data: bytes, target_size: int) -> Pieces | None:
    """Pieces of about ``target_size`` bytes, or None when the file should stay whole."""
    begin = len(BOM) if data.startswith(BOM) else 0
    if len(data) - begin < 2 * target_size:
        return None
    header_end = _LEADING.match(data, begin).end()
    if data.find(b"_:", header_end) >= 0:
        return None
    for line in _MAYBE_DIRECTIVE.finditer(data, header_end - 1 if header_end else 0):
        if _DIRECTIVE.match(data, line.start() + 1):
            return None
    spans = []
    start = header_end
    while len(data) - start > target_size * 3 // 2:
        match = _STATEMENT_END.search(data, start + target_size)
        if match is None:
            break
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(data)))
    if len(spans) < 2:
        return None
    return Pieces(data[begin:header_end], tuple(spans))
