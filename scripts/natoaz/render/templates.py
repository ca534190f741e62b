"""Jinja2 templates for HTML and SVG fragments and pages: Python computes the view data, the
templates lay it out. Autoescaping is on, and every value goes through `escape.py`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .escape import FILTERS, template_default

FOLDER = Path(__file__).parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(FOLDER), autoescape=True, finalize=template_default,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def render(name: str, **view: Any) -> str:
    return environment().get_template(name).render(**view)
