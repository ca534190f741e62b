"""Text shown in a language other than the page's: marked with its own (`lang="en"`), so that screen
readers, search and hyphenation read it right. In another language's edition, the fields the schema does
not translate (a source's publisher) and fields not translated yet stay in English; a
source's title is in the source's language."""

from __future__ import annotations

from markupsafe import Markup

from ..model.languages import BASE
from .escape import esc
from .i18n import active


def _fragment(value: object) -> Markup:
    return value if isinstance(value, Markup) else Markup(esc(value))


def in_language(value: object, language: str | None = BASE) -> Markup:
    """`value` (text, escaped here, or a Markup fragment) in a `<span lang>` where its language is not the
    page's. `language` is a schema-checked code (`^[a-z]{2,3}$`), never free text."""
    fragment = _fragment(value)
    if not fragment or not language or language == active().language:
        return fragment
    return Markup('<span lang="{}">{}</span>').format(language, fragment)


def english(value: object, untranslated: bool = True) -> Markup:
    """Text in English from the data (`untranslated=False`: a translation was found; left unmarked)."""
    return in_language(value, BASE) if untranslated else _fragment(value)
