"""Numbered notes for inline citations: `[@source-id]` in a summary or description becomes a superscript
number linking to the page's notes, each with publisher, date, the original address (and its archived
copy) and the source's page on this site."""

from __future__ import annotations

from ..model.dates import parse_date
from .blocks import section
from .escape import esc, url_link
from .model import Site, page_of
from .text import link


class Notes:
    """The notes of one page, numbered in order of first citation (a source cited twice keeps its number)."""

    def __init__(self, site: Site, here: str) -> None:
        self.site, self.here, self.order = site, here, []  # type: list[str]

    def mark(self, ids: list[str]) -> str:
        """The note marks of one citation, e.g. `<sup><a href="#note-1">1</a></sup>`."""
        marks = []
        for source_id in ids:
            if source_id not in self.site.data["sources"]:
                continue  # refused by `make check-data`
            if source_id not in self.order:
                self.order.append(source_id)
            number = self.order.index(source_id) + 1
            marks.append(f'<a href="#note-{number}">{number}</a>')
        return f"<sup>{','.join(marks)}</sup>" if marks else ""

    def section(self) -> str:
        items = []
        for number, source_id in enumerate(self.order, 1):
            source = self.site.record("sources", source_id).data
            date = source.get("date", "undated")
            when = "undated" if date == "undated" else parse_date(date).human()
            parts = [f"{esc(source.get('publisher'))}, {when}: “{esc(source.get('title'))}”",
                     f"original: {url_link(source['url'])}"]
            if source.get("archive_url"):
                parts.append(f"archived copy: {url_link(source['archive_url'])}")
            parts.append(f"[about this source]({link(self.here, page_of('sources', source_id))})")
            items.append(f'{number}. <span id="note-{number}"></span>' + " · ".join(parts))
        return section("Notes", "\n".join(items))
