"""Section index pages: home, timeline and one index per collection."""

from __future__ import annotations

from collections import defaultdict

from .blocks import ref_link, span_text
from .charts import participation_chart
from .home import HOME, home
from .model import Site, date_of, index_of
from .records import quote_block
from .text import esc, front_matter


def programmes_index(site: Site) -> str:
    here = index_of("programmes")
    chart = participation_chart(site, "chart-participation")
    lines = ["# Programmes, mechanisms and operations", "",
             f"{len(site.programmes)} programmes, mechanisms and operations in which Azerbaijan takes part or took "
             "part, with the span of its participation.", "", chart,
             "| Name | Kind | Azerbaijan's participation | Events |", "|---|---|---|---|"]
    for programme in site.programmes:
        d = programme.data
        lines.append(f"| {ref_link(site, here, 'programmes', programme.id)} | {esc(d['kind'].replace('-', ' '))} "
                     f"| {span_text(d.get('participation'))} | {len(site.events_of[('programmes', programme.id)])} |")
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
        lines += [quote_block(site, here, q) for q in by_speaker[speaker]]
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


def people_index(site: Site) -> str:
    here = index_of("people")
    lines = ["# People", "", "| Name | Roles | Quotes | Events |", "|---|---|---|---|"]
    for person in site.sorted("people"):
        roles = "; ".join(f"{esc(r['title'])}, {esc(r['organisation'])}" for r in person.data["roles"])
        lines.append(f"| {ref_link(site, here, 'people', person.id)} | {roles} "
                     f"| {len(site.quotes_of[('people', person.id)])} | {len(site.events_of[('people', person.id)])} |")
    return front_matter("People", "Officials who appear in the records, with their roles, quotes and events.") \
        + "\n".join(lines) + "\n"


def sectors_index(site: Site) -> str:
    here = index_of("sectors")
    lines = ["# Sectors", "", "| Sector | Programmes | Events | Quotes |", "|---|---|---|---|"]
    for sector in site.sorted("sectors"):
        key = ("sectors", sector.id)
        lines.append(f"| {ref_link(site, here, 'sectors', sector.id)} | {len(site.programmes_of[key])} "
                     f"| {len(site.events_of[key])} | {len(site.quotes_of[key])} |")
    return front_matter("Sectors", "Areas of NATO–Azerbaijan cooperation.") + "\n".join(lines) + "\n"


def sources_index(site: Site) -> str:
    here = index_of("sources")
    lines = ["# Sources", "", f"{len(site.data['sources'])} sources, by publisher. Quality: *official* (NATO or a "
             "government), *media*, *repost* (a copy of another outlet's story) or *weak*.", "",
             "| Source | Publisher | Date | Quality | Cited by |", "|---|---|---|---|---|"]
    for source in site.sorted("sources"):
        d = source.data
        lines.append(f"| {ref_link(site, here, 'sources', source.id)} | {esc(d['publisher'])} | {d['date']} "
                     f"| {d['quality']} | {len(site.cited_by[source.id])} |")
    return front_matter("Sources", "Bibliography: every source cited on the site, with what cites it.") \
        + "\n".join(lines) + "\n"


INDEXES = {HOME: home, index_of("programmes"): programmes_index,
           index_of("quotes"): quotes_index, index_of("people"): people_index,
           index_of("sectors"): sectors_index, index_of("sources"): sources_index}
