"""`overgang rules`: the sharing answer (catalogue.model.sharing) for the terminal and as JSON for export logic."""

from __future__ import annotations

import json

from catalogue.model import sharing
from catalogue.model.text import pick, pick_notes
from catalogue.search.messages import age_words, say, year_words
from catalogue.search.resolve import resolve
from catalogue.text.dates import month_day_words


class RulesQuery:
    def __init__(self, views):
        from catalogue.model.source_names import SourceNames

        self.views = views
        self.names = SourceNames(views)
        self.prefixes = views.registry.prefixes()

    def labels(self, iri: str) -> list[str]:
        concept = self.views.concepts.get(iri)
        if concept is None:
            return []
        out = list(concept.pref_labels.values())
        for table in (concept.alt_labels, concept.hidden_labels):
            for texts in table.values():
                out.extend(texts)
        return out

    def transition(self, text: str):
        iri = resolve(text, {iri: self.labels(iri) for iri in self.views.transitions}, self.prefixes, "transition")
        return self.views.transitions[iri]

    def category(self, transition, text: str) -> str:
        options = sharing.categories(self.views, transition.jurisdiction)
        return resolve(text, {iri: self.labels(iri) for iri in options}, self.prefixes, "information category")

    def label(self, iri: str, lang: str) -> str:
        concept = self.views.concepts.get(iri)
        if concept is None:
            return iri
        home = self.views.registry.get(concept.jurisdiction)
        return pick(concept.pref_labels, lang, fallbacks=(*(home.languages if home else ()), "en"))

    def as_data(self, answers: list[sharing.Answer], lang: str) -> dict:
        def link(url):
            return {"url": url, "name": self.names.name(url)}

        out = []
        for a in answers:
            entry = {"transition": a.transition.iri, "category": a.category, "category_label": self.label(a.category, lang),
                     "age": a.age, "has_rule": a.has_rule, "rules": []}
            for r in a.rules:
                rule = r.rule
                entry["rules"].append({
                    "consent_needed": r.consent_needed,
                    "must_transfer": rule.must_transfer,
                    "who_must_consent": [
                        {"role": c.role, "label": self.label(c.role, lang), "from_age": c.from_age,
                         "below_age": c.below_age, "sources": [link(s) for s in c.sources],
                         "provisions": list(c.provisions)}
                        for c in r.consenters] if r.consent_needed else [],
                    "legal_bases": [link(b) for b in rule.legal_bases],
                    "provisions": list(rule.provisions),
                    "deadlines": [{"month_day": d.month_day, "year_offset": d.year_offset,
                                   "words": self.deadline_words(d, lang), "sources": [link(s) for s in d.sources]}
                                  for d in rule.deadlines],
                    "explanation": pick(rule.comment, lang),
                    "sources": [link(s) for s in r.sources],
                    "not_verified": pick_notes(rule.editorial_notes, lang)[1],
                })
            out.append(entry)
        return {"lang": lang, "answers": out}

    @staticmethod
    def deadline_words(deadline, lang: str) -> str:
        if not deadline.month_day:
            return year_words(deadline.year_offset, lang)
        return say("by_date", lang, date=month_day_words(deadline.month_day, lang),
                   year=year_words(deadline.year_offset, lang))

    def as_json(self, answers, lang: str) -> str:
        return json.dumps(self.as_data(answers, lang), ensure_ascii=False, indent=2)

    def as_text(self, answers, lang: str) -> str:
        from catalogue.text.templating import render_text

        transition = answers[0].transition if answers else None
        return render_text("rules.txt.j2", data=self.as_data(answers, lang), lang=lang, say=say, age_words=age_words,
                           transition_label=self.label(transition.iri, lang) if transition else "",
                           age=answers[0].age if answers else None)
