"""A finding: what a check reports, in the same shape for every check so one formatter serves all."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("violation", "warning", "info")


@dataclass(frozen=True)
class Finding:
    check: str  # e.g. "qskos:ol", "profile:skos-ap-no", "alignment:false-friend-mapped"
    severity: str
    message: dict[str, str]  # by language; "en" always present
    focus: str | None = None
    file: str | None = None
    line: int | None = None
    detail: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return self.message.get(lang) or self.message["en"]

    def sort_key(self):
        return (self.file or "~", self.line or 0, SEVERITIES.index(self.severity), self.check, self.focus or "")


def en(text: str) -> dict[str, str]:
    return {"en": text}
