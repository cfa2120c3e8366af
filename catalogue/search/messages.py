"""Terminal messages of `overgang lookup` and `overgang rules`, in the four languages (English where one is missing).

Kept beside the commands that print them; the shared words (definition, source, …) stay in catalogue.text.i18n.
"""

from __future__ import annotations

MESSAGES = {
    "did_you_mean": {"en": "Did you mean", "nb": "Mente du", "nn": "Meinte du", "da": "Mente du"},
    "no_exact": {"en": "Nothing matches exactly; the nearest labels, allowing for typos:",
                 "nb": "Ingenting passer nøyaktig; de nærmeste termene, med rom for skrivefeil:",
                 "nn": "Ingenting passar nøyaktig; dei næraste termane, med rom for skrivefeil:",
                 "da": "Intet passer præcist; de nærmeste termer, med plads til stavefejl:"},
    "more_matches": {"en": "Other matches", "nb": "Andre treff", "nn": "Andre treff", "da": "Andre hits"},
    "shown_of": {"en": "Showing {shown} of {total} matches; --limit N shows more.",
                 "nb": "Viser {shown} av {total} treff; --limit N viser flere.",
                 "nn": "Viser {shown} av {total} treff; --limit N viser fleire.",
                 "da": "Viser {shown} af {total} hits; --limit N viser flere."},
    # overgang rules
    "transition": {"en": "Transition", "nb": "Overgang", "nn": "Overgang", "da": "Overgang"},
    "category": {"en": "Information", "nb": "Opplysninger", "nn": "Opplysningar", "da": "Oplysninger"},
    "age": {"en": "Pupil's age", "nb": "Elevens alder", "nn": "Alderen til eleven", "da": "Elevens alder"},
    "age_not_given": {"en": "not given (--age N narrows the consent answer)",
                      "nb": "ikke oppgitt (--age N snevrer inn svaret om samtykke)",
                      "nn": "ikkje oppgitt (--age N snevrar inn svaret om samtykke)",
                      "da": "ikke angivet (--age N indsnævrer svaret om samtykke)"},
    # the sharing answer, on the site's guide and in `overgang rules`
    "no_rule": {"en": "The catalogue has no rule for this information at this transition. That is not a yes and not a no: "
                      "check the law or ask your data protection officer.",
                "nb": "Katalogen har ingen regel for disse opplysningene i denne overgangen. Det er verken et ja eller "
                      "et nei: sjekk loven eller spør personvernombudet.",
                "nn": "Katalogen har ingen regel for desse opplysningane i denne overgangen. Det er verken eit ja eller "
                      "eit nei: sjekk lova eller spør personvernombodet.",
                "da": "Kataloget har ingen regel for disse oplysninger i denne overgang. Det er hverken et ja eller et "
                      "nej: tjek loven eller spørg databeskyttelsesrådgiveren."},
    "without_consent": {"en": "May follow the pupil without consent.", "nb": "Kan følge eleven uten samtykke.",
                        "nn": "Kan følgje eleven utan samtykke.", "da": "Må følge eleven uden samtykke."},
    "needs_consent": {"en": "Needs consent.", "nb": "Krever samtykke.", "nn": "Krev samtykke.",
                      "da": "Kræver samtykke."},
    "consent_unknown": {"en": "The rule does not say whether consent is needed.",
                        "nb": "Regelen sier ikke om det trengs samtykke.", "nn": "Regelen seier ikkje om det trengst samtykke.",
                        "da": "Reglen siger ikke, om der kræves samtykke."},
    "must_transfer": {"en": "The sender must pass it on: a duty, not only a permission.",
                      "nb": "Avgiveren skal sende det videre: en plikt, ikke bare en adgang.",
                      "nn": "Avgivaren skal sende det vidare: ei plikt, ikkje berre ein tilgang.",
                      "da": "Afgiveren skal give det videre: en pligt, ikke kun en adgang."},
    "who_must_consent": {"en": "Who must consent", "nb": "Hvem må samtykke", "nn": "Kven må samtykkje",
                         "da": "Hvem skal give samtykke"},
    "no_consenter": {"en": "The catalogue has no consent rule for a pupil of this age at this transition.",
                     "nb": "Katalogen har ingen samtykkeregel for en elev på denne alderen i denne overgangen.",
                     "nn": "Katalogen har ingen samtykkeregel for ein elev på denne alderen i denne overgangen.",
                     "da": "Kataloget har ingen samtykkeregel for en elev på denne alder i denne overgang."},
    "any_age": {"en": "at any age", "nb": "uansett alder", "nn": "same kva alder", "da": "uanset alder"},
    "from_age": {"en": "from age {age}", "nb": "fra {age} år", "nn": "frå {age} år", "da": "fra {age} år"},
    "below_age": {"en": "below age {age}", "nb": "under {age} år", "nn": "under {age} år", "da": "under {age} år"},
    "legal_basis": {"en": "Legal basis", "nb": "Rettslig grunnlag", "nn": "Rettsleg grunnlag", "da": "Retsgrundlag"},
    "provision": {"en": "Provision", "nb": "Bestemmelse", "nn": "Føresegn", "da": "Bestemmelse"},
    "sources": {"en": "Sources", "nb": "Kilder", "nn": "Kjelder", "da": "Kilder"},
    "deadline": {"en": "Deadline", "nb": "Frist", "nn": "Frist", "da": "Frist"},
    "no_deadline": {"en": "No deadline in the catalogue.", "nb": "Ingen frist i katalogen.",
                    "nn": "Ingen frist i katalogen.", "da": "Ingen frist i kataloget."},
    "by_date": {"en": "By {date}, {year}", "nb": "Innen {date}, {year}", "nn": "Innan {date}, {year}",
                "da": "Senest {date}, {year}"},
    "year_before": {"en": "the year before the pupil starts", "nb": "året før eleven begynner",
                    "nn": "året før eleven byrjar", "da": "året før eleven begynder"},
    "same_year": {"en": "the year the pupil starts", "nb": "samme år som eleven begynner",
                  "nn": "same år som eleven byrjar", "da": "samme år som eleven begynder"},
    "years_before": {"en": "{n} years before the pupil starts", "nb": "{n} år før eleven begynner",
                     "nn": "{n} år før eleven byrjar", "da": "{n} år før eleven begynder"},
    "years_after": {"en": "{n} year(s) after the pupil starts", "nb": "{n} år etter at eleven begynner",
                    "nn": "{n} år etter at eleven byrja", "da": "{n} år efter at eleven begynder"},
    "not_verified": {"en": "Not verified", "nb": "Ikke verifisert", "nn": "Ikkje verifisert", "da": "Ikke verificeret"},
}


def year_words(offset: int, lang: str) -> str:
    if offset == -1:
        return say("year_before", lang)
    if offset == 0:
        return say("same_year", lang)
    return say("years_before", lang, n=-offset) if offset < 0 else say("years_after", lang, n=offset)


def age_words(from_age: int | None, below_age: int | None, lang: str) -> str:
    parts = ([say("from_age", lang, age=from_age)] if from_age is not None else []) + \
        ([say("below_age", lang, age=below_age)] if below_age is not None else [])
    return ", ".join(parts) or say("any_age", lang)


def say(name: str, lang: str, **values) -> str:
    entry = MESSAGES[name]
    text = entry.get(lang) or entry.get("nb" if lang == "nn" else "en") or entry["en"]
    return text.format(**values) if values else text
