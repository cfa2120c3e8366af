"""After mkdocs: a Content-Security-Policy on every page, and a check that nothing links or loads badly.

The CSP allows scripts from the site itself plus the theme's own inline scripts by hash, so that no
injected script can run. The link check fails the build on a broken internal link, on any resource loaded
from another host, and on javascript: URLs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

_CSP = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
# <link> types that point somewhere without loading it.
_NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help"}
_RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src"), ("source", "src"),
                   ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}


def _executable(attrs: str) -> bool:
    kind = re.search(r"type\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
    return kind is None or kind.group(1).lower() in ("text/javascript", "module", "application/javascript")


def add_csp(html: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode() + "'"
                     for m in _INLINE_SCRIPT.finditer(html) if _executable(m.group("attrs"))})
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_CSP.format(hashes=" ".join(hashes)).strip()}">'
    return re.sub(r"<head([^>]*)>", lambda m: f"<head{m.group(1)}>{meta}", html, count=1, flags=re.I)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        rel = dict(attrs).get("rel") or ""
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "data", "action", "poster") or name.startswith("on"):
                kind = "link-nav" if tag == "link" and set(rel.lower().split()) <= _NAVIGATION_RELS else tag
                self.found.append((kind, name, value))


def check_links(out: Path) -> list[str]:
    problems = []
    for page in sorted(out.rglob("*.html")):
        if page.name == "404.html":
            continue  # mkdocs writes it with absolute paths under site_url, for the web server to serve anywhere
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        relative_page = page.relative_to(out).as_posix()
        for tag, attr, value in parser.found:
            if attr.startswith("on"):
                problems.append(f"{relative_page}: event handler attribute {attr} on <{tag}>")
                continue
            url = urlparse(value.strip())
            if url.scheme.lower() == "javascript":
                problems.append(f"{relative_page}: javascript: URL")
                continue
            external = url.scheme in ("http", "https") or value.startswith("//")
            if external:
                if (tag, attr) in _RESOURCE_ATTRS:
                    problems.append(f"{relative_page}: loads {value} from another host")
                continue
            if url.scheme in ("mailto", "data", "tel") or not url.path:
                continue
            target = (page.parent / unquote(url.path)).resolve()
            if not target.exists() or out.resolve() not in (target, *target.parents):
                problems.append(f"{relative_page}: broken link {url.path}")
    return problems


def postprocess(out: Path) -> list[str]:
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(add_csp(text), encoding="utf-8")
    return check_links(out)
