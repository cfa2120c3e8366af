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
from rdflib.namespace import RDF, RDFS, SH, SKOS

from catalogue.checks.report import short_iri
from catalogue.model import sharing
from catalogue.model.text import by_language, pick, pick_notes
from catalogue.search.lookup import fold, native_label
from catalogue.search.messages import age_words, year_words
from catalogue.site.collation import initial, sort_key
from catalogue.site.paths import (
    WHOLE_CATALOGUE,
    Linker,
    collection_download,
    concept_page,
    jurisdiction_page,
    mappings_download,
    sharing_page,
    transition_page,
)
from catalogue.site.strings import LANGUAGE_NAMES, t
from catalogue.text.dates import month_day_words


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("catalogue", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(t=t, pick=pick, pick_notes=pick_notes, language_names=LANGUAGE_NAMES, short=short_iri,
                       transition_page=transition_page, month_day_words=month_day_words, age_words=age_words,
                       year_words=year_words, first_sentence=first_sentence)
    return env


def first_sentence(text: str) -> str:
    """The opening sentence, for a one-line "why"; the whole text follows further down the page."""
    text = " ".join((text or "").split())
    for end in (". ", "; "):
        cut = text.find(end)
        if 0 < cut < 220:
            return text[:cut + 1].rstrip(";") + ("" if end == ". " else "…")
    return text if len(text) <= 220 else text[:220].rsplit(" ", 1)[0] + "…"


class SiteContent:
    """What the pages are made of, computed once for all languages."""

    def __init__(self, views, shapes_graph, examples: list[str]):
        from catalogue.model.source_names import SourceNames
        from catalogue.text.i18n import INVERSE

        self.views = views
        self.shapes = shapes_graph
        self.examples = examples
        self.concepts = views.concepts
        self.sources = SourceNames(views)
        self.term_labels = {term.iri: term.labels for term in views.ontology_terms}
        self.counterparts = defaultdict(list)
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

    def home_languages(self, iri: str) -> tuple[str, ...]:
        home = self.views.registry.get(self.views.registry.of(iri) or "")
        return home.languages if home else ()

    def home_language(self, iri: str) -> str:
        return next((x for x in self.home_languages(iri) if x != "en"), next(iter(self.home_languages(iri)), "en"))

    def label(self, iri: str, lang: str) -> str:
        concept = self.concepts.get(iri)
        if concept is None:
            return self.external_label(iri, lang)
        return pick(concept.pref_labels, lang, fallbacks=(*self.home_languages(iri), "en"))

    def external_label(self, iri: str, lang: str) -> str:
        labels = by_language(self.views.graph, URIRef(iri), SKOS.prefLabel)
        return pick(labels, lang) if labels else short_iri(iri)

    def scheme_label(self, iri: str, lang: str) -> str:
        scheme = self.views.graph.value(URIRef(iri), SKOS.inScheme)
        return self.external_label(str(scheme), lang) if scheme is not None else ""

    def native(self, iri: str) -> str:
        concept = self.concepts.get(iri)
        if concept is None:
            return short_iri(iri)
        return native_label(concept.pref_labels, self.home_languages(iri))

    def jurisdiction_name(self, code: str | None, lang: str) -> str:
        found = self.views.registry.get(code or "")
        return found.name(lang) if found else (code or "")

    def type_words(self, concept, lang: str) -> list[str]:
        """The concept's ontology classes in words ("organisation type"), never as class names."""
        return [pick(self.term_labels[t], lang) for t in concept.types if t in self.term_labels]

    def status_words(self, concept, lang: str) -> str:
        return self.external_label(concept.status, lang) if concept.status else ""

    def counterpart_transitions(self, iri: str) -> list[tuple[str, str]]:
        return [(other, relation) for other, relation, _ in sorted(self.counterparts.get(iri, []))
                if other in self.views.transitions]


def _page(path: Path, title: str, body: str, meta: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = {"title": html.escape(title, quote=True), **(meta or {})}
    path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=True) + "---\n\n" + body + "\n",
                    encoding="utf-8")


def _text_lang(texts: dict[str, str], lang: str, home: tuple[str, ...] = ()) -> str:
    """Which language to show a text in: the reader's, else English, else the text's home languages."""
    for candidate in (lang, "nb" if lang == "nn" else "", "en", *home):
        if candidate and texts.get(candidate):
            return candidate
    return next(iter(texts), lang)


