"""Interface strings in the four languages, and the choice of language."""

from __future__ import annotations

import locale
import os

from catalogue.namespaces import LANGUAGES

RELATION_WORDS = {
    "exactMatch": {"en": "exact match: same meaning", "nb": "eksakt samsvar: samme betydning",
                   "nn": "eksakt samsvar: same tyding", "da": "eksakt match: samme betydning"},
    "closeMatch": {"en": "close match: similar, with differences", "nb": "nært samsvar: likt, men med forskjeller",
                   "nn": "nært samsvar: likt, men med skilnader", "da": "nært match: ens, men med forskelle"},
    "broadMatch": {"en": "the counterpart is broader", "nb": "motstykket er videre",
                   "nn": "motstykket er vidare", "da": "modstykket er bredere"},
    "narrowMatch": {"en": "the counterpart is narrower", "nb": "motstykket er snevrere",
                    "nn": "motstykket er snevrare", "da": "modstykket er snævrere"},
    "relatedMatch": {"en": "related only, not the same thing", "nb": "bare beslektet, ikke det samme",
                     "nn": "berre i slekt, ikkje det same", "da": "kun beslægtet, ikke det samme"},
}
INVERSE = {"exactMatch": "exactMatch", "closeMatch": "closeMatch", "broadMatch": "narrowMatch",
           "narrowMatch": "broadMatch", "relatedMatch": "relatedMatch"}

WORDS = {
    "definition": {"en": "Definition", "nb": "Definisjon", "nn": "Definisjon", "da": "Definition"},
    "source": {"en": "Source", "nb": "Kilde", "nn": "Kjelde", "da": "Kilde"},
    "also": {"en": "Also called", "nb": "Også kalt", "nn": "Også kalla", "da": "Også kaldt"},
    "counterparts": {"en": "Across the border", "nb": "På andre siden av grensen",
                     "nn": "På andre sida av grensa", "da": "På den anden side af grænsen"},
    "no_counterpart": {"en": "no counterpart recorded", "nb": "ikke noe motstykke registrert",
                       "nn": "ikkje noko motstykke registrert", "da": "intet modstykke registreret"},
    "false_friend": {"en": "FALSE FRIEND", "nb": "FALSK VENN", "nn": "FALSK VEN", "da": "FALSK VEN"},
    "deprecated": {"en": "deprecated; use instead", "nb": "utgått; bruk i stedet", "nn": "gått ut; bruk i staden",
                   "da": "udgået; brug i stedet"},
    "not_verified": {"en": "Not verified", "nb": "Ikke verifisert", "nn": "Ikkje verifisert", "da": "Ikke verificeret"},
    "no_match": {"en": "No concept matches", "nb": "Ingen begreper passer til", "nn": "Ingen omgrep passar til",
                 "da": "Ingen begreber passer til"},
}


def word(key: str, lang: str) -> str:
    entry = WORDS.get(key) or RELATION_WORDS[key]
    return entry.get(lang) or entry["en"]


def default_language() -> str:
    """From the locale (LC_ALL, LC_MESSAGES, LANG), falling back to English.

    A locale whose language has no interface strings (a macrolanguage code, a minority language) gets the
    interface language spoken in the same territory, by Python's own locale table; else English.
    """
    candidates = [os.environ.get(v, "") for v in ("LC_ALL", "LC_MESSAGES", "LANG")]
    try:
        candidates.append(locale.getlocale()[0] or "")
    except ValueError:
        pass
    for value in candidates:
        name = value.split(".")[0].split("@")[0]
        code = name.split("_")[0].lower()
        if code in LANGUAGES:
            return code
        territory = name.split("_")[1].upper() if "_" in name else _territory(code)
        for lang in LANGUAGES:
            if territory and lang != "en" and _territory(lang) == territory:
                return lang
    return "en"


def _territory(code: str) -> str:
    alias = locale.locale_alias.get(code, "")
    head = alias.split(".")[0]
    return head.split("_")[1].upper() if "_" in head else ""


assert set(LANGUAGES) == {"nb", "nn", "da", "en"}
