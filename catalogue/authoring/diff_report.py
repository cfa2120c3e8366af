"""Markdown (for a pull-request comment), JSON and CHANGELOG entries for a catalogue diff."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re

from jinja2 import Environment, PackageLoader, StrictUndefined

from catalogue.checks.report import short_iri
from catalogue.model.text import pick

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def markdown_escape(value) -> str:
    """Contributed text shown as text: no links, images, HTML or emphasis can be smuggled into a comment."""
    text = " ".join(str(value if value is not None else "").split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("catalogue", "templates"), autoescape=False, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = markdown_escape
    env.globals.update(short=short_iri, label=lambda labels: pick(labels or {}, "en") if labels else "")
    return env


def as_markdown(diff) -> str:
    return _environment().get_template("diff.md.j2").render(diff=diff)


def as_changelog(diff, date: datetime.date | None = None) -> str:
    return _environment().get_template("changelog.md.j2").render(diff=diff, date=(date or datetime.date.today()))


def as_json(diff) -> str:
    data = dataclasses.asdict(diff)
    data["policy_ok"] = not diff.breaches
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
