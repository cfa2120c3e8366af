"""A session fixture's product made once per test run, even when pytest-xdist runs several workers.

Each worker has its own session, so a session fixture would otherwise be made once per worker: the site build,
the longest fixture of the suite, would then run on every core at the same time. The first worker makes the
product in the run's shared temporary folder under a lock; the others wait for it and reuse it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the parent is the run's, not the worker's
    out, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also when make() fails
        if not done.is_file():
            if out.exists():
                shutil.rmtree(out)  # a half-made product of a worker that failed
            make(out)
            done.write_text("made\n", encoding="utf-8")
    return out
