"""Section index pages: home, timeline and one index per collection."""

from __future__ import annotations

from collections import defaultdict

from .blocks import ref_link, span_text
from .model import TIMELINE, Site, date_of, index_of, page_of
from .records import quote_block
from .text import block, esc, front_matter, link

HOME = "index.md"


def key_figures(site: Site) -> dict[str, int]:
    years = [date_of(e).year for e in site.events] or [0]
    return {"years": max(years) - min(years), "events": len(site.events),
            "programmes": len(site.programmes), "quotes": len(site.quotes),
            "people": len(site.data["people"]), "sources": len(site.data["sources"])}


def home(site: Site) -> str:
    here = HOME
    figures = key_figures(site)
    first = date_of(site.events[0]).year if site.events else ""
    lines = [
        "# NATO–Azerbaijan cooperation: a sourced reference",
        "",
        "Azerbaijan is not a NATO member and has not applied to join. It has worked with the Alliance as a "
        "partner since the early 1990s: first in a consultation forum, from 1994 through the Partnership for "
        "Peace, and since then through defence-planning and reform programmes, peacekeeping in Kosovo and "
        "Afghanistan, science projects, demining and disaster relief. This site lists that history record by "
        "record, and every record names its sources.",
        "",
        "## Key figures",
        "",
        f"- **{figures['years']}** years of recorded cooperation (events since {first})",
        f"- **{figures['events']}** [events]({link(here, TIMELINE)})",
        f"- **{figures['programmes']}** [programmes, mechanisms and operations]({link(here, index_of('programmes'))})",
        f"- **{figures['quotes']}** [quotes]({link(here, index_of('quotes'))}) by "
        f"**{figures['people']}** [people]({link(here, index_of('people'))})",
        f"- **{figures['sources']}** [sources]({link(here, index_of('sources'))})",
        f"- Data release: **{site.release.human()}**",
        "",
        "## Key milestones",
        "",
    ]
    for event in [e for e in site.events if e.data.get("key")][:10]:
        lines.append(f"- {date_of(event).human()} — {ref_link(site, here, 'events', event.id)}")
    lines += ["", "## By sector", ""]
    for sector in site.sorted("sectors"):
        count = len(site.events_of[("sectors", sector.id)])
        lines.append(f"- {ref_link(site, here, 'sectors', sector.id)} ({count} events)")
    lines += ["", "## By programme", ""]
    for programme in site.programmes:
        lines.append(f"- {ref_link(site, here, 'programmes', programme.id)}")
    lines += ["", "## Latest additions", ""]
    latest = []
    for collection in ("events", "programmes", "quotes"):
        for record in site.data[collection].values():
            stamp = record.data.get("updated") or record.data.get("added") or ""
            latest.append((stamp, collection, record.id))
    for stamp, collection, record_id in sorted(latest, key=lambda t: (t[0], t[1], t[2]), reverse=True)[:10]:
        lines.append(f"- {ref_link(site, here, collection, record_id)} ({collection[:-1]}, {stamp})")
    description = (f"A sourced reference on NATO–Azerbaijan cooperation: {figures['events']} events, "
                   f"{figures['programmes']} programmes, {figures['quotes']} quotes, {figures['sources']} sources.")
    return front_matter("Home", description) + "\n".join(lines) + "\n"


def timeline(site: Site) -> str:
    here = TIMELINE
    by_year: dict[int, list] = defaultdict(list)
    for event in site.events:
        by_year[date_of(event).year].append(event)
    years = sorted(by_year)
    lines = ["# Timeline", "",
             f"{len(site.events)} events from {years[0] if years else '–'} to {years[-1] if years else '–'}. "
             "Each event has its own page with sources; browse by "
             f"[sector]({link(here, index_of('sectors'))}) or [programme]({link(here, index_of('programmes'))}).",
             "", "Years: " + " · ".join(f"[{y}](#{y})" for y in years), ""]
    for year in years:
        lines += [f"## {year} {{#{year}}}", ""]
        for event in by_year[year]:
            d = event.data
            lines += [f"### {date_of(event).human()} — {esc(d['title'])} {{#{event.id}}}", ""]
            tags = [ref_link(site, here, "sectors", s) for s in d.get("sectors", [])]
            tags += [ref_link(site, here, "programmes", p) for p in d.get("programmes") or []]
            lines += [block(d["summary"]), "",
                      f"[Details and sources]({link(here, page_of('events', event.id))}) · " + " · ".join(tags), ""]
    return front_matter("Timeline", f"All {len(site.events)} events of NATO–Azerbaijan cooperation by year.") + "\n".join(lines)


def programmes_index(site: Site) -> str:
    here = index_of("programmes")
    lines = ["# Programmes, mechanisms and operations", "",
             "| Name | Kind | Azerbaijan's participation | Events |", "|---|---|---|---|"]
    for programme in site.programmes:
        d = programme.data
        lines.append(f"| {ref_link(site, here, 'programmes', programme.id)} | {esc(d['kind'].replace('-', ' '))} "
                     f"| {span_text(d.get('participation'))} | {len(site.events_of[('programmes', programme.id)])} |")
    return front_matter("Programmes", "NATO programmes, mechanisms and operations in which Azerbaijan takes part.") \
        + "\n".join(lines) + "\n"


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
    return front_matter("Quotes", "Verbatim quotations by officials on NATO–Azerbaijan cooperation.") \
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


INDEXES = {HOME: home, TIMELINE: timeline, index_of("programmes"): programmes_index,
           index_of("quotes"): quotes_index, index_of("people"): people_index,
           index_of("sectors"): sectors_index, index_of("sources"): sources_index}
