"""Process-level refusal of network access.

Inspecting inputs is not enough: rdflib fetches JSON-LD contexts and SPARQL ``FROM`` graphs on its own,
so the CLI installs an audit hook that refuses every connection attempt while the guard is on.
Audit hooks cannot be removed, hence the switch, so that in-process tests can still run local servers.
"""

from __future__ import annotations

import sys
import urllib.request

from catalogue.errors import NetworkBlocked

_BLOCKED_EVENTS = frozenset(
    {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request", "http.client.connect"}
)
_state = {"installed": False, "active": False, "allowed": frozenset()}


def _allowed(event: str, args: tuple) -> bool:
    """Only what the user named explicitly (publish --endpoint) may be reached: that host and port."""
    allowed = _state["allowed"]
    if not allowed:
        return False
    if event == "socket.connect" and len(args) > 1 and isinstance(args[1], tuple):
        return tuple(args[1][:2]) in allowed
    if event in ("socket.getaddrinfo", "socket.gethostbyname") and args:
        return any(args[0] == host for host, _port in allowed)
    if event in ("urllib.Request", "http.client.connect"):
        return True  # the socket.connect that follows is checked
    return False


def _hook(event: str, args: tuple) -> None:
    if _state["active"] and event in _BLOCKED_EVENTS and not _allowed(event, args):
        raise NetworkBlocked(f"network access refused ({event}); overgang never fetches anything by default")


def enable() -> None:
    if not _state["installed"]:
        sys.addaudithook(_hook)
        _state["installed"] = True
    _state["active"] = True
    # Belt and braces: an opener with no handlers cannot open any URL even if the hook is bypassed.
    urllib.request.install_opener(urllib.request.OpenerDirector())


def allow(host: str, port: int, addresses: tuple[str, ...] = ()) -> None:
    """Let connections reach exactly this host and port (and its resolved addresses)."""
    _state["allowed"] = frozenset({(host, port), *((a, port) for a in addresses)})


def disable() -> None:
    _state["active"] = False
    _state["allowed"] = frozenset()
    urllib.request.install_opener(None)  # back to urllib's default opener


def is_active() -> bool:
    return _state["active"]
