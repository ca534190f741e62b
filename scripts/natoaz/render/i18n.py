"""The site's own words in each language: `i18n/<code>.yaml`, one table per language, keyed by the
English text (`"Sources": "Mənbələr"`). A word missing from a table is shown in English; `make stats`
counts them. Tables are plain text (templates escape them like any other value).

While an edition renders (`edition(labels)`), `t("Sources")` in Python and `{{ t("Sources") }}` in the
templates give that edition's word, and dates take its month names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..model.dates import MONTH_NAMES
from ..model.languages import BASE, CODE, i18n_dir


class LabelError(ValueError):
    """A label table that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Labels:
    language: str = BASE
    name: str = "English"  # the language's own name, for the language switcher
    theme_language: str = BASE  # Material's language code (its own interface words)
    locale: str = "en_GB"  # Open Graph locale
    months: tuple[str, ...] = ()  # 12 lower- or upper-case month names; () = English
    words: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set, compare=False)  # keys asked for (for `make stats`)

    def __call__(self, text: str, /, **values: Any) -> str:
        self.used.add(text)
        found = self.words.get(text) or text
        return found.format(**values) if values else found

    def has(self, text: str) -> bool:
        return self.language == BASE or bool(self.words.get(text))


def _read(path: Path) -> dict:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LabelError(f"{path}: cannot be read: {exc}") from None
    if not isinstance(loaded, dict):
        raise LabelError(f"{path}: expected a mapping of settings and `labels`")
    return loaded


@cache
def load_labels(language: str = BASE, folder: Path | None = None) -> Labels:
    """The label table of `language` (English: the keys themselves)."""
    folder = folder or i18n_dir()
    path = folder / f"{language}.yaml"
    if not CODE.fullmatch(language) or not path.is_file():
        if language == BASE:
            return Labels()
        raise LabelError(f"no label table {path} for language `{language}`")
    table = _read(path)
    words = table.get("labels") or {}
    months = table.get("months") or []
    if not isinstance(words, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in words.items()):
        raise LabelError(f"{path}: `labels` must map English texts to texts")
    if months and (len(months) != 12 or not all(isinstance(m, str) for m in months)):
        raise LabelError(f"{path}: `months` must list the 12 month names")
    return Labels(language=language, name=str(table.get("name") or language),
                  theme_language=str(table.get("theme_language") or language),
                  locale=str(table.get("locale") or language), months=("", *months) if months else (),
                  words={k: v for k, v in words.items() if v})


_ENGLISH = Labels()
ACTIVE: ContextVar[Labels | None] = ContextVar("labels", default=None)


def active() -> Labels:
    return ACTIVE.get() or _ENGLISH


def t(text: str, /, **values: Any) -> str:
    """`text` in the language of the edition being rendered."""
    return active()(text, **values)


@contextmanager
def edition(labels: Labels) -> Iterator[Labels]:
    """Render in `labels`' language: its words and its month names, for the duration of the block."""
    words = ACTIVE.set(labels)
    months = MONTH_NAMES.set(labels.months) if labels.months else None
    try:
        yield labels
    finally:
        ACTIVE.reset(words)
        if months is not None:
            MONTH_NAMES.reset(months)


_CALL = re.compile(r"""\bt\((["'])((?:(?!\1).)+)\1""")


def interface_words() -> set[str]:
    """Every literal word the code and templates ask for (`t("…")`), for the coverage report."""
    folder = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8") for p in [*folder.rglob("*.py"), *(folder / "templates").rglob("*.j2")]]
    return {match.group(2) for text in texts for match in _CALL.finditer(text) if len(match.group(2)) > 1}


def label_coverage(language: str) -> tuple[int, list[str]]:
    """(words with a translation, words without one) of the interface in `language`."""
    labels = load_labels(language)
    words = interface_words()
    missing = sorted(w for w in words if not labels.has(w))
    return len(words) - len(missing), missing
