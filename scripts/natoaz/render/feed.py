"""The Atom feed of added and corrected records, driven by `added`/`updated` in the data (never the clock)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import registry
from ..model.dates import PartialDate, parse_date
from .i18n import active, t
from .model import Site, date_of
from .options import LICENCE
from .routes import FEED as FEED
from .routes import HOME
from .text import plain_summary

MAX_ENTRIES = 50
RELEASE_ENTRIES = 5
ATOM = "http://www.w3.org/2005/Atom"
# Atom ids are permanent names, not addresses: tag: URIs (RFC 4151) with a fixed authority, so a copy
# published elsewhere (a fork's Pages site) keeps the same ids and feed readers see no duplicates.
TAG = "tag:nato-azerbaijan-reference,2025:"


def tag_id(collection: str, record_id: str, correction: int | None = None) -> str:
    """A record's entry id; a public correction (0-based index in `corrections`) gets its own."""
    suffix = f"/correction-{correction + 1}" if correction is not None else ""
    return f"{TAG}{collection}/{record_id}{suffix}"


@dataclass(frozen=True)
class Entry:
    updated: PartialDate
    published: PartialDate | None
    collection: str
    record_id: str
    is_update: bool
    correction: int | None = None  # position in the record's `corrections`, for a correction entry


@dataclass(frozen=True)
class ReleaseEntry:
    """A numbered release as the feed announces it."""

    version: str
    date: PartialDate
    page: str  # docs-relative path of its changelog page
    summary: str


def timestamp(day: PartialDate) -> str:
    return f"{day.first_day.isoformat()}T00:00:00Z"


def entries(site: Site, limit: int | None = MAX_ENTRIES) -> list[Entry]:
    """Records with `added` or `updated`, newest change first; ties by collection and id."""
    found = []
    for collection in site.data.records:
        for record in site.data[collection].values():
            added = date_of(record, ("added",)) if record.data.get("added") else None
            updated = date_of(record, ("updated",)) if record.data.get("updated") else None
            corrections = record.data.get("corrections") or []
            days = set()
            for i, item in enumerate(corrections):
                day = parse_date(item["date"])
                days.add(day)
                found.append(Entry(day, added, collection, record.id, True, i))
            if (added or updated) and not (updated in days or (corrections and updated is None)):
                found.append(Entry(updated or added, added, collection, record.id, updated is not None))
    found.sort(key=lambda e: (e.collection, e.record_id, e.correction or 0))
    found.sort(key=lambda e: e.updated, reverse=True)
    return found[:limit]


def _summary(site: Site, collection: str, record_id: str, correction: int | None = None) -> str:
    data = site.record(collection, record_id).data
    if correction is not None:
        return plain_summary(t("Correction: {change}", change=str(data["corrections"][correction]["change"])), 400)
    text = data.get("summary") or data.get("text") or data.get("description") or data.get("title") or ""
    if collection == "people":
        text = "; ".join(f"{r['title']}, {r['organisation']}" for r in data.get("roles") or [])
    if collection == "sources":
        text = f"{data.get('publisher')}: {data.get('title')}"
    return plain_summary(text, 400)


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text:
        element.text = text
    return element


def atom_feed(site: Site, releases: Sequence[ReleaseEntry] = ()) -> str:
    """The feed: the newest numbered releases (RELEASE_ENTRIES) and the MAX_ENTRIES newest record changes."""
    options = site.options
    feed_url = options.url(FEED)
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": active().language})
    _sub(root, "title", f"{t(options.site_name)}: {t('additions and corrections')}")
    number = " " + t("Data release {version}.", version=site.version) if site.version else ""
    _sub(root, "subtitle", t("Records added to or corrected in the NATO–Azerbaijan reference data, newest first.")
         + number)
    _sub(root, "id", f"{TAG}feed")
    _sub(root, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(root, "link", rel="alternate", type="text/html", href=options.url(HOME) or "/")
    _sub(root, "updated", timestamp(site.release))
    author = _sub(root, "author")
    _sub(author, "name", t(options.site_author))
    _sub(root, "rights", t("Text and data: {licence}", licence=LICENCE))
    for release in list(releases)[-RELEASE_ENTRIES:][::-1]:
        element = _sub(root, "entry")
        _sub(element, "title", t("Release {version} of the data", version=release.version))
        url = options.url(release.page)
        _sub(element, "id", f"{TAG}release/{release.version}")
        _sub(element, "link", rel="alternate", type="text/html", href=url)
        _sub(element, "updated", timestamp(release.date))
        _sub(element, "category", term="releases", label=t("Release"))
        _sub(element, "summary", release.summary, type="text")
    for entry in entries(site):
        url = site.permalink(entry.collection, entry.record_id)
        kind = registry.collection(entry.collection).label
        if entry.correction is not None:
            url += "#corrections"
        element = _sub(root, "entry")
        words = "Corrected {kind}: {title}" if entry.is_update else "Added {kind}: {title}"
        _sub(element, "title", t(words, kind=t(kind.lower()), title=site.label(entry.collection, entry.record_id)))
        _sub(element, "id", tag_id(entry.collection, entry.record_id, entry.correction))
        _sub(element, "link", rel="alternate", type="text/html", href=url)
        if entry.published:
            _sub(element, "published", timestamp(entry.published))
        _sub(element, "updated", timestamp(entry.updated))
        _sub(element, "category", term=entry.collection, label=t(kind))
        _sub(element, "summary", _summary(site, entry.collection, entry.record_id, entry.correction), type="text")
    ET.indent(root, "  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
