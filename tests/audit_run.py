"""Run the `overgang` command under an audit hook that records network attempts and opens of watched files.

Used by tests/test_security.py in a subprocess: the hook is installed before anything of ours is imported,
so it also sees attempts that our own guard then refuses.
"""

import atexit
import json
import os
import sys

NETWORK = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request", "http.client.connect"}
WATCHED = [w for w in os.environ.get("OVG_AUDIT_WATCH", "").split(os.pathsep) if w]
EVENTS = []


def _hook(event, args):
    if event in NETWORK:
        EVENTS.append([event, repr(args)[:120]])
    elif event == "open" and args and isinstance(args[0], (str, bytes)):
        path = os.fsdecode(args[0])
        if any(path == w or path.startswith(w) for w in WATCHED):
            EVENTS.append([event, path])


sys.addaudithook(_hook)


@atexit.register
def _report():
    with open(os.environ["OVG_AUDIT_OUT"], "w", encoding="utf-8") as handle:
        json.dump(EVENTS, handle)


from cli import run  # noqa: E402  (the hook must come first)

sys.argv = ["overgang", *sys.argv[1:]]
run()
