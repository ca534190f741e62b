"""The timeline in parts: an overview (chart, counts, one link per year) and one page per year.

One page per year, not per decade: on the real data a year page holds about 5–15 entries (10–40 KB of
HTML) where a decade page would hold 60–90; at 100x a year page is ~1/30 of the old single page and a
decade page ~1/3 (figures in the closing note of issue 11). Years are also what records link to.
A year of more than PART_SIZE entries (20; the largest real year, 2025, holds 30) is split into pages of
equal size, so that no part grows with the data: at 10x and 100x a part is the size of a real year's. Each
record links to the exact part that shows it (`Site.timeline_place`).

Without JavaScript every entry is on its year's page and every year is linked from the overview and
from each part. With JavaScript, docs/assets/javascripts/timeline-filter.js reveals the filter form,
hides entries whose `data-sectors` / `data-programmes` / `data-type` do not match, keeps the choice in
the URL (`?sector=demining&programme=deep&type=quote`) and adds it to the links between parts.

Python computes the view; templates/timeline.md.j2, timeline_year.md.j2, timeline_years.md.j2 (the year
navigation) and timeline_filter.html.j2 lay it out and hold its words.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from markupsafe import Markup

from ..model.records import Record
from .blocks import label_in_english, ref_link
from .charts import events_chart
from .escape import md_inline, plain_paragraphs
from .model import Site, date_of
from .paging import WINDOW
from .routes import TIMELINE, index_of, page_of, timeline_part
from .templates import render
from .text import link

# The programme list offers the busiest programmes (a list that does not grow with the data); any other
# programme is chosen by the address (`?programme=id`, linked from its page), and the script adds it to the list.
PROGRAMME_CHOICES = 30


def quote_anchor(quote_id: str) -> str:
    return f"quote-{quote_id}"


def _tags(site: Site, record: Record) -> tuple[list[str], list[str]]:
    """Sectors and programmes of an entry (Site.entry_tags)."""
    return site.entry_tags[(record.collection, record.id)]


def _entry(site: Site, here: str, record: Record) -> dict[str, Any]:
    """What every entry shows and carries for the filter script."""
    sectors, programmes = _tags(site, record)
    return {"kind": "event" if record.collection == "events" else "quote", "sectors": " ".join(sectors),
            "programmes": " ".join(programmes), "key": bool(record.data.get("key")),
            "date": date_of(record).human(), "href": link(here, page_of(record.collection, record.id)),
            "english": sorted(record.untranslated)}  # fields still in English in another language's edition


def _tag(site: Site, collection: str, record_id: str) -> dict[str, Any]:
    """A sector or programme by name, and whether that name is still in English."""
    record = site.data[collection].get(record_id)
    return {"label": site.label(collection, record_id), "english": label_in_english(record)}


def _event(site: Site, here: str, event: Record) -> dict[str, Any]:
    d = event.data
    # Sectors and programmes as plain labels: the page would otherwise carry over a thousand links,
    # which Material's scripts walk on load; they are linked from the event page and the sector list above.
    tags = [_tag(site, "sectors", s) for s in d.get("sectors", [])]
    tags += [_tag(site, "programmes", p) for p in d.get("programmes") or []]
    return {**_entry(site, here, event), "title": d["title"], "anchor": event.id, "tags": tags,
            "summary": Markup(site.abbr(md_inline(d["summary"]))),
            "disputed": [item["field"] for item in d.get("disagreements") or []]}


def _quote(site: Site, here: str, quote: Record) -> dict[str, Any]:
    d = quote.data
    speaker = site.label("people", d["speaker"]) if d["speaker"] in site.data["people"] else d["speaker"]
    return {**_entry(site, here, quote), "speaker": speaker, "anchor": quote_anchor(quote.id),
            "text": Markup(site.abbr(plain_paragraphs(d["text"])).replace("\n", "\n> ")), "role": d["role"],
            "occasion": d["occasion"], "language": d.get("language") or "en"}


def _busiest(site: Site, entries: list[Record]) -> set[str]:
    """The PROGRAMME_CHOICES programmes with most entries."""
    total: Counter = Counter()
    for record in entries:
        total.update(_tags(site, record)[1])
    return {p for p, _ in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:PROGRAMME_CHOICES]}


def filter_form(site: Site, entries: list[Record], busiest: set[str], counted: bool = True) -> Markup:
    """The same choices on every part (a choice made on one part must exist on the next); counts on the
    overview: events counted as on the home and sector pages, quotes apart."""
    sectors: dict[str, Counter] = {"events": Counter(), "quotes": Counter()}
    programmes: dict[str, Counter] = {"events": Counter(), "quotes": Counter()}
    for record in entries:
        record_sectors, record_programmes = _tags(site, record)
        sectors[record.collection].update(record_sectors)
        programmes[record.collection].update(record_programmes)

    def options(collection: str, ids: list[str], counts: dict[str, Counter]) -> list[dict[str, Any]]:
        used = [i for i in ids if counts["events"][i] or counts["quotes"][i]]
        return [{"value": i, "text": site.label(collection, i),
                 "english": label_in_english(site.data[collection].get(i)), "events": counted and counts["events"][i],
                 "quotes": counted and counts["quotes"][i]} for i in used]

    # Only years that have entries are offered; choosing one opens that year's part, the other choices kept.
    years = sorted({date_of(record).year for record in entries})
    return Markup(render(
        "timeline_filter.html.j2", sectors=options("sectors", [s.id for s in site.sorted("sectors")], sectors),
        programmes=options("programmes", [p.id for p in site.programmes if p.id in busiest], programmes),
        years=[{"value": str(y), "text": str(y)} for y in years]))


def _years(site: Site, here: str, by_year: dict[int, list[list[Record]]], busiest: set[str]) -> list[dict[str, Any]]:
    """Each year: its first part, what it holds (for the navigation and the filter script: of the programmes,
    only the busiest, which the filter offers, so that the list stays bounded) and its counts."""
    years = []
    for year, parts in by_year.items():
        records = [r for part in parts for r in part]
        tags = [_tags(site, r) for r in records]
        events = [r for r in records if r.collection == "events"]
        kinds = {"event" if r.collection == "events" else "quote" for r in records}
        kinds |= {"key"} if any(r.data.get("key") for r in records) else set()
        years.append({"year": year, "href": link(here, timeline_part(year)),
                      "sectors": " ".join(sorted({s for t in tags for s in t[0]})),
                      "programmes": " ".join(sorted({p for t in tags for p in t[1] if p in busiest})),
                      "types": " ".join(sorted(kinds)),
                      "events": len(events), "quotes": len(records) - len(events),
                      "key": sum(1 for r in events if r.data.get("key"))})
    return years


def timeline(site: Site, by_year: dict[int, list[list[Record]]], nav: list[dict[str, Any]], form: Markup) -> str:
    """The overview: counts, the chart, the sector pages and one entry point per year; no entries."""
    here = TIMELINE
    years = list(by_year)
    return render(
        "timeline.md.j2", events=len(site.events), quotes=len(site.quotes),
        first=years[0] if years else None, last=years[-1] if years else None,
        links={"programmes": link(here, index_of("programmes"))},
        sectors=[Markup(ref_link(site, here, "sectors", s.id)) for s in site.sorted("sectors")
                 if site.referring("sectors", s.id, "events")],
        form=form, years_nav=nav, current=None,
        chart=Markup(events_chart(site, "chart-events-per-year")))


def _step(year: int, number: int, here: str) -> dict[str, Any]:
    return {"year": year, "number": number, "href": link(here, timeline_part(year, number))}


def _pages_nav(here: str, year: int, parts: list[list[Record]], number: int) -> list[dict[str, Any]]:
    """The pages of a split year: the first, the last and two either side of this one (a bounded list),
    each with the dates it spans (the script finds an old `#entry` address's page by its date)."""
    count = len(parts)
    if count == 1:
        return []
    shown = sorted({1, count, *range(max(1, number - WINDOW), min(count, number + WINDOW) + 1)})
    out, previous = [], 0
    for n in shown:
        part = parts[n - 1]
        out.append({"number": n, "gap": n - previous > 1, "current": n == number,
                    "href": link(here, timeline_part(year, n)),
                    "first": date_of(part[0]).first_day.isoformat(), "last": date_of(part[-1]).last_day.isoformat(),
                    "span": f"{date_of(part[0]).human()} – {date_of(part[-1]).human()}"})
        previous = n
    return out


def timeline_year(site: Site, by_year: dict[int, list[list[Record]]], year: int, number: int,
                  nav: list[dict[str, Any]], form: Markup) -> str:
    here = timeline_part(year, number)
    parts = by_year[year]
    years = list(by_year)
    at = years.index(year)
    records = [r for part in parts for r in part]
    events = sum(1 for r in records if r.collection == "events")
    page = parts[number - 1]
    entries = [_event(site, here, r) if r.collection == "events" else _quote(site, here, r) for r in page]
    before = _step(year, number - 1, here) if number > 1 else \
        _step(years[at - 1], len(by_year[years[at - 1]]), here) if at > 0 else None
    after = _step(year, number + 1, here) if number < len(parts) else \
        _step(years[at + 1], 1, here) if at < len(years) - 1 else None
    first = sum(len(p) for p in parts[:number - 1]) + 1
    return render(
        "timeline_year.md.j2", year=year, number=number, count=len(parts), events=events,
        quotes=len(records) - events, first=first, last=first + len(page) - 1, total=len(records),
        pages=_pages_nav(here, year, parts, number),
        links={"overview": link(here, TIMELINE)}, form=form, years_nav=nav, current=year, entries=entries,
        before=before, after=after, page_language=site.options.language) + "\n"


def timeline_pages(site: Site) -> dict[str, str]:
    """The overview and the parts: one per year that has entries, more for a year of over PART_SIZE entries."""
    by_year = site.timeline_years
    entries = [r for parts in by_year.values() for part in parts for r in part]
    busiest = _busiest(site, entries)
    nav = _years(site, TIMELINE, by_year, busiest)  # the overview and the parts share a folder: the same links
    pages = {TIMELINE: timeline(site, by_year, nav, filter_form(site, entries, busiest))}
    form = filter_form(site, entries, busiest, counted=False)
    for year, parts in by_year.items():
        for number in range(1, len(parts) + 1):
            pages[timeline_part(year, number)] = timeline_year(site, by_year, year, number, nav, form)
    return pages
