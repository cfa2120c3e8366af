"""What to call a source link, so that a reader sees "opplæringslova § 25-1" rather than a URL.

An act is named by the catalogue's own concept for it (the concept whose foaf:focus is the act's address, in
a jurisdiction whose legal-source pattern the address fits); a link into the act adds the section from the
address. Any other link is named by its site, which is honest about where it leads.
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

from rdflib import URIRef
from rdflib.namespace import FOAF


class SourceNames:
    def __init__(self, views):
        self._acts: dict[str, str] = {}
        for concept, focus in views.graph.subject_objects(FOAF.focus):
            if not isinstance(focus, URIRef) or str(concept) not in views.concepts:
                continue
            home = views.registry.get(views.registry.of(str(concept)) or "")
            if home is None or not home.is_legal_source(str(focus)):
                continue
            labels = views.concepts[str(concept)].pref_labels
            self._acts[str(focus).rstrip("/")] = next((labels[x] for x in home.languages if x in labels),
                                                     next(iter(labels.values()), ""))

    def name(self, url: str) -> str:
        bare = url.rstrip("/")
        if bare in self._acts:
            return self._acts[bare]
        for act in sorted(self._acts, key=len, reverse=True):
            if bare.startswith(act + "/") or bare.startswith(act + "#"):
                section = unquote(bare[len(act) + 1:]).replace("§", "§ ").replace("  ", " ").strip()
                return f"{self._acts[act]} {section}".strip()
        host = urlparse(url).hostname or url
        return host.removeprefix("www.")
