"""The site's own words in each language: `i18n/<code>.yaml`, one table per language, keyed by the
English text (`"Sources": "Mənbələr"`). A word missing from a table is shown in English; `make stats`
counts them. Tables are plain text (templates escape them like any other value).

While an edition renders (`edition(labels)`), `t("Sources")` in Python and `{{ t("Sources") }}` in the
templates give that edition's word, and dates take its month names (`months`; after a day `months_day`
where the language puts a month in another form there, as Russian does: `4 мая 1994`, `май 1994`).
A sentence with numbers or names in it is one label with placeholders, so that each language orders its
words: `t("{counted} in {year}.", counted=…, year=…)`, which Azerbaijani
writes "{year}: {counted}.".

Languages are shown by name, never by code: each table's `languages:` maps a code to the language's
name in that table's language (`ru: Russian`, `ru: rus dili`); `language_name("ru")`.

Counted nouns are data too. `plural(185, "event", "events")` (templates; `text.plural` in Python) gives
"185 events" in English and "185 hadisə" in Azerbaijani, where a noun after a number stays singular.
The table's `plural_rule` names how a number picks a noun's form, one of PLURAL_RULES (CLDR plural
categories, whole numbers only; default `en`):

    en  one (1) / other: English, German, Dutch, Swedish …   "1 event", "2 events"
    az  other only: a noun after a number keeps one form: Azerbaijani, Turkish, Kazakh …
    fr  one (0, 1) / other: French, Portuguese (Brazil) …
    ru  one (1, 21, 31 …) / few (2–4, 22–24 …) / many (0, 5–20, 25 …): Russian, Ukrainian, Belarusian
    pl  one (1) / few (2–4, 22–24 …) / many: Polish

A counted noun is looked up by its English singular. Its label is either a text or a mapping with a
form for each category of the rule, checked when the table is read:

    event: hadisə                                         # az: the one form after every number
    event: {one: событие, few: события, many: событий}    # ru

With a text under a rule of two or more categories, `one` takes the singular's label and every other
category the plural's (`event: Ereignis`, `events: Ereignisse`). A noun without a label is English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..model.dates import MONTH_DAY_NAMES, MONTH_NAMES
from ..model.languages import BASE, CODE, i18n_dir


class LabelError(ValueError):
    """A label table that cannot be used; the message names the file."""


def _slavic(n: int, one: bool = True) -> str:
    if n % 10 == 1 and n % 100 != 11 and one:
        return "one"
    return "few" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "many"


# name: (the categories, the category of a whole number n); see the module docstring.
PLURAL_RULES: dict[str, tuple[tuple[str, ...], Callable[[int], str]]] = {
    "en": (("one", "other"), lambda n: "one" if n == 1 else "other"),
    "az": (("other",), lambda n: "other"),
    "fr": (("one", "other"), lambda n: "one" if n in (0, 1) else "other"),
    "ru": (("one", "few", "many"), _slavic),
    "pl": (("one", "few", "many"), lambda n: "one" if n == 1 else _slavic(n, one=False)),
}


@dataclass(frozen=True)
class Labels:
    language: str = BASE
    name: str = "English"  # the language's own name, for the language switcher
    theme_language: str = BASE  # Material's language code (its own interface words)
    locale: str = "en_GB"  # Open Graph locale
    decimal_mark: str = "."  # in a number with a fraction: `1.5 MB`, Azerbaijani `1,5 MB`
    months: tuple[str, ...] = ()  # 12 lower- or upper-case month names; () = English
    months_day: tuple[str, ...] = ()  # the months' form after a day (`4 мая`), where it differs; () = `months`
    words: dict[str, str] = field(default_factory=dict)
    plural_rule: str = "en"
    forms: dict[str, dict[str, str]] = field(default_factory=dict)  # counted nouns given per category
    languages: dict[str, str] = field(default_factory=dict)  # language code -> its name in this language
    used: set[str] = field(default_factory=set, compare=False)  # keys asked for (for `make stats`)
    escaped: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # see templates._label

    def __call__(self, text: str, /, **values: Any) -> str:
        self.used.add(text)
        found = self.words.get(text) or text
        return found.format(**values) if values else found

    def has(self, text: str) -> bool:
        return self.language == BASE or bool(self.words.get(text))

    def noun(self, count: int, one: str, many: str) -> str:
        """The form of a counted noun after `count` (`one`, `many`: the English singular and plural)."""
        self.used.update((one, many))
        categories, category_of = PLURAL_RULES[self.plural_rule]
        category = category_of(count)
        if one in self.forms:
            return self.forms[one][category]
        if not self.has(one):  # not translated: English
            return one if count == 1 else many
        if len(categories) == 1:
            return self(one)
        return self(one) if category == "one" else self(many)

    def plural(self, count: int, one: str, many: str) -> str:
        """`185 events` / `185 hadisə`: the number and the noun's form."""
        return f"{count} {self.noun(count, one, many)}"


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
    months_day = table.get("months_day") or []
    rule = table.get("plural_rule") or "en"
    if rule not in PLURAL_RULES:
        raise LabelError(f"{path}: `plural_rule: {rule}` is not one of {', '.join(PLURAL_RULES)}")
    if not isinstance(words, dict) or not all(isinstance(k, str) and isinstance(v, str | dict)
                                              for k, v in words.items()):
        raise LabelError(f"{path}: `labels` must map English texts to texts (or a counted noun to its forms)")
    forms = {k: v for k, v in words.items() if isinstance(v, dict)}
    categories = PLURAL_RULES[rule][0]
    for key, value in forms.items():
        if sorted(value) != sorted(categories) or not all(isinstance(f, str) and f for f in value.values()):
            raise LabelError(f"{path}: `{key}` must give a form for each of {', '.join(categories)} "
                             f"(`plural_rule: {rule}`), not {', '.join(map(str, value)) or 'none'}")
    languages = table.get("languages") or {}
    if not isinstance(languages, dict) or not all(isinstance(k, str) and CODE.fullmatch(k) and isinstance(v, str)
                                                  and v for k, v in languages.items()):
        raise LabelError(f"{path}: `languages` must map language codes (`ru`) to their names (`Russian`)")
    if months and (len(months) != 12 or not all(isinstance(m, str) for m in months)):
        raise LabelError(f"{path}: `months` must list the 12 month names")
    if months_day and (not months or len(months_day) != 12 or not all(isinstance(m, str) for m in months_day)):
        raise LabelError(f"{path}: `months_day` must list the 12 month names as written after a day "
                         "(and `months` the 12 names)")
    return Labels(language=language, name=str(table.get("name") or language),
                  theme_language=str(table.get("theme_language") or language),
                  locale=str(table.get("locale") or language), decimal_mark=str(table.get("decimal_mark") or "."),
                  months=("", *months) if months else (),
                  months_day=("", *months_day) if months_day else (),
                  words={k: v[categories[0]] if isinstance(v, dict) else v for k, v in words.items() if v},
                  plural_rule=rule, forms=forms, languages=dict(languages))


