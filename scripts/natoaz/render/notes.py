"""Numbered notes for inline citations: `[@source-id]` in a summary or description becomes a superscript
number linking to the page's notes, each with publisher, date, the original address (and its archived
copy) and the source's page on this site (templates/parts.md.j2: `note_marks`, `notes`)."""

from __future__ import annotations

from typing import Any

from .blocks import source_date, title_language
from .model import Site
from .routes import page_of
from .templates import macros
from .text import link


class Notes:
    """The notes of one page, numbered in order of first citation (a source cited twice keeps its number)."""

    def __init__(self, site: Site, here: str) -> None:
        self.site, self.here, self.order = site, here, []  # type: list[str]

    def mark(self, ids: list[str]) -> str:
        """The note marks of one citation, e.g. `<sup><a href="#note-1">1</a></sup>`."""
        numbers = []
        for source_id in ids:
            if source_id not in self.site.data["sources"]:
                continue  # refused by `make check-data`
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.append(self.order.index(source_id) + 1)
        return str(macros().note_marks(numbers)) if numbers else ""

    def items(self) -> list[dict[str, Any]]:
        """The notes' view data, in number order."""
        found = []
        for number, source_id in enumerate(self.order, 1):
            source = self.site.record("sources", source_id).data
            found.append({"number": number, "publisher": source.get("publisher"), "date": source_date(source),
                          "title": source.get("title"), "url": source["url"], "archive_url": source.get("archive_url"),
                          "href": link(self.here, page_of("sources", source_id)), "lang": title_language(source)})
        return found
