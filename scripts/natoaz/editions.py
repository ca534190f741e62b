"""The site in several languages: the English edition at the root, each other language with a label
table (`i18n/<code>.yaml`) as an edition under `/<code>/`, built by MkDocs from the same core with
`theme.language: <code>`. Pure functions the hook and the build use (no MkDocs import).

Hand-written pages: `docs/<code>/<page>.md` is the `<code>` edition's `<page>.md`; a page without
one is shown in English with a note. The English build leaves every `docs/<code>/` folder out."""

from __future__ import annotations

import re
from typing import Any

from .model.languages import BASE, declared
from .render.escape import html_text
from .render.i18n import Labels, load_labels


def prefix(code: str) -> str:
    """Where an edition lives, relative to the English root: `` or `az/`."""
    return "" if code == BASE else f"{code}/"


def root_url(site_url: str, code: str) -> str:
    """The English root address, from the address an edition is built with."""
    return site_url[: -len(prefix(code))] if prefix(code) and site_url.endswith(prefix(code)) else site_url


def editions() -> list[Labels]:
    return [load_labels(code) for code in declared()]


def alternates(page_url: str, current: str, root: str, directory_urls: bool = True) -> list[dict[str, Any]]:
    """The same page in every edition: `href` relative to the current page, `url` absolute (hreflang),
    `current` for the page's own language. `page_url` is the page's URL within its edition (`events/x/`)."""
    up = "../" * (prefix(current) + page_url).count("/")
    return [{"code": ed.language, "name": ed.name, "current": ed.language == current,
             "href": (up + prefix(ed.language) + page_url) or "./", "url": root + prefix(ed.language) + page_url}
            for ed in editions()]


def translate_nav(nav: Any, labels: Labels) -> Any:
    """The nav of mkdocs.yml with its titles in the edition's language (titles are label-table keys)."""
    if isinstance(nav, list):
        return [translate_nav(item, labels) for item in nav]
    if isinstance(nav, dict):
        return {labels(title): translate_nav(value, labels) for title, value in nav.items()}
    return nav


_LANGUAGE_FOLDER = re.compile(r"([a-z]{2,3})/")


def language_folder(src_uri: str) -> str:
    """The language whose folder holds a docs file (`az/about.md` → `az`), or ""."""
    match = _LANGUAGE_FOLDER.match(src_uri)
    return match.group(1) if match and match.group(1) in declared()[1:] else ""


def untranslated_page(markdown: str, labels: Labels) -> str:
    """A hand-written page not yet translated: the English text, marked as English, under a note."""
    note = labels("This page is not translated yet; it is shown in English.")
    return (f'<p class="natoaz-untranslated">{html_text(note)}</p>\n\n<div lang="en" markdown="1">\n\n'
            f"{markdown}\n\n</div>\n")
