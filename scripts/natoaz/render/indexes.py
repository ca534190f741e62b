"""Section index pages: home, timeline and one index per collection."""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from ..model.schema import labels
from .blocks import ref_link, span_text
from .charts import participation_chart
from .escape import esc
from .home import HOME, home
from .model import Site, date_of, index_of
from .records import quote_block
from .templates import render
from .text import front_matter


def programmes_index(site: Site) -> str:
    here = index_of("programmes")
    chart = participation_chart(site, "chart-participation")
    lines = ["# Programmes, mechanisms and operations", "",
             f"{len(site.programmes)} programmes, mechanisms and operations in which Azerbaijan takes part or took "
             "part, with the span of its participation.", "", chart,
             "| Name | Kind | Azerbaijan's participation | Events |", "|---|---|---|---|"]
    for programme in site.programmes:
        d = programme.data
        events = len(site.referring("programmes", programme.id, "events"))
        kind = esc(labels("programmes", "kind")[d["kind"]])
        lines.append(f"| {ref_link(site, here, 'programmes', programme.id)} | {kind} "
                     f"| {span_text(d.get('participation'))} | {events} |")
    description = "NATO programmes, mechanisms and operations in which Azerbaijan takes or took part."
    return front_matter("Programmes", description, og_type="website") + "\n".join(lines) + "\n"


def quotes_index(site: Site) -> str:
    here = index_of("quotes")
    by_speaker: dict[str, list] = defaultdict(list)
    for quote in site.quotes:
        by_speaker[quote.data["speaker"]].append(quote)
    people = site.data["people"]
    order = sorted(by_speaker, key=lambda p: (site.label("people", p) if p in people else p).split()[-1:])
    lines = ["# Quotes", "", f"{len(site.quotes)} quotations, verbatim, each with its source.", "",
             "## By speaker", ""]
    for speaker in order:
        name = site.label("people", speaker) if speaker in people else speaker
        lines += [f"### {esc(name)}", ""]
        if speaker in people:
            lines += [f"Roles, events and all quotes: {ref_link(site, here, 'people', speaker)}.", ""]
        lines += [quote_block(site, here, q, with_speaker=False) for q in by_speaker[speaker]]
    lines += ["## By year", ""]
    by_year: dict[int, list] = defaultdict(list)
    for quote in site.quotes:
        by_year[date_of(quote).year].append(quote)
    for year in sorted(by_year):
        links = ", ".join(ref_link(site, here, "quotes", q.id) for q in by_year[year])
        lines.append(f"- **{year}**: {links}")
    return front_matter("Quotes", "Verbatim quotations by officials on NATO–Azerbaijan cooperation.",
                        search_exclude=True) \
        + "\n".join(lines) + "\n"


def _table_page(heading: str, columns: list[str], rows: list[list[object]], intro: str = "") -> str:
    """A collection index: a heading, an optional intro (Markdown) and one table row per record. Cells that
    are already Markdown (links) come as Markup; every other value is escaped by the template."""
    return render("index_table.md.j2", heading=heading, intro=Markup(intro), columns=columns, rows=rows,
                  separator="|" + "---|" * len(columns))


def people_index(site: Site) -> str:
    here = index_of("people")
    rows = [[Markup(ref_link(site, here, "people", person.id)),
             Markup("; ".join(f"{esc(r['title'])}, {esc(r['organisation'])}" for r in person.data["roles"])),
             *(len(site.referring("people", person.id, by)) for by in ("quotes", "events"))]
            for person in site.sorted("people")]
    return front_matter("People", "Officials who appear in the records, with their roles, quotes and events.") \
        + _table_page("People", ["Name", "Roles", "Quotes", "Events"], rows)


def sectors_index(site: Site) -> str:
    here = index_of("sectors")
    rows = [[Markup(ref_link(site, here, "sectors", sector.id)),
             *(len(site.referring("sectors", sector.id, by)) for by in ("programmes", "events", "quotes"))]
            for sector in site.sorted("sectors")]
    return front_matter("Sectors", "Areas of NATO–Azerbaijan cooperation.") \
        + _table_page("Sectors", ["Sector", "Programmes", "Events", "Quotes"], rows)


def sources_index(site: Site) -> str:
    here = index_of("sources")
    intro = (f"{len(site.data['sources'])} sources, by publisher. Quality: *official* (NATO or a government), "
             "*media*, *repost* (a copy of another outlet's story) or *weak*.")
    rows = [[Markup(ref_link(site, here, "sources", source.id)), Markup(esc(source.data["publisher"])),
             source.data["date"], source.data["quality"], sum(map(len, site.cited_by(source.id).values()))]
            for source in site.sorted("sources")]
    return front_matter("Sources", "Bibliography: every source cited on the site, with what cites it.") \
        + _table_page("Sources", ["Source", "Publisher", "Date", "Quality", "Cited by"], rows, intro)


INDEXES = {HOME: home, index_of("programmes"): programmes_index,
           index_of("quotes"): quotes_index, index_of("people"): people_index,
           index_of("sectors"): sectors_index, index_of("sources"): sources_index}
