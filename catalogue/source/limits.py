"""Size, literal-length and time limits for untrusted input (exit code 4 when one is hit).

Sizes are checked before parsing. Very long literals and lines are refused before parsing too, because
rdflib's parsers slow down quadratically on them (a 640 kB literal takes about 20 s). The time limit covers
the whole run and interrupts the regular-expression engine and pySHACL alike.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading

from catalogue.errors import LimitError

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_LITERAL = 100_000
DEFAULT_TIMEOUT = 600

_TRIPLE_QUOTES = re.compile(r'"""|\'\'\'')


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise LimitError(f"{name}: {size} bytes is more than the limit of {max_bytes} bytes; "
                         "raise it with --max-bytes if the file is trusted")


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_literals(name: str, text: str, fmt: str, max_literal: int) -> None:
    """Refuse literals (and, for line-based formats, lines) longer than ``max_literal`` characters."""
    hint = "; raise the limit with --max-literal if the file is trusted"
    if fmt == "turtle":
        marks = [m.start() for m in _TRIPLE_QUOTES.finditer(text)]
        for start, end in zip(marks[::2], marks[1::2]):
            if end - start > max_literal:
                raise LimitError(f"{name}:{_line_of(text, start)}: a literal of more than {max_literal} characters"
                                 + hint)
    if fmt in ("turtle", "nt"):
        position = 0
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > max_literal:
                raise LimitError(f"{name}:{number}: a line of more than {max_literal} characters" + hint)
            position += len(line) + 1
    if fmt == "xml":
        longest, at = 0, 0
        for match in re.finditer(r">([^<]*)<", text):
            if len(match.group(1)) > longest:
                longest, at = len(match.group(1)), match.start()
        if longest > max_literal:
            raise LimitError(f"{name}:{_line_of(text, at)}: a text value of more than {max_literal} characters" + hint)


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise LimitError when the block runs longer than ``seconds`` (main thread only; elsewhere no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum, frame):
        raise LimitError(f"the time limit of {seconds:g} s was reached; raise it with --timeout if the input is trusted")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
