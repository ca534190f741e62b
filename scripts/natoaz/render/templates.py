"""Jinja2 templates for HTML and SVG fragments and pages: Python computes the view data, the
templates lay it out. Autoescaping is on, and every value goes through `escape.py`.

Page templates (`*.md.j2`) hold every visible word of their page; two helpers keep it that way:
`front_matter(title, description, **extra)` writes the page's YAML front matter with a YAML dumper (a
`{% set %}` block's text is taken as plain text), and `plural(count, "event", "events")` gives the number
with the noun's form in the edition's language (`noun(…)`: the form alone).
Every visible word goes through `t("…")`: the edition's language (render/i18n.py, i18n/<code>.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .escape import FILTERS, label_text, template_default
from .i18n import active, decimal, language_name, noun, plural, t
from .lang import english, in_language
from .text import front_matter_block

FOLDER = Path(__file__).parent / "templates"


def _plain(value: Any) -> Any:
    """A template's own text (a `{% set %}` block, escaped as it was rendered) back to plain text."""
    return value.unescape() if isinstance(value, Markup) else value


def _front_matter(title: str, description: str, **extra: Any) -> Markup:
    return Markup(front_matter_block(_plain(title), _plain(description),
                                     **{key: _plain(value) for key, value in extra.items()}))


def _label(text: str, /, **values: Any) -> Markup:
    """`t()` in templates: the label as text, escaped for HTML (`&`, `<`, `>`, `"`), apostrophes kept; each
    `{placeholder}` filled with its value escaped as `{{ value }}` would be (a fragment already Markup as is)."""
    if values:
        return Markup(label_text(t(text)).format(**{key: template_default(value) for key, value in values.items()}))
    labels = active()
    if text not in labels.escaped:  # a page asks for the same few dozen labels: escape each once per edition
        labels.escaped[text] = label_text(labels(text))
    labels.used.add(text)
    return Markup(labels.escaped[text])


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(FOLDER), autoescape=True, finalize=template_default,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    env.filters.update(FILTERS, en=english, lang=in_language)
    env.globals.update(front_matter=_front_matter, language_name=language_name, plural=plural, noun=noun,
                       decimal=decimal, t=_label)
    return env


def render(name: str, /, **view: Any) -> str:
    return environment().get_template(name).render(**view)


@cache
def macros(name: str = "parts.md.j2") -> Any:
    """A template's macros, to call from Python (each returns Markup)."""
    return environment().get_template(name).module
