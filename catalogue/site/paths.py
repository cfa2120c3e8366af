"""Where each page lives, and relative links between pages, languages and downloads.

The English build is the site root; the Norwegian and Danish builds live in nb/ and da/. Pages are plain
.html files (no directory URLs), so the site also works when opened from disk.
"""

from __future__ import annotations

import posixpath
import re

from catalogue.site.strings import SITE_LANGUAGES

DEFAULT_LANGUAGE = "en"
_SAFE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def safe_slug(slug: str) -> str:
    """Slugs come from IRIs in pull requests: only lower-case ASCII, digits and hyphens reach the file system."""
    if not _SAFE_SLUG.fullmatch(slug):
        from catalogue.errors import InputError

        raise InputError("vocab", f"concept identifier {slug[:80]!r} cannot be a page name: use only a-z, 0-9 "
                         "and hyphens, starting with a letter or digit")
    return slug


def concept_page(iri: str) -> str:
    jurisdiction, slug = iri.rstrip("/").rsplit("/", 2)[-2:]
    return f"concepts/{jurisdiction}/{safe_slug(slug)}.html"


def transition_page(iri: str) -> str:
    return f"transitions/{safe_slug(iri.rsplit('/', 1)[-1])}.html"


def site_path(lang: str, page: str) -> str:
    """The path of ``page`` (a path inside one language build) from the root of the whole site."""
    return page if lang == DEFAULT_LANGUAGE else f"{lang}/{page}"


def relative(from_site_path: str, to_site_path: str) -> str:
    return posixpath.relpath(to_site_path, posixpath.dirname(from_site_path) or ".")


class Linker:
    """Relative links from one page of one language build."""

    def __init__(self, lang: str, page: str):
        self.lang = lang
        self.page = page
        self.here = site_path(lang, page)

    def to(self, page: str, lang: str | None = None) -> str:
        return relative(self.here, site_path(lang or self.lang, page))

    def concept(self, iri: str) -> str:
        return self.to(concept_page(iri))

    def download(self, path: str) -> str:
        return relative(self.here, path)

    def languages(self) -> list[tuple[str, str, bool]]:
        return [(code, self.to(self.page, code), code == self.lang) for code in SITE_LANGUAGES]

    def root(self) -> str:
        return relative(self.here, site_path(self.lang, "index.html")).rsplit("index.html", 1)[0] or "./"


def collection_download(code: str) -> str:
    """The jurisdiction's harvest file (its skos:Collection), which w3id's …/<code>/collection redirects to."""
    return f"downloads/collection-{safe_slug(code)}.ttl"


def mappings_download(code: str) -> str:
    """The jurisdiction's links to other schemes, which its harvest and concept files leave out."""
    return f"downloads/mappings-{safe_slug(code)}.ttl"


def jurisdiction_page(code: str) -> str:
    return f"jurisdiction-{safe_slug(code)}.html"


def sharing_page(code: str) -> str:
    """The guide to what may be shared at the jurisdiction's transitions."""
    return f"sharing-{safe_slug(code)}.html"


# The whole catalogue's download files, listed on the downloads page and written by downloads.py.
WHOLE_CATALOGUE = [
    ("catalogue.ttl", "text/turtle"),
    ("catalogue.jsonld", "application/ld+json"),
    ("catalogue.rdf", "application/rdf+xml"),
    ("catalogue.nt", "application/n-triples"),
    ("concepts.csv", "text/csv"),
]
