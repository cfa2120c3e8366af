"""Process-level refusal of network access.

Inspecting inputs is not enough: rdflib fetches JSON-LD contexts and SPARQL ``FROM`` graphs on its own,
so the CLI installs an audit hook that refuses every connection attempt while the guard is on.
Audit hooks cannot be removed, hence the switch, so that in-process tests can still run local servers.
"""

from __future__ import annotations

import sys
import urllib.request

from .errors import NetworkBlocked

_BLOCKED_EVENTS = frozenset(
    {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request", "http.client.connect"}
)
_state = {"installed": False, "active": False}


def _hook(event: str, args: tuple) -> None:
    if _state["active"] and event in _BLOCKED_EVENTS:
        raise NetworkBlocked(f"network access refused ({event}); overgang never fetches anything by default")


def enable() -> None:
    if not _state["installed"]:
        sys.addaudithook(_hook)
        _state["installed"] = True
    _state["active"] = True
    # Belt and braces: an opener with no handlers cannot open any URL even if the hook is bypassed.
    urllib.request.install_opener(urllib.request.OpenerDirector())


def disable() -> None:
    _state["active"] = False


def is_active() -> bool:
    return _state["active"]