def render_language(content: SiteContent, lang: str, docs: Path) -> None:
    env = environment()
    views = content.views

    def label(iri):
        return content.label(iri, lang)

    guides = [j.code for j in views.registry if any(tr.jurisdiction == j.code for tr in views.transitions.values())]

    def render(template, page, **context):
        return env.get_template(f"site/{template}").render(guides=guides,
            lang=lang, L=Linker(lang, page), label=label, native=content.native, text_lang=_text_lang,
            jurisdictions=list(views.registry), jname=lambda code: content.jurisdiction_name(code, lang),
            home_of=lambda iri: views.registry.of(iri), home_lang=content.home_language,
            source_name=content.sources.name, sharing_page=sharing_page, **context)

    _page(docs / "index.md", t("site_name", lang), render("home.html.j2", "index.html"))

    for iri, c in content.concepts.items():
        _concept(content, lang, docs, iri, c, render)

    for jurisdiction in views.registry:
        page = jurisdiction_page(jurisdiction.code)
        members = {iri: c for iri, c in content.concepts.items() if c.jurisdiction == jurisdiction.code}
        has_guide = jurisdiction.code in guides
        _page(docs / page.replace(".html", ".md"), jurisdiction.name(lang),
              render("jurisdiction.html.j2", page, title=jurisdiction.name(lang), code=jurisdiction.code,
                     has_guide=has_guide, az=_a_to_z(members, jurisdiction.languages),
                     hierarchy=_hierarchy(members)))

    _crosswalk(content, lang, docs, render)
    _actors(content, lang, docs, render)
    _transitions(content, lang, docs, render)
    for jurisdiction in views.registry:
        _sharing_guide(content, lang, docs, render, jurisdiction)

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
                 collections=[(j.code, j.profile.label if j.profile else "", collection_download(j.code),
                               mappings_download(j.code)) for j in views.registry if j.collection]))


def _concept(content: SiteContent, lang: str, docs: Path, iri: str, c, render) -> None:
    views = content.views
    page = concept_page(iri)
    home = content.home_languages(iri)
    counterparts = []
    for other, relation, justification in sorted(content.counterparts.get(iri, [])):
        jl = _text_lang(justification, lang, home)
        counterparts.append({"iri": other, "relation": relation, "justification": justification.get(jl, ""),
                             "justification_lang": jl, "country": views.registry.of(other)})
    false_friends = []
    for ff in content.false_friends.get(iri, []):
        el = _text_lang(ff.explanation, lang, home)
        false_friends.append({"others": [o for o in ff.concepts if o != iri], "explanation": ff.explanation.get(el, ""),
                              "explanation_lang": el, "see_also": list(ff.see_also)})
    order = list(dict.fromkeys([lang, *home, *views.registry.content_languages(), "en"]))
    definitions = [(x, c.definitions[x].text) for x in order if x in c.definitions]
    main_lang = _text_lang({x: d.text for x, d in c.definitions.items()}, lang, home)
    responsibilities = content.responsibilities.get(iri, [])
    responsible = [(p, r) for r in responsibilities if iri in r.responsible_for for p in r.party]
    responsible_for = [(x, r) for r in responsibilities if iri in r.party for x in r.responsible_for]
    external = [{"relation": relation, "iri": target, "label": content.external_label(target, lang),
                 "scheme": content.scheme_label(target, lang)}
                for relation, target in c.external_matches]
    external += [{"relation": "", "iri": level, "label": content.external_label(level, lang),
                  "scheme": content.scheme_label(level, lang)} for level in c.isced_levels]
    ttl, jsonld = page.replace(".html", ".ttl"), page.replace(".html", ".jsonld")
    linker = Linker(lang, page)
    body = render("concept.html.j2", page, c=c, native_label=content.native(iri),
                  native_lang=content.home_language(iri), reader_label=content.label(iri, lang),
                  type_words=content.type_words(c, lang), status_words=content.status_words(c, lang),
                  definitions=definitions, main_definition=c.definitions[main_lang].text if main_lang in c.definitions else "",
                  main_lang=main_lang, counterparts=counterparts, false_friends=false_friends,
                  responsibilities=responsibilities, responsible=responsible, responsible_for=responsible_for,
                  is_transition=iri in views.transitions, external=external,
                  transitions=sorted(content.in_transitions.get(iri, set()) - {iri}), ttl=ttl, jsonld=jsonld)
    _page(docs / page.replace(".html", ".md"), content.native(iri), body,
          {"alternate_ttl": linker.download(ttl), "alternate_jsonld": linker.download(jsonld),
           "search": {"exclude": True}})


