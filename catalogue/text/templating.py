"""jinja2 environments: text for the terminal (control characters escaped), HTML/Markdown autoescaped."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from catalogue.model.text import pick
from catalogue.text.i18n import RELATION_WORDS, word
from catalogue.text.terminal import terminal_safe


@lru_cache(maxsize=None)
def text_environment() -> Environment:
    env = Environment(loader=PackageLoader("catalogue", "templates"), autoescape=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=terminal_safe)
    env.globals.update(word=word, pick=pick, relation_words=RELATION_WORDS)
    return env


def render_text(template: str, **context) -> str:
    return text_environment().get_template(template).render(**context)
