"""Writing the one output file a user asked for: never over an existing file by accident, mode 0600."""

from __future__ import annotations

import os
import sys

from catalogue.errors import InputError


def write_output(path: str, text: str, force: bool = False) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if force else os.O_EXCL)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise InputError(path, "already exists; give --force to overwrite it") from None
    except OSError as exc:
        raise InputError(path, f"cannot write ({exc.strerror})") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
