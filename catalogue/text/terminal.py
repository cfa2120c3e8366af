"""Making contributed or untrusted text safe to print on a terminal."""

from __future__ import annotations

import unicodedata

_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f"}


def terminal_safe(text) -> str:
    """Escape control, bidi and unpaired-surrogate characters so no string can steer the terminal."""
    out = []
    for ch in str(text):
        if ch in "\n\t":
            out.append(ch)
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)
