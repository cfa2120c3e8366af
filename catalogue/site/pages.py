"""Rendering the catalogue into Markdown pages for one interface language.

Every page body is an HTML block rendered by jinja2 with autoescaping, so text from pull requests (labels,
definitions, justifications) can only ever show as text. Front matter is written with yaml.safe_dump, and
titles are HTML-escaped because mkdocs-material prints page titles unescaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SH

from catalogue.checks.report import short_iri
from catalogue.model.text import by_language, pick
from catalogue.search.lookup import fold, native_label
from catalogue.site.paths import WHOLE_CATALOGUE, Linker, concept_page, jurisdiction_page, transition_page
from catalogue.site.strings import LANGUAGE_NAMES, t


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("catalogue", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(t=t, pick=pick, language_names=LANGUAGE_NAMES, short=short_iri,
                       transition_page=transition_page)
    return env


class SiteContent:
    """What the pages are made of, computed once for all languages."""

    def __init__(self, views, shapes_graph, examples: list[str]):
        self.views = views
        self.shapes = shapes_graph
        self.examples = examples
        self.concepts = views.concepts
        self.counterparts = defaultdict(list)
        from catalogue.text.i18n import INVERSE

        for m in views.mappings:
            self.counterparts[m.source].append((m.target, m.relation, m.justification))
            self.counterparts[m.target].append((m.source, INVERSE[m.relation], m.justification))
        self.false_friends = defaultdict(list)
        for ff in views.false_friends:
            for iri in ff.concepts:
                self.false_friends[iri].append(ff)
        self.responsibilities = defaultdict(list)
        for r in views.responsibilities.values():
            for iri in set(r.party + r.responsible_for + r.stages):
                self.responsibilities[iri].append(r)
        self.in_transitions = defaultdict(set)
        for tr in views.transitions.values():
            involved = set(tr.from_stages + tr.to_stages)
            for s in tr.shifts:
                involved |= set(s.before + s.after)
            for r in tr.information_rules:
                involved.add(r.category)
            for c in tr.consent_rules:
                involved.add(c.role)
            for iri in involved:
                self.in_transitions[iri].add(tr.iri)
            self.in_transitions[tr.iri].add(tr.iri)

    def home_languages(self, iri: str) -> tuple[str, ...]:
        home = self.views.registry.get(self.views.registry.of(iri) or "")
        return home.languages if home else ()

    def home_language(self, iri: str) -> str:
        return next(iter(self.home_languages(iri)), "en")

    def label(self, iri: str, lang: str) -> str:
        concept = self.concepts.get(iri)
        if concept is None:
            return short_iri(iri)
        return pick(concept.pref_labels, lang, fallbacks=(*self.home_languages(iri), "en"))

    def native(self, iri: str) -> str:
        concept = self.concepts.get(iri)
        if concept is None:
            return short_iri(iri)
        return native_label(concept.pref_labels, self.home_languages(iri))

    def jurisdiction_name(self, code: str | None, lang: str) -> str:
        found = self.views.registry.get(code or "")
        return found.name(lang) if found else (code or "")


def _page(path: Path, title: str, body: str, meta: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = {"title": html.escape(title, quote=True), **(meta or {})}
    path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=True) + "---\n\n" + body + "\n",
                    encoding="utf-8")


def _text_lang(texts: dict[str, str], lang: str) -> str:
    for candidate in (lang, "en", "nb", "da", "nn"):
        if texts.get(candidate):
            return candidate
    return next(iter(texts), lang)


def render_language(content: SiteContent, lang: str, docs: Path) -> None:
    env = environment()
    views = content.views

    def label(iri):
        return content.label(iri, lang)

    def render(template, page, **context):
        return env.get_template(f"site/{template}").render(
            lang=lang, L=Linker(lang, page), label=label, native=content.native, text_lang=_text_lang,
            jurisdictions=list(views.registry), jname=lambda code: content.jurisdiction_name(code, lang),
            home_of=lambda iri: views.registry.of(iri), home_lang=content.home_language, **context)

    _page(docs / "index.md", t("site_name", lang), render("home.html.j2", "index.html"))

    for iri, c in content.concepts.items():
        page = concept_page(iri)
        counterparts = []
        for other, relation, justification in sorted(content.counterparts.get(iri, [])):
            jl = _text_lang(justification, lang)
            counterparts.append({"iri": other, "relation": relation, "justification": justification.get(jl, ""),
                                 "justification_lang": jl})
        false_friends = []
        for ff in content.false_friends.get(iri, []):
            el = _text_lang(ff.explanation, lang)
            false_friends.append({"others": [o for o in ff.concepts if o != iri], "explanation": ff.explanation.get(el, ""),
                                  "explanation_lang": el, "see_also": list(ff.see_also)})
        order = [lang] + [x for x in (*content.home_languages(iri), *views.registry.content_languages(), "en")
                          if x != lang]
        order = list(dict.fromkeys(order))
        definitions = [(l, c.definitions[l].text) for l in order if l in c.definitions]
        ttl, jsonld = concept_page(iri).replace(".html", ".ttl"), concept_page(iri).replace(".html", ".jsonld")
        linker = Linker(lang, page)
        body = render("concept.html.j2", page, c=c, native_label=content.native(iri),
                      native_lang=content.home_language(iri), status=(c.status or "").rsplit("/", 1)[-1],
                      definitions=definitions, counterparts=counterparts, false_friends=false_friends,
                      responsibilities=content.responsibilities.get(iri, []),
                      transitions=sorted(content.in_transitions.get(iri, set()) - {iri}), ttl=ttl, jsonld=jsonld)
        _page(docs / page.replace(".html", ".md"), content.native(iri), body,
              {"alternate_ttl": linker.download(ttl), "alternate_jsonld": linker.download(jsonld),
               "search": {"exclude": True}})

    for jurisdiction in views.registry:
        page = jurisdiction_page(jurisdiction.code)
        members = {iri: c for iri, c in content.concepts.items() if c.jurisdiction == jurisdiction.code}
        _page(docs / page.replace(".html", ".md"), jurisdiction.name(lang),
              render("jurisdiction.html.j2", page, title=jurisdiction.name(lang),
                     az=_a_to_z(members, jurisdiction.languages), hierarchy=_hierarchy(members)))

    # One crosswalk table per pair of jurisdictions that has mappings, in the direction of the mappings.
    crosswalks = []
    for a, b in views.registry.pairs(views.mappings):
        rows = []
        for m in views.mappings:
            if (views.registry.of(m.source), views.registry.of(m.target)) != (a, b):
                continue
            jl = _text_lang(m.justification, lang)
            rows.append({"source": m.source, "target": m.target, "relation": m.relation, "jlang": jl,
                         "text": m.justification.get(jl, "")})
        crosswalks.append({"source": a, "target": b, "mappings": rows})
    false_friends = []
    for ff in views.false_friends:
        fl = _text_lang(ff.explanation, lang)
        false_friends.append({"concepts": ff.concepts, "lang": fl, "text": ff.explanation.get(fl, "")})
    _page(docs / "crosswalk.md", t("crosswalk", lang),
          render("crosswalk.html.j2", "crosswalk.html", crosswalks=crosswalks, false_friends=false_friends))

    columns = []
    for jurisdiction in views.registry:
        rows = sorted((r for r in views.responsibilities.values() if r.jurisdiction == jurisdiction.code),
                      key=lambda r: (tuple(label(s) for s in r.stages), tuple(label(p) for p in r.party)))
        if rows:
            columns.append((jurisdiction.code, rows))
    _page(docs / "actors.md", t("actors", lang), render("actors.html.j2", "actors.html", columns=columns))

    _page(docs / "transitions.md", t("transitions", lang),
          render("transitions.html.j2", "transitions.html", transitions=list(views.transitions.values())))
    for tr in views.transitions.values():
        page = transition_page(tr.iri)
        _page(docs / page.replace(".html", ".md"), label(tr.iri),
              render("transition.html.j2", page, tr=tr, stages_from=", ".join(label(s) for s in tr.from_stages),
                     stages_to=", ".join(label(s) for s in tr.to_stages)))

    _page(docs / "reference" / "handover.md", t("handover_reference", lang),
          render("handover.html.j2", "reference/handover.html", shapes=_shape_docs(content.shapes, lang),
                 examples=content.examples))
    _handover_json_page(content, lang, docs, render)
    classes = [term for term in views.ontology_terms if term.kind == "class"]
    properties = [term for term in views.ontology_terms if term.kind != "class"]
    _page(docs / "reference" / "ontology.md", t("ontology_reference", lang),
          render("ontology.html.j2", "reference/ontology.html",
                 sections=[("classes", classes), ("properties", properties)]))
    _page(docs / "downloads.md", t("downloads", lang),
          render("downloads.html.j2", "downloads.html", files=WHOLE_CATALOGUE,
                 alignments=[f"alignment-{a}-{b}.sssom.tsv" for a, b in views.registry.pairs(views.mappings)],
                 collections=[(j.code, j.profile.label if j.profile else "") for j in views.registry if j.collection]))


def _a_to_z(members: dict, languages: tuple[str, ...]):
    out = []
    for lang in languages:
        entries = sorted(((c.pref_labels[lang], iri, c.deprecated) for iri, c in members.items() if lang in c.pref_labels),
                         key=lambda e: (fold(e[0]), e[0]))
        letters = defaultdict(list)
        for entry in entries:
            first = entry[0][:1].upper()
            letters[first if first.isalpha() else "#"].append(entry)
        out.append((lang, sorted(letters.items(), key=lambda kv: fold(kv[0]))))
    return out


def _hierarchy(members: dict):
    def children(iri, seen):
        kids = sorted((k for k in members[iri].narrower if k in members and k not in seen), key=lambda k: fold(k))
        return [(k, children(k, seen | {k})) for k in kids]

    roots = sorted((iri for iri, c in members.items() if not any(b in members for b in c.broader)),
                   key=lambda i: fold(i))
    return [(iri, children(iri, {iri})) for iri in roots]


def _shape_docs(shapes, lang: str) -> list[dict]:
    """Per node shape: its property shapes and SPARQL constraints, documented from the shapes themselves."""
    docs = []
    node_shapes = sorted((s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)), key=str)
    for shape in node_shapes:
        targets = [f"{short_iri(str(p))} {short_iri(str(o))}" for p, o in shapes.predicate_objects(shape)
                   if p in (SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode)]
        shape_severity = shapes.value(shape, SH.severity)
        rows = []
        for prop in shapes.objects(shape, SH.property):
            rows.append(_property_row(shapes, prop, lang))
        for constraint in shapes.objects(shape, SH.sparql):
            severity = shapes.value(constraint, SH.severity) or shape_severity or SH.Violation
            rows.append({"order": _order(shapes, constraint), "name": pick(by_language(shapes, constraint, SH.name), lang),
                         "path": "SPARQL", "cardinality": "", "allowed": pick(by_language(shapes, constraint, SH.description), lang),
                         "severity": str(severity).rsplit("#", 1)[-1].lower(),
                         "message": pick(by_language(shapes, constraint, SH.message), lang)})
        if shapes.value(shape, SH.closed):
            rows.append({"order": -1, "name": "sh:closed", "path": "", "cardinality": "", "allowed": "",
                         "severity": "violation", "message": pick(by_language(shapes, shape, SH.message), lang)})
        docs.append({"anchor": str(shape).rsplit("#", 1)[-1], "label": pick(by_language(shapes, shape, RDFS.label), lang),
                     "comment": pick(by_language(shapes, shape, RDFS.comment), lang), "target": "; ".join(sorted(targets)),
                     "properties": sorted(rows, key=lambda r: (r["order"], r["name"]))})
    return docs


def _order(shapes, node) -> float:
    value = shapes.value(node, SH.order)
    try:
        return float(value) if value is not None else 99
    except ValueError:
        return 99


def _property_row(shapes, prop, lang: str) -> dict:
    def value(p):
        v = shapes.value(prop, p)
        return v.toPython() if v is not None and hasattr(v, "toPython") else v

    low, high = value(SH.minCount), value(SH.maxCount)
    cardinality = f"{low or 0}..{high if high is not None else 'n'}"
    allowed = []
    for p, prefix in ((SH.datatype, ""), (SH["class"], ""), (SH.nodeKind, ""), (SH.pattern, "pattern "),
                      (SH.maxInclusive, "≤ ")):
        v = shapes.value(prop, p)
        if v is not None:
            allowed.append(prefix + (short_iri(str(v)) if isinstance(v, URIRef) else str(v)))
    path = shapes.value(prop, SH.path)
    severity = shapes.value(prop, SH.severity) or SH.Violation
    return {"order": _order(shapes, prop), "name": pick(by_language(shapes, prop, SH.name), lang),
            "path": short_iri(str(path)) if isinstance(path, URIRef) else "(path)", "cardinality": cardinality,
            "allowed": ", ".join(allowed), "severity": str(severity).rsplit("#", 1)[-1].lower(),
            "message": pick(by_language(shapes, prop, SH.message), lang)}


def _handover_json_page(content: SiteContent, lang: str, docs: Path, render) -> None:
    """The JSON form, field by field, with the generated context and schema beside the page for download."""
    from catalogue.handover_json.page import page_context

    context = page_context(content.views, content.shapes, lang)
    folder = docs / "handover-json"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in context.pop("files").items():
        (folder / name).write_text(text, encoding="utf-8")
    _page(docs / "reference" / "handover-json.md", t("handover_json", lang),
          render("handover_json.html.j2", "reference/handover-json.html", **context))
