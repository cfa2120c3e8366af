"""The one matching rule behind `overgang lookup` and the site search.

A reader types what they heard, not what the catalogue wrote: "PP tjenesten" for "PP-tjenesten",
"oppfolgingstjenesten" without the ø, "oppfølgingstjensten" with a letter missing. So a label and a query are
compared by their *keys*: case and accents folded, and hyphens, spaces and punctuation dropped. A label
matches when its key equals the query's, starts with it, has a word that starts with it, or, failing those,
is within one or two edits (ranked below every exact hit).

The site's script (assets/ovg.js) implements the same rule over the data that :func:`rule_data` hands it, so
the fold table and the edit limits live here only; tests/test_site_browser.py checks that both rank alike.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Letters that Unicode does not decompose into a base letter and an accent.
FOLD_TABLE = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d"}
_FOLD = str.maketrans(FOLD_TABLE)

# (shortest query key, edits allowed): a 3-letter abbreviation must be typed right; a long word may carry two typos.
EDIT_LIMITS = ((4, 1), (8, 2))
# "Did you mean": how far a suggestion may be when nothing matched, as a share of the query's length.
SUGGEST_SHARE = 0.4

# Ranks, best first. Fuzzy ranks are always below exact ones.
EXACT, PREFIX, WORD_PREFIX, FUZZY, FUZZY_PREFIX = range(5)


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Oppfølgingstenesta' and 'oppfolgingstenesta' fold alike."""
    lowered = text.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def words(text: str) -> list[str]:
    """The folded words of ``text``: runs of letters and digits."""
    folded = fold(text)
    return "".join(ch if ch.isalnum() else " " for ch in folded).split()


def key(text: str) -> str:
    """What is compared: folded, with hyphens, spaces and punctuation gone ('PP tjenesten' == 'PP-tjenesten')."""
    return "".join(words(text))


def word_starts(text: str) -> list[str]:
    """The key of the label from each word on: 'pp-tjenesten' gives ['pptjenesten', 'tjenesten']."""
    parts = words(text)
    return ["".join(parts[i:]) for i in range(len(parts))]


def edits_allowed(query_key: str) -> int:
    allowed = 0
    for shortest, edits in EDIT_LIMITS:
        if len(query_key) >= shortest:
            allowed = edits
    return allowed


def _distances(query: str, target: str, limit: int) -> tuple[int, int]:
    """(edits to turn ``query`` into ``target``, edits to turn it into some prefix of ``target``), counting a
    swap of two neighbours as one edit (optimal string alignment). Values above ``limit`` come back as limit+1.

    Only the band of width ``limit`` around the diagonal is filled, so a label far off is given up on early."""
    over = limit + 1
    m, n = len(query), len(target)
    if m - n > limit:
        return over, over
    previous2: list[int] | None = None
    previous = [j if j <= limit else over for j in range(n + 1)]
    for i in range(1, m + 1):
        row = [over] * (n + 1)
        row[0] = i if i <= limit else over
        low, high = max(1, i - limit), min(n, i + limit)
        best = row[0]
        for j in range(low, high + 1):
            cost = 0 if query[i - 1] == target[j - 1] else 1
            value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if (previous2 is not None and i > 1 and j > 1 and query[i - 1] == target[j - 2]
                    and query[i - 2] == target[j - 1]):
                value = min(value, previous2[j - 2] + 1)
            row[j] = min(value, over)
            best = min(best, row[j])
        if best > limit:
            return over, over
        previous2, previous = previous, row
    return previous[n], min(previous)


@dataclass(frozen=True)
class Match:
    rank: int
    edits: int


def match(query_key: str, label_key: str, label_starts: list[str]) -> Match | None:
    """How ``label`` (its key and word-start keys) matches the query key, or None."""
    if not query_key or not label_key:
        return None
    if label_key == query_key:
        return Match(EXACT, 0)
    if label_key.startswith(query_key):
        return Match(PREFIX, 0)
    if any(start.startswith(query_key) for start in label_starts[1:]):
        return Match(WORD_PREFIX, 0)
    limit = edits_allowed(query_key)
    if not limit:
        return None
    whole, prefix = _distances(query_key, label_key, limit)
    if whole <= limit:
        return Match(FUZZY, whole)
    best = prefix
    for start in label_starts[1:]:
        best = min(best, _distances(query_key, start, limit)[1])
    return Match(FUZZY_PREFIX, best) if best <= limit else None


def suggestion_distance(query_key: str, label_key: str) -> int | None:
    """Edits between the query and a whole label, when close enough to offer as "did you mean"."""
    limit = max(1, int(len(query_key) * SUGGEST_SHARE))
    whole, _ = _distances(query_key, label_key, limit)
    return whole if whole <= limit else None


def rule_data() -> dict:
    """The rule's data for the site's script, which applies the same rule in the browser."""
    return {"fold": FOLD_TABLE, "edits": [list(pair) for pair in EDIT_LIMITS], "suggestShare": SUGGEST_SHARE}
