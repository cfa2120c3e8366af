"""Download files: the whole catalogue in five formats, CSV, the SSSOM alignment, the collections that
data.norge.no harvests with the mappings they leave out, and each concept as Turtle and JSON-LD.

The harvest and concept files stand alone (see ``standalone``): each passes its jurisdiction's profile with
nothing else loaded."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from catalogue import __version__
from catalogue.authoring.canonical_turtle import canonical_turtle
from catalogue.authoring.sssom import sssom_tsv
from catalogue.namespaces import all_prefixes, bind_prefixes
from catalogue.site.paths import collection_download, concept_page, mappings_download
from catalogue.site.standalone import complete, links, own_description


def csv_columns(views) -> tuple[str, ...]:
    languages = list(dict.fromkeys((*views.registry.content_languages(), "en")))
    return ("iri", "jurisdiction", "status", "deprecated", *(f"pref_{lang}" for lang in languages),
            "alt_labels", "definition_en", "sources", "counterparts")


def _context() -> dict:
    return {prefix: str(ns) for prefix, ns in all_prefixes().items()}


def _concept_graph(graph: Graph, iri: URIRef, views) -> Graph:
    """The concept's own description (its blank-node definitions included), the collections it is a member
    of, and a short description of everything it links to."""
    out = own_description(graph, iri, views)
    for s in graph.subjects(SKOS.member, iri):
        out.add((s, SKOS.member, iri))
    complete(graph, out, views)
    bind_prefixes(out, views.registry)
    return out


def write_downloads(views, out: Path) -> list[Path]:
    graph = views.graph
    bind_prefixes(graph, views.registry)
    folder = out / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def write(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    write(folder / "catalogue.ttl", canonical_turtle(graph))
    write(folder / "catalogue.jsonld", graph.serialize(format="json-ld", context=_context(), indent=1))
    write(folder / "catalogue.rdf", graph.serialize(format="xml"))
    write(folder / "catalogue.nt", "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True))))
    write(folder / "concepts.csv", _csv(views))
    for a, b in views.registry.pairs(views.mappings):
        write(folder / f"alignment-{a}-{b}.sssom.tsv", sssom_tsv(views, __version__))
    for jurisdiction in views.registry:
        if jurisdiction.collection:
            write(out / collection_download(jurisdiction.code),
                  canonical_turtle(_collection(views, URIRef(jurisdiction.collection))))
            outside = links(graph, views, jurisdiction.code)
            bind_prefixes(outside, views.registry)
            write(out / mappings_download(jurisdiction.code), canonical_turtle(outside))
    # mkdocs-material takes every <link rel="alternate"> for another language version of the site and fetches a
    # sitemap.xml beside it; an empty, valid one beside the concept downloads keeps that from failing.
    for code in views.registry.codes:
        write(out / "concepts" / code / "sitemap.xml",
              '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')
    for iri in views.concepts:
        page = concept_page(iri)
        concept = _concept_graph(graph, URIRef(iri), views)
        write(out / page.replace(".html", ".ttl"), canonical_turtle(concept))
        write(out / page.replace(".html", ".jsonld"), concept.serialize(format="json-ld", context=_context(), indent=1))
    return written


def _collection(views, collection: URIRef) -> Graph:
    """One self-contained harvest file: the collection, its publisher and contact point, its concepts, and
    what they link to."""
    graph = views.graph
    out = graph.cbd(collection)
    for member in graph.objects(collection, SKOS.member):
        out += own_description(graph, member, views)
    complete(graph, out, views)
    bind_prefixes(out, views.registry)
    return out


def _csv(views) -> str:
    counter = {}
    for m in views.mappings:
        counter.setdefault(m.source, []).append(f"{m.relation} {m.target}")
        counter.setdefault(m.target, []).append(f"{m.relation} {m.source}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = csv_columns(views)
    writer.writerow(columns)
    label_languages = [c[len("pref_"):] for c in columns if c.startswith("pref_")]
    for iri, c in views.concepts.items():
        alts = sorted(f"{t}@{lang}" for lang, texts in c.alt_labels.items() for t in texts)
        writer.writerow([iri, c.jurisdiction, (c.status or "").rsplit("/", 1)[-1], str(c.deprecated).lower(),
                         *(c.pref_labels.get(lang, "") for lang in label_languages), "; ".join(alts),
                         c.definitions["en"].text if "en" in c.definitions else "", " ".join(c.all_sources),
                         "; ".join(counter.get(iri, []))])
    return buffer.getvalue()

