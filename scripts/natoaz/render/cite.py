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


def plain_citation(site: Site, collection: str, record: Record, title: str) -> str:
    options = site.options
    stamp = stamp_of(record)
    version = f", version of {stamp.human()}" if stamp else ""
    kind = registry.collection(collection).label
    return (f"{options.site_author}. “{' '.join(title.split())}.” {kind} record {record.id}"
            f"{version}. {options.site_name}{_release(site)}. {site.permalink(collection, record.id)} "
            f"(accessed {ACCESSED}).")


def _release(site: Site) -> str:
    return f", dataset release {site.version}" if site.version else f", data release of {site.release.human()}"


def _when(site: Site) -> str:
    return f"{site.version}, {site.release.human()}" if site.version else site.release.human()


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


def _box(kind: str, label: str, text: str, date_format: str) -> dict[str, str]:
    before, _, after = text.partition(ACCESSED)
    return {"kind": kind, "label": label, "before": before, "after": after, "format": date_format}


def cite_view(site: Site, collection: str, record: Record, title: str) -> dict[str, Any]:
    """The "Cite this record" block's view (templates/records/record.md.j2 and cite.html.j2)."""
    boxes = [_box("plain", "Plain text", plain_citation(site, collection, record, title), "long"),
             _box("bibtex", "BibTeX", bibtex_entry(site, collection, record, title), "iso")]
    return {"permalink": site.permalink(collection, record.id), "boxes": boxes, "placeholder": ACCESSED,
            "release": _when(site)}
