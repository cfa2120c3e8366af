"""Sorting and grouping labels by the alphabet of their own language, for the A–Z indexes.

Norwegian and Danish put Æ, Ø and Å after Z; a plain sort (or one that strips accents) puts Å beside A. The
orders below are data: the letters that CLDR's collation tailors for each language, after the basic Latin
alphabet, with the letters that sort as one of them (CLDR: nb, nn and da file ä under æ, ö under ø, and
"aa", the old spelling of å, under å). A language without an entry sorts by the basic Latin alphabet
with accents ignored, which is CLDR's root order for Latin letters. (PyICU would give the full CLDR tables but
needs compiling against the system's ICU, which `pip install` alone cannot do.)
"""

from __future__ import annotations

import unicodedata

# language -> (letters after z, in order; letters sorted as one of them)
TAILORINGS: dict[str, tuple[str, dict[str, str]]] = {
    "nb": ("æøå", {"ä": "æ", "ö": "ø", "ő": "ø", "aa": "å"}),
    "nn": ("æøå", {"ä": "æ", "ö": "ø", "ő": "ø", "aa": "å"}),
    "da": ("æøå", {"ä": "æ", "ö": "ø", "ő": "ø", "aa": "å"}),
    "sv": ("åäö", {"æ": "ä", "ø": "ö"}),
}
_EXTRA_BASE = {"ß": "ss", "đ": "d", "ð": "d", "ł": "l", "œ": "oe", "ø": "o", "æ": "ae", "þ": "th"}


def _base(ch: str) -> str:
    folded = _EXTRA_BASE.get(ch)
    if folded is not None:
        return folded
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _letters(text: str, lang: str) -> list[str]:
    """The text as a list of collation letters: 'Aase' in da gives ['å', 's', 'e']."""
    after_z, same_as = TAILORINGS.get(lang, ("", {}))
    lowered = text.casefold()
    out: list[str] = []
    i = 0
    while i < len(lowered):
        pair = lowered[i:i + 2]
        if len(pair) == 2 and pair in same_as:
            out.append(same_as[pair])
            i += 2
            continue
        ch = unicodedata.normalize("NFC", lowered[i])
        ch = same_as.get(ch, ch)
        if ch in after_z:
            out.append(ch)
        else:
            out.extend(_base(ch))
        i += 1
    return out


def sort_key(text: str, lang: str) -> tuple:
    """Primary order by the language's alphabet (letters and digits only), then the text itself for ties."""
    after_z = TAILORINGS.get(lang, ("", {}))[0]

    def weight(letter: str) -> tuple[int, int | str]:
        if letter in after_z:
            return (2, after_z.index(letter))
        if letter.isdigit():
            return (0, letter)
        return (1, letter)

    primary = tuple(weight(x) for x in _letters(text, lang) if x.isalnum())
    return (primary, text)


def initial(text: str, lang: str) -> str:
    """The letter the text is filed under in an A–Z index ('#' for one that starts with no letter)."""
    letters = [x for x in _letters(text, lang) if x.isalnum()]
    if not letters or not letters[0].isalpha():
        return "#"
    return letters[0].upper()