_ENGLISH = Labels()
ACTIVE: ContextVar[Labels | None] = ContextVar("labels", default=None)


def active() -> Labels:
    return ACTIVE.get() or _ENGLISH


def decimal(value: float, digits: int = 1) -> str:
    """A number with `digits` after the edition's decimal mark: `1.5`, in Azerbaijani `1,5`."""
    return f"{value:.{digits}f}".replace(".", active().decimal_mark)


def t(text: str, /, **values: Any) -> str:
    """`text` in the language of the edition being rendered."""
    return active()(text, **values)


def language_name(code: str) -> str:
    """A language's name (its ISO code in the data) in the edition's language, from the tables'
    `languages:` maps: the edition's, else English's, else the code itself."""
    return active().languages.get(code) or load_labels(BASE).languages.get(code) or code


def plural(count: int, one: str, many: str) -> str:
    """`count` and the noun's form in the edition's language: "185 events", "185 hadisə"."""
    return active().plural(count, one, many)


def noun(count: int, one: str, many: str) -> str:
    """The noun's form alone, for a number shown apart (`**185** events`)."""
    return active().noun(count, one, many)


@contextmanager
def edition(labels: Labels) -> Iterator[Labels]:
    """Render in `labels`' language: its words and its month names, for the duration of the block."""
    words = ACTIVE.set(labels)
    months = MONTH_NAMES.set(labels.months) if labels.months else None
    months_day = MONTH_DAY_NAMES.set(labels.months_day)
    try:
        yield labels
    finally:
        ACTIVE.reset(words)
        MONTH_DAY_NAMES.reset(months_day)
        if months is not None:
            MONTH_NAMES.reset(months)
