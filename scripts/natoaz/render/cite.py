"""Permalinks and the "Cite this record" block: plain text and BibTeX, each with a copy button.

The data release is the version; the access date is the reader's own: docs/assets/javascripts/cite.js
writes today's date where the text says `[date]` (and shows the copy buttons). Without JavaScript the
placeholder stays, and a line under the block says to fill it in.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import registry
from ..model.dates import MONTH_DAY_NAMES, MONTH_NAMES
from ..model.languages import BASE
from ..model.records import Record
from .blocks import label_in_english, title_language
from .escape import bibtex_text
from .i18n import active, t
from .model import Site, stamp_of
from .options import LICENCE

ACCESSED = "[date]"  # the access-date placeholder that cite.js replaces


def bibtex_key(collection: str, record_id: str) -> str:
    return "natoaz:" + re.sub(r"[^a-z0-9-]", "-", f"{collection}-{record_id}")


def _release(site: Site) -> str:
    return (t("dataset release {version}", version=site.version) if site.version
            else t("data release of {date}", date=site.release.human()))


def _record_words(collection: str, record_id: str, stamp: str = "") -> str:
    """`Event record 1994-05-04-pfp-signed, version of 4 May 2026` in the edition's language."""
    kind = t(registry.collection(collection).label)
    return (t("{kind} record {id}, version of {date}", kind=kind, id=record_id, date=stamp) if stamp
            else t("{kind} record {id}", kind=kind, id=record_id))


def bibtex(key: str, fields: list[tuple[str, str]]) -> str:
    """A BibTeX `@misc` entry; the values come escaped (`bibtex_text`)."""
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def bibtex_entry(site: Site, collection: str, record: Record, title: str) -> str:
    options = site.options
    stamp = stamp_of(record) or site.release
    fields = [("author", "{" + bibtex_text(t(options.site_author)) + "}"), ("title", "{" + bibtex_text(title) + "}"),
              ("howpublished", bibtex_text(f"{t(options.site_name)}, {_release(site)}")), ("year", str(stamp.year)),
              ("version", site.version or site.release.iso()), ("url", site.permalink(collection, record.id)),
              ("urldate", ACCESSED),
              ("note", bibtex_text(t("{record}, licence {licence}", record=_record_words(collection, record.id),
                                     licence=LICENCE)))]
    return bibtex(bibtex_key(collection, record.id), fields)


def cite_view(site: Site, collection: str, record: Record, title: str) -> dict[str, Any]:
    """The "Cite this record" block's view: templates/cite.html.j2 writes the plain-text citation and
    lays out both; the BibTeX entry comes whole, split where the access date goes."""
    stamp = stamp_of(record)
    before, _, after = bibtex_entry(site, collection, record, title).partition(ACCESSED)
    months = MONTH_DAY_NAMES.get() or MONTH_NAMES.get()
    return {"permalink": site.permalink(collection, record.id), "placeholder": ACCESSED,
            "author": t(site.options.site_author), "title": title,
            "author_lang": None if active().has(site.options.site_author) else BASE,
            "record_words": _record_words(collection, record.id, stamp.human() if stamp else ""),
            "site_name": t(site.options.site_name), "release_words": _release(site),
            "version": site.version, "release": site.release.human(), "bibtex": (before, after),
            "months": ",".join(months[1:]), "title_lang": _title_language(collection, record)}


def _title_language(collection: str, record: Record) -> str:
    """The title's language where it is not the page's: a source's own, or English not yet translated."""
    if collection == "sources":
        return title_language(record.data)
    return "en" if label_in_english(record) else ""
