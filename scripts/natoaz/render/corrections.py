"""The Corrections pages: every public correction in the data, newest first, in pages of PER_PAGE."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import registry
from ..model.dates import PartialDate, parse_date
from ..model.records import Record
from .blocks import correction_line, ref_link
from .model import Site
from .paging import page_nav
from .paging import page_path as paged_path
from .text import front_matter, link

PAGE = "corrections/index.md"
PER_PAGE = 100
DESCRIPTION = "Every correction made to the NATO–Azerbaijan reference data: what changed, when, and the source."


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


def page_path(number: int) -> str:
    return paged_path(PAGE, number)


def corrections_pages(site: Site) -> dict[str, str]:
    found = all_corrections(site)
    chunks = [found[i:i + PER_PAGE] for i in range(0, len(found), PER_PAGE)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = page_path(number)
        lines = ["# Corrections", "",
                 f"{len(found)} correction{'s' * (len(found) != 1)} made to the records for accuracy, newest first. "
                 "Each names what changed and the source that shows it; the record's own page lists its "
                 "corrections too, and the [feed](" + link(here, "feed.xml") + ") announces them.", ""]
        if not found:
            lines.append("No record has been corrected yet.")
        for c in chunk:
            what = ref_link(site, here, c.collection, c.record_id)
            lines.append(f"- {registry.collection(c.collection).label} {what}: {correction_line(site, here, c.item)}")
        lines += page_nav(PAGE, number, len(chunks))
        title = "Corrections" if number == 1 else f"Corrections, page {number}"
        pages[here] = front_matter(title, DESCRIPTION, search_exclude=number > 1) + "\n".join(lines) + "\n"
    return pages
