"""qSKOS structural checks over the whole catalogue: omitted top concepts and orphan concepts.

- Omitted top concepts: a registered jurisdiction's scheme with no ``skos:hasTopConcept``, so a generic SKOS
  browser has nowhere to start.
- Orphan concepts: one of our concepts (retired ones too: they are still published and looked up) with no
  ``skos:broader``, ``skos:narrower`` or ``skos:related`` link, in either direction, to another concept of the
  catalogue. Mappings to other schemes do not place a concept in its own scheme, and neither does being a top
  concept, which is derived from having no broader concept.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import SKOS

from catalogue.checks.findings import Finding, en

LINKS = (SKOS.broader, SKOS.narrower, SKOS.related)


def omitted_top_concepts(views) -> list[Finding]:
    out = []
    for jurisdiction in views.registry:
        scheme = URIRef(jurisdiction.scheme)
        if (scheme, SKOS.hasTopConcept, None) not in views.graph:
            out.append(Finding("qskos:otc", "violation",
                               en(f"the scheme of jurisdiction '{jurisdiction.code}' has no skos:hasTopConcept; "
                                  "top concepts are derived from concepts without a broader one: run "
                                  "`overgang format`, and give the scheme concepts if it has none"),
                               focus=str(scheme)))
    return out


def orphan_concepts(views) -> list[Finding]:
    g = views.graph
    ours = views.concepts
    out = []
    for iri in sorted(ours):
        node = URIRef(iri)
        linked = any(str(o) in ours and o != node for p in LINKS for o in g.objects(node, p)) or \
            any(str(s) in ours and s != node for p in LINKS for s in g.subjects(p, node))
        if not linked:
            out.append(Finding("qskos:oc", "violation",
                               en("orphan concept: no skos:broader, skos:narrower or skos:related link to another "
                                  "concept of the catalogue (mappings to other schemes do not count); place it in "
                                  "the hierarchy or relate it"), focus=iri))
    return out


CHECKS = {"qskos:otc": omitted_top_concepts, "qskos:oc": orphan_concepts}
