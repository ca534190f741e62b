"""The Corrections pages: every public correction in the data, newest first, in pages of PER_PAGE."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import registry
from ..model.dates import PartialDate, parse_date
from ..model.records import Record
from .blocks import correction, ref
from .model import Site
from .paging import chunked, nav_view
from .routes import CORRECTIONS as PAGE
from .routes import FEED, corrections_page
from .templates import render
from .text import link

PER_PAGE = 30  # at 100x a page is at most 1.5x the 1x page (issue 11: about 12 corrections then)


@dataclass(frozen=True)
class Correction:
    day: PartialDate
    collection: str
    record_id: str
    index: int  # position in the record's `corrections` list
    item: dict


def all_corrections(site: Site) -> list[Correction]:
    """Every correction of every record, newest first; ties by collection, id and position."""
    found = []
    for collection in site.data.records:
        for record in site.data[collection].values():
            found += _of(record)
    found.sort(key=lambda c: (c.collection, c.record_id, c.index))
    found.sort(key=lambda c: c.day.first_day, reverse=True)
    return found


def _of(record: Record) -> list[Correction]:
    items = record.data.get("corrections") or []
    return [Correction(parse_date(c["date"]), record.collection, record.id, i, c) for i, c in enumerate(items)]


def corrections_pages(site: Site) -> dict[str, str]:
    found = all_corrections(site)
    chunks = chunked(found, PER_PAGE)
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = corrections_page(number)
        items = [{"kind": registry.collection(c.collection).label, "record": ref(site, here, c.collection, c.record_id),
                  "correction": correction(site, here, site.record(c.collection, c.record_id), c.index)} for c in chunk]
        pages[here] = render("corrections.md.j2", number=number, count=len(found), feed=link(here, FEED),
                             corrections=items, nav=nav_view(PAGE, number, len(chunks)))
    return pages
