"""`overgang serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild when sources change.

Live reload is a same-origin script that polls the server for a build number, so it passes the CSP.
"""

from __future__ import annotations

import errno
import http.server
import tempfile
import threading
import time
from pathlib import Path

from catalogue.errors import OvergangError
from catalogue.site.build import build_site
from catalogue.source.loader import source_files

RELOAD_SCRIPT = b"""(function(){var v=null;setInterval(function(){fetch('/__overgang_build').then(function(r){return r.text()})
.then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();"""


def _fingerprint(root: Path) -> tuple:
    files = source_files(root) + [p for p in (root / "site").rglob("*") if p.is_file()] if (root / "site").is_dir() \
        else source_files(root)
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in files))


def _inject_reload(out: Path) -> None:
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</body>", '<script src="/__overgang_reload.js"></script></body>', 1),
                        encoding="utf-8")


def _bind(port: int, handler) -> http.server.ThreadingHTTPServer:
    """The server, bound before the first build so that a busy port is reported at once."""
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            reason = "is already in use"
        elif exc.errno == errno.EACCES:
            reason = "needs privileges to open"
        else:
            reason = f"cannot be opened ({exc.strerror or type(exc).__name__})"
        hint = port + 1 if 0 < port < 65535 else 8001
        raise OvergangError(f"port {port} on 127.0.0.1 {reason}; pick another with --port, for example "
                            f"`overgang serve --port {hint}`") from None
    except OverflowError:
        raise OvergangError(f"port {port} is not a port number (1-65535); pick another with --port") from None


def serve(location, port: int, echo=print) -> None:
    state = {"build": 0, "out": None}

    def rebuild() -> None:
        out = scratch / f"build-{state['build'] + 1}"
        try:
            build_site(location, out)
        except OvergangError as error:
            echo(f"build failed: {error}")
            return
        _inject_reload(out)
        state["out"], state["build"] = out, state["build"] + 1
        echo(f"built ({state['build']}); serving http://127.0.0.1:{port}/")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(state["out"]), **kwargs)

        def do_GET(self):
            if self.path == "/__overgang_build":
                return self._send(str(state["build"]).encode(), "text/plain")
            if self.path == "/__overgang_reload.js":
                return self._send(RELOAD_SCRIPT, "text/javascript")
            return super().do_GET()

        def _send(self, body: bytes, media: str):
            self.send_response(200)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = _bind(port, Handler)
    scratch = Path(tempfile.mkdtemp(prefix="overgang-serve-"))
    rebuild()
    if state["out"] is None:
        server.server_close()
        raise OvergangError("the first build failed; fix the errors above and run `overgang serve` again")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    seen = _fingerprint(location.root)
    try:
        while True:
            time.sleep(1)
            now = _fingerprint(location.root)
            if now != seen:
                seen = now
                rebuild()
    except KeyboardInterrupt:
        server.shutdown()
