"""Turning what a user typed on the command line into one catalogue IRI: the IRI itself, a prefixed name
(no:…, with the registry's prefixes), the last part of the IRI, or a label by the shared matching rule."""

from __future__ import annotations

from catalogue.errors import OvergangError
from catalogue.search.matching import WORD_PREFIX, key, match, suggestion_distance, word_starts, words


class NotFound(OvergangError):
    exit_code = 2  # a usage error: the argument names nothing the catalogue holds


def resolve(text: str, candidates: dict[str, list[str]], prefixes: dict[str, str], what: str) -> str:
    """The one IRI among ``candidates`` (IRI -> its labels) that ``text`` names; else NotFound, saying which
    ones it could mean."""
    wanted = text.strip()
    if wanted in candidates:
        return wanted
    if ":" in wanted and not wanted.startswith("http"):
        prefix, local = wanted.split(":", 1)
        if prefixes.get(prefix, "") + local in candidates:
            return prefixes[prefix] + local
    by_slug = [iri for iri in candidates if iri.rsplit("/", 1)[-1] == wanted]
    if len(by_slug) == 1:
        return by_slug[0]
    query = key(wanted)
    typed_words = words(wanted)
    ranked = []
    for iri, labels in candidates.items():
        labels = [*labels, iri.rsplit("/", 1)[-1]]
        # A typo is never taken as a name here: the command tells the user what it could mean instead.
        ranks = [m.rank for m in (match(query, key(label), word_starts(label)) for label in labels)
                 if m is not None and m.rank <= WORD_PREFIX]
        # Several typed words each starting a word of one label ("grunnskole videregående") name it too.
        if len(typed_words) > 1 and any(all(any(w.startswith(t) for w in words(label)) for t in typed_words)
                                        for label in labels):
            ranks.append(WORD_PREFIX + 1)
        if ranks:
            ranked.append((min(ranks), iri))
    ranked.sort()
    best = [iri for rank, iri in ranked if rank == ranked[0][0]] if ranked else []
    if len(best) == 1:
        return best[0]
    if best:
        raise NotFound(f"{what} {wanted!r} could mean several: {', '.join(_short(i, prefixes) for i in best)}")
    near = sorted((d, iri) for iri, labels in candidates.items()
                  for d in [min((x for x in (suggestion_distance(query, key(label))
                                             for label in [*labels, iri.rsplit("/", 1)[-1]]) if x is not None),
                                default=None)] if d is not None)
    hint = f"; did you mean {', '.join(_short(i, prefixes) for _, i in near[:3])}?" if near else ""
    known = ", ".join(_short(i, prefixes) for i in candidates) if len(candidates) <= 12 else ""
    raise NotFound(f"no {what} called {wanted!r}{hint}" + (f" (known: {known})" if known and not near else ""))


def _short(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