def _crosswalk(content: SiteContent, lang: str, docs: Path, render) -> None:
    views = content.views
    pairs = views.registry.pairs(views.mappings)
    rows = []
    for m in views.mappings:
        pair = (views.registry.of(m.source), views.registry.of(m.target))
        home = content.home_languages(m.source)
        jl = _text_lang(m.justification, lang, home)
        rows.append({"source": m.source, "target": m.target, "relation": m.relation, "jlang": jl,
                     "text": m.justification.get(jl, ""), "pair": "-".join(pair), "from": pair[0], "to": pair[1]})
    rows.sort(key=lambda r: (pairs.index((r["from"], r["to"])), fold(content.native(r["source"]))))
    false_friends = []
    for ff in views.false_friends:
        fl = _text_lang(ff.explanation, lang)
        false_friends.append({"concepts": ff.concepts, "lang": fl, "text": ff.explanation.get(fl, ""),
                              "see_also": ff.see_also})
    relations = [r for r in ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
                 if any(row["relation"] == r for row in rows)]
    _page(docs / "crosswalk.md", t("crosswalk", lang),
          render("crosswalk.html.j2", "crosswalk.html", rows=rows, pairs=pairs, relations=relations,
                 false_friends=false_friends))


def _actors(content: SiteContent, lang: str, docs: Path, render) -> None:
    """Per jurisdiction, each responsible party with what it answers for, at which stage, on which law,
    and the transitions it takes part in."""
    views = content.views
    columns = []
    for jurisdiction in views.registry:
        parties = defaultdict(list)
        for r in views.responsibilities.values():
            if r.jurisdiction == jurisdiction.code:
                for party in r.party:
                    parties[party].append(r)
        if not parties:
            continue
        cards = [{"party": party, "duties": sorted(duties, key=lambda r: tuple(fold(content.label(x, lang))
                                                                               for x in r.responsible_for)),
                  "transitions": sorted(content.in_transitions.get(party, set()))}
                 for party, duties in parties.items()]
        cards.sort(key=lambda card: sort_key(content.label(card["party"], lang), lang))
        columns.append((jurisdiction.code, cards))
    _page(docs / "actors.md", t("actors", lang), render("actors.html.j2", "actors.html", columns=columns))


def _transitions(content: SiteContent, lang: str, docs: Path, render) -> None:
    views = content.views
    listing = [(j.code, [tr for tr in views.transitions.values() if tr.jurisdiction == j.code]) for j in views.registry]
    _page(docs / "transitions.md", t("transitions", lang),
          render("transitions.html.j2", "transitions.html", listing=[x for x in listing if x[1]],
                 counterparts=content.counterpart_transitions))
    for tr in views.transitions.values():
        page = transition_page(tr.iri)
        _page(docs / page.replace(".html", ".md"), content.label(tr.iri, lang),
              render("transition.html.j2", page, tr=tr, has_concept=tr.iri in views.concepts,
                     counterparts=content.counterpart_transitions(tr.iri)))


def _sharing_guide(content: SiteContent, lang: str, docs: Path, render, jurisdiction) -> None:
    """The guide to what may be shared: every answer the catalogue's rules give for this jurisdiction's
    transitions, categories and age brackets, rendered once; the site's script shows the one asked for."""
    views = content.views
    transitions = [tr for tr in views.transitions.values() if tr.jurisdiction == jurisdiction.code]
    if not transitions:
        return
    categories = sorted(sharing.categories(views, jurisdiction.code), key=lambda iri: sort_key(content.label(iri, lang), lang))
    answers = []
    for tr in transitions:
        brackets = sharing.age_brackets(tr)
        for category in categories:
            for low, below in brackets:
                age = low if low is not None else (below - 1 if below is not None else None)
                answers.append({"answer": sharing.answer(tr, category, age), "from": low, "below": below,
                                "any": False})
            if len(brackets) > 1:  # the answer for a reader who gives no age: every consent rule, with its ages
                answers.append({"answer": sharing.answer(tr, category, None), "from": None, "below": None,
                                "any": True})
    page = sharing_page(jurisdiction.code)
    _page(docs / page.replace(".html", ".md"), t("sharing_title", lang).format(country=jurisdiction.name(lang)),
          render("sharing.html.j2", page, jurisdiction=jurisdiction, transitions=transitions,
                 categories=categories, answers=answers,
                 first_category=next((r.category for r in transitions[0].information_rules), None)))


def _a_to_z(members: dict, languages: tuple[str, ...]):
    """Per content language, the labels filed by initial in that language's alphabet (Æ Ø Å after Z)."""
    out = []
    for lang in languages:
        entries = sorted(((c.pref_labels[lang], iri, c.deprecated) for iri, c in members.items()
                          if lang in c.pref_labels), key=lambda e: sort_key(e[0], lang))
        letters: dict[str, list] = {}
        for entry in entries:
            letters.setdefault(initial(entry[0], lang), []).append(entry)
        out.append((lang, sorted(letters.items(), key=lambda kv: (kv[0] != "#", sort_key(kv[0], lang)))))
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
