"""Section index pages: home, timeline and one index per collection."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..model.schema import labels
from .blocks import ref_link, span_text
from .charts import participation_chart
from .escape import esc
from .home import home
from .model import Site, date_of
from .paging import chunked, page_nav, page_title
from .records import quote_block
from .routes import HOME, index_of, page_path, timeline_part
from .templates import render
from .text import front_matter, link, plural

PER_PAGE = {"programmes": 40, "quotes": 50, "people": 100, "sources": 100}  # records per index page


def _paged(collection: str, title: str, description: str, records: list,
           page: Callable[[str, list, str], str], **meta: Any) -> dict[str, str]:
    """An index in pages of PER_PAGE records; `page(here, chunk, nav)` writes one page's Markdown, with the
    bounded page list `nav` after its intro and at its end."""
    index = index_of(collection)
    chunks = chunked(records, PER_PAGE[collection])
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = page_path(index, number)
        nav = "\n".join(page_nav(index, number, len(chunks)))
        heading, _, body = page(here, chunk, nav).partition("\n")  # "# Heading": its page number on pages ≥ 2
        pages[here] = (front_matter(page_title(title, number), description, **meta)
                       + page_title(heading, number) + "\n" + body + nav)
    return pages


def programmes_index(site: Site) -> dict[str, str]:
    def page(here: str, chunk: list, nav: str) -> str:
        chart = participation_chart(site, "chart-participation", chunk)
        lines = [f"# {'Programmes, mechanisms and operations' if here == index_of('programmes') else 'Programmes'}",
                 "", f"{len(site.programmes)} programmes, mechanisms and operations in which Azerbaijan takes part or "
                 "took part, with the span of its participation.", nav, "", chart,
                 "| Name | Kind | Azerbaijan's participation | Events |", "|---|---|---|---|"]
        for programme in chunk:
            d = programme.data
            events = len(site.referring("programmes", programme.id, "events"))
            kind = esc(labels("programmes", "kind")[d["kind"]])
            lines.append(f"| {ref_link(site, here, 'programmes', programme.id)} | {kind} "
                         f"| {span_text(d.get('participation'))} | {events} |")
        return "\n".join(lines) + "\n"

    return _paged("programmes", "Programmes",
                  "NATO programmes, mechanisms and operations in which Azerbaijan takes or took part.",
                  site.programmes, page, og_type="website")


def quotes_index(site: Site) -> dict[str, str]:
    people = site.data["people"]

    def name(speaker: str) -> str:
        return site.label("people", speaker) if speaker in people else speaker

    by_speaker: dict[str, list] = defaultdict(list)
    for quote in site.quotes:
        by_speaker[quote.data["speaker"]].append(quote)
    order = sorted(by_speaker, key=lambda p: (name(p).split()[-1:], p))
    by_year: dict[int, int] = defaultdict(int)
    for quote in site.quotes:
        by_year[date_of(quote).year] += 1

    def page(here: str, chunk: list, nav: str) -> str:
        years = " · ".join(f"[{year}]({link(here, timeline_part(year))}) ({count})"
                           for year, count in sorted(by_year.items()))
        lines = ["# Quotes", "", f"{plural(len(site.quotes), 'quotation')}, verbatim, each with its source, by "
                 "speaker. By year, with the events around them, on the timeline (choose *Quotes* as the record "
                 f"type): {years}", nav, "", "## By speaker", ""]
        speaker = None
        for quote in chunk:
            if quote.data["speaker"] != speaker:
                speaker = quote.data["speaker"]
                lines += [f"### {esc(name(speaker))}", ""]
                if speaker in people:
                    lines += [f"Roles, events and all quotes: {ref_link(site, here, 'people', speaker)}.", ""]
            lines.append(quote_block(site, here, quote, with_speaker=False))
        return "\n".join(lines) + "\n"

    return _paged("quotes", "Quotes", "Verbatim quotations by officials on NATO–Azerbaijan cooperation.",
                  [q for speaker in order for q in by_speaker[speaker]], page, search_exclude=True)


def _table_page(heading: str, columns: list[str], rows: list[list[object]], intro: str = "") -> str:
    """A collection index: a heading, an optional intro (Markdown) and one table row per record. Cells that
    are already Markdown (links) come as Markup; every other value is escaped by the template."""
    return render("index_table.md.j2", heading=heading, intro=Markup(intro), columns=columns, rows=rows,
                  separator="|" + "---|" * len(columns))


def people_index(site: Site) -> dict[str, str]:
    def page(here: str, chunk: list, nav: str) -> str:
        rows = [[Markup(ref_link(site, here, "people", person.id)),
                 Markup("; ".join(f"{esc(r['title'])}, {esc(r['organisation'])}" for r in person.data["roles"])),
                 *(len(site.referring("people", person.id, by)) for by in ("quotes", "events"))]
                for person in chunk]
        intro = f"{plural(len(site.data['people']), 'person', 'people')}, by surname.\n{nav}"
        return _table_page("People", ["Name", "Roles", "Quotes", "Events"], rows, intro)

    return _paged("people", "People", "Officials who appear in the records, with their roles, quotes and events.",
                  site.sorted("people"), page)


def sectors_index(site: Site) -> str:
    here = index_of("sectors")
    rows = [[Markup(ref_link(site, here, "sectors", sector.id)),
             *(len(site.referring("sectors", sector.id, by)) for by in ("programmes", "events", "quotes"))]
            for sector in site.sorted("sectors")]
    return front_matter("Sectors", "Areas of NATO–Azerbaijan cooperation.") \
        + _table_page("Sectors", ["Sector", "Programmes", "Events", "Quotes"], rows)


def sources_index(site: Site) -> dict[str, str]:
    def page(here: str, chunk: list, nav: str) -> str:
        intro = (f"{len(site.data['sources'])} sources, by publisher. Quality: *official* (NATO or a government), "
                 f"*media*, *repost* (a copy of another outlet's story) or *weak*.\n{nav}")
        rows = [[Markup(ref_link(site, here, "sources", source.id)), Markup(esc(source.data["publisher"])),
                 source.data["date"], source.data["quality"], sum(map(len, site.cited_by(source.id).values()))]
                for source in chunk]
        return _table_page("Sources", ["Source", "Publisher", "Date", "Quality", "Cited by"], rows, intro)

    return _paged("sources", "Sources", "Bibliography: every source cited on the site, with what cites it.",
                  site.sorted("sources"), page)


INDEXES = {HOME: home, index_of("sectors"): sectors_index}
PAGED_INDEXES = (programmes_index, quotes_index, people_index, sources_index)
