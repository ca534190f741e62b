"""The timeline in parts: an overview (chart, counts, one link per year) and one page per year.

One page per year, not per decade: on the real data a year page holds about 5–15 entries (10–40 KB of
HTML) where a decade page would hold 60–90; at 100x a year page is ~1/30 of the old single page and a
decade page ~1/3 (figures in the closing note of issue 11). Years are also what records link to.

Without JavaScript every entry is on its year's page and every year is linked from the overview and
from each part. With JavaScript, docs/assets/javascripts/timeline-filter.js reveals the filter form,
hides entries whose `data-sectors` / `data-programmes` / `data-type` do not match, keeps the choice in
the URL (`?sector=demining&programme=deep&type=quote`) and adds it to the links between parts.

Python computes the view; templates/timeline.md.j2, timeline_year.md.j2, timeline_years.md.j2 (the year
navigation) and timeline_filter.html.j2 lay it out and hold its words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from markupsafe import Markup

from ..model.records import Record
from .blocks import ref_link
from .charts import events_chart
from .escape import md_inline, plain_paragraphs
from .model import Site, date_of
from .routes import TIMELINE, index_of, page_of, timeline_part
from .templates import render
from .text import link

# The programme list offers the busiest programmes (a list that does not grow with the data); any other
# programme is chosen by the address (`?programme=id`, linked from its page), and the script adds it to the list.
PROGRAMME_CHOICES = 30


def quote_anchor(quote_id: str) -> str:
    return f"quote-{quote_id}"


def _tags(site: Site, record: Record) -> tuple[list[str], list[str]]:
    """Sectors and programmes of an entry; a quote without its own inherits those of its event."""
    sources = [record] + [site.record("events", e) for e in record.links_to("events") if e in site.data["events"]]
    sectors = list(dict.fromkeys(s for r in sources for s in r.links_to("sectors")))
    programmes = list(dict.fromkeys(p for r in sources for p in r.links_to("programmes")))
    return sectors, programmes


def _entry(site: Site, here: str, record: Record) -> dict[str, Any]:
    """What every entry shows and carries for the filter script."""
    sectors, programmes = _tags(site, record)
    return {"kind": "event" if record.collection == "events" else "quote", "sectors": " ".join(sectors),
            "programmes": " ".join(programmes), "key": bool(record.data.get("key")),
            "date": date_of(record).human(), "href": link(here, page_of(record.collection, record.id))}


def _event(site: Site, here: str, event: Record) -> dict[str, Any]:
    d = event.data
    # Sectors and programmes as plain labels: the page would otherwise carry over a thousand links,
    # which Material's scripts walk on load; they are linked from the event page and the sector list above.
    tags = [site.label("sectors", s) for s in d.get("sectors", [])]
    tags += [site.label("programmes", p) for p in d.get("programmes") or []]
    return {**_entry(site, here, event), "title": d["title"], "anchor": event.id, "tags": tags,
            "summary": Markup(site.abbr(md_inline(d["summary"]))),
            "disputed": [item["field"] for item in d.get("disagreements") or []]}


def _quote(site: Site, here: str, quote: Record) -> dict[str, Any]:
    d = quote.data
    speaker = site.label("people", d["speaker"]) if d["speaker"] in site.data["people"] else d["speaker"]
    return {**_entry(site, here, quote), "speaker": speaker, "anchor": quote_anchor(quote.id),
            "text": Markup(site.abbr(plain_paragraphs(d["text"])).replace("\n", "\n> ")), "role": d["role"],
            "occasion": d["occasion"]}


def filter_form(site: Site, entries: list[Record], counted: bool = True) -> Markup:
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
        return [{"value": i, "text": site.label(collection, i), "events": counted and counts["events"][i],
                 "quotes": counted and counts["quotes"][i]} for i in used]

    total = programmes["events"] + programmes["quotes"]
    busiest = {p for p, _ in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:PROGRAMME_CHOICES]}
    # Only years that have entries are offered; choosing one opens that year's part, the other choices kept.
    years = sorted({date_of(record).year for record in entries})
    return Markup(render(
        "timeline_filter.html.j2", sectors=options("sectors", [s.id for s in site.sorted("sectors")], sectors),
        programmes=options("programmes", [p.id for p in site.programmes if p.id in busiest], programmes),
        years=[{"value": str(y), "text": str(y)} for y in years]))


def _entries(site: Site) -> dict[int, list[Record]]:
    entries = sorted([*site.events, *site.quotes], key=lambda r: (date_of(r), r.collection, r.id))
    by_year: dict[int, list[Record]] = defaultdict(list)
    for record in entries:
        by_year[date_of(record).year].append(record)
    return dict(sorted(by_year.items()))


def _years(site: Site, here: str, by_year: dict[int, list[Record]]) -> list[dict[str, Any]]:
    """Each year: its part, what it holds (for the navigation and the filter script) and its counts."""
    years = []
    for year, records in by_year.items():
        tags = [_tags(site, r) for r in records]
        events = [r for r in records if r.collection == "events"]
        kinds = {"event" if r.collection == "events" else "quote" for r in records}
        kinds |= {"key"} if any(r.data.get("key") for r in records) else set()
        years.append({"year": year, "href": link(here, timeline_part(year)),
                      "sectors": " ".join(sorted({s for t in tags for s in t[0]})),
                      "programmes": " ".join(sorted({p for t in tags for p in t[1]})), "types": " ".join(sorted(kinds)),
                      "events": len(events), "quotes": len(records) - len(events),
                      "key": sum(1 for r in events if r.data.get("key"))})
    return years


def timeline(site: Site, by_year: dict[int, list[Record]], nav: list[dict[str, Any]]) -> str:
    """The overview: counts, the chart, the sector pages and one entry point per year; no entries."""
    here = TIMELINE
    years = list(by_year)
    return render(
        "timeline.md.j2", events=len(site.events), quotes=len(site.quotes),
        first=years[0] if years else None, last=years[-1] if years else None,
        links={"programmes": link(here, index_of("programmes"))},
        sectors=[Markup(ref_link(site, here, "sectors", s.id)) for s in site.sorted("sectors")
                 if site.referring("sectors", s.id, "events")],
        form=filter_form(site, [r for records in by_year.values() for r in records]),
        years_nav=nav, current=None,
        chart=Markup(events_chart(site, "chart-events-per-year")))


def timeline_year(site: Site, by_year: dict[int, list[Record]], year: int, nav: list[dict[str, Any]],
                  form: Markup) -> str:
    here = timeline_part(year)
    at = list(by_year).index(year)
    records = by_year[year]
    events = sum(1 for r in records if r.collection == "events")
    entries = [_event(site, here, r) if r.collection == "events" else _quote(site, here, r) for r in records]
    return render(
        "timeline_year.md.j2", year=year, events=events, quotes=len(records) - events,
        links={"overview": link(here, TIMELINE)}, form=form, years_nav=nav, current=year, entries=entries,
        before=nav[at - 1] if at > 0 else None, after=nav[at + 1] if at < len(nav) - 1 else None) + "\n"


def timeline_pages(site: Site) -> dict[str, str]:
    """The overview and one part per year that has entries."""
    by_year = _entries(site)
    form = filter_form(site, [r for records in by_year.values() for r in records], counted=False)
    nav = _years(site, TIMELINE, by_year)  # the overview and the parts share a folder, so the same links
    pages = {TIMELINE: timeline(site, by_year, nav)}
    for year in by_year:
        pages[timeline_part(year)] = timeline_year(site, by_year, year, nav, form)
    return pages
