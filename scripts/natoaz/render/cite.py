"""Permalinks and the "Cite this record" block: plain text and BibTeX, each with a copy button.

The data release is the version; the access date is the reader's own: docs/assets/javascripts/cite.js
writes today's date where the text says `[date]` (and shows the copy buttons). Without JavaScript the
placeholder stays, and a line under the block says to fill it in.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import registry
from ..model.records import Record
from .escape import bibtex_text
from .model import Site, stamp_of

ACCESSED = "[date]"  # the access-date placeholder that cite.js replaces


def bibtex_key(collection: str, record_id: str) -> str:
    return "natoaz:" + re.sub(r"[^a-z0-9-]", "-", f"{collection}-{record_id}")


def _release(site: Site) -> str:
    return f", dataset release {site.version}" if site.version else f", data release of {site.release.human()}"


def bibtex(key: str, fields: list[tuple[str, str]]) -> str:
    """A BibTeX `@misc` entry; the values come escaped (`bibtex_text`)."""
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


def bibtex_entry(site: Site, collection: str, record: Record, title: str) -> str:
    options = site.options
    stamp = stamp_of(record) or site.release
    fields = [("author", "{" + bibtex_text(options.site_author) + "}"), ("title", "{" + bibtex_text(title) + "}"),
              ("howpublished", bibtex_text(options.site_name + _release(site))), ("year", str(stamp.year)),
              ("version", site.version or site.release.iso()), ("url", site.permalink(collection, record.id)),
              ("urldate", ACCESSED),
              ("note", bibtex_text(f"{registry.collection(collection).label} record {record.id}, licence CC BY 4.0"))]
    return bibtex(bibtex_key(collection, record.id), fields)


def cite_view(site: Site, collection: str, record: Record, title: str) -> dict[str, Any]:
    """The "Cite this record" block's view: templates/cite.html.j2 writes the plain-text citation and
    lays out both; the BibTeX entry comes whole, split where the access date goes."""
    stamp = stamp_of(record)
    before, _, after = bibtex_entry(site, collection, record, title).partition(ACCESSED)
    return {"permalink": site.permalink(collection, record.id), "placeholder": ACCESSED,
            "author": site.options.site_author, "title": title, "kind": registry.collection(collection).label,
            "id": record.id, "stamp": stamp.human() if stamp else "", "site_name": site.options.site_name,
            "version": site.version, "release": site.release.human(), "bibtex": (before, after)}
