"""Dates in words, in the reader's locale: "1 October", "1. oktober", "1. marts".

A bare "10-01" reads as 10 January to a Norwegian or Danish reader, so a yearly date is always written with
the month's name, by CLDR's own pattern for a day and month in that language (through Babel).
"""

from __future__ import annotations

import datetime
import re

from babel import UnknownLocaleError
from babel.dates import format_skeleton

# English on this site is British English: a day before its month.
_LOCALES = {"en": "en_GB"}
_MONTH_DAY = re.compile(r"^--(\d\d)-(\d\d)$")


def month_day_words(month_day: str, lang: str) -> str:
    """An xsd:gMonthDay ("--10-01") as the locale writes it; text that is not one is returned unchanged."""
    found = _MONTH_DAY.match(month_day or "")
    if not found:
        return month_day or ""
    try:
        # 2000 is a leap year, so 29 February is a date too.
        day = datetime.date(2000, int(found.group(1)), int(found.group(2)))
    except ValueError:
        return month_day
    try:
        return format_skeleton("MMMMd", day, locale=_LOCALES.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        return format_skeleton("MMMMd", day, locale=_LOCALES["en"])  # a language CLDR does not know
