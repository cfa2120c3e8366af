"""Exit codes and the errors that map onto them.

The codes are the same for every command and are listed in the README.
"""

from __future__ import annotations

OK = 0
VIOLATIONS = 1
USAGE = 2  # click's own code for bad options
INPUT_REJECTED = 3
LIMIT_HIT = 4


class OvergangError(Exception):
    """An error the CLI reports as one clean line and an exit code, never a traceback."""

    exit_code = INPUT_REJECTED

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class InputError(OvergangError):
    """Input that cannot be read or is refused; reported as ``path:line:col: reason``."""

    exit_code = INPUT_REJECTED

    def __init__(self, path: str, reason: str, line: int | None = None, col: int | None = None):
        super().__init__(reason)
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.reason}"


class LimitError(OvergangError):
    """A size or time limit was hit."""

    exit_code = LIMIT_HIT


class NetworkBlocked(PermissionError):
    """Raised by the audit hook when anything tries to open a network connection."""
