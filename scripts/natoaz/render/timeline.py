"""The timeline in parts: an overview (chart, counts, one link per year) and one page per year.

One page per year, not per decade: on the real data a year page holds about 5–15 entries (10–40 KB of
HTML) where a decade page would hold 60–90; at 100x a year page is ~1/30 of the old single page and a
decade page ~1/3 (figures in the closing note of issue 11). Years are also what records link to.

Without JavaScript every entry is on its year's page and every year is linked from the overview and
from each part. With JavaScript, docs/assets/javascripts/timeline-filter.js reveals the filter form,
hides entries whose `data-sectors` / `data-programmes` / `data-type` do not match, keeps the choice in
the URL (`?sector=demining&programme=deep&type=quote`) and adds it to the links between parts.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..model.records import Record
from .blocks import ref_link
from .charts import events_chart
from .escape import esc, md_inline, plain_paragraphs
from .model import TIMELINE, Site, date_of, index_of, page_of, timeline_part
from .templates import render
from .text import front_matter, link, plural

TYPES = (("", "Events and quotes"), ("event", "Events"), ("key", "Key milestones"), ("quote", "Quotes"))


# The programme list offers the busiest programmes (a list that does not grow with the data); any other
# programme is chosen by the address (`?programme=id`, linked from its page), and the script adds it to the list.
PROGRAMME_CHOICES = 30
PART = '{ data-natoaz-part="" }'  # attr_list: a link between parts, which the script gives the filter's query
OVERVIEW = '{ data-natoaz-part="" data-natoaz-overview="" }'  # the link back to the overview ("All years")


def quote_anchor(quote_id: str) -> str:
    return f"quote-{quote_id}"


def _tags(site: Site, record: Record) -> tuple[list[str], list[str]]:
    """Sectors and programmes of an entry; a quote without its own inherits those of its event."""
    sources = [record] + [site.record("events", e) for e in record.links_to("events") if e in site.data["events"]]
    sectors = list(dict.fromkeys(s for r in sources for s in r.links_to("sectors")))
    programmes = list(dict.fromkeys(p for r in sources for p in r.links_to("programmes")))
    return sectors, programmes


def _open(site: Site, record: Record) -> str:
    sectors, programmes = _tags(site, record)
    return render("timeline_entry_open.html.j2", kind="event" if record.collection == "events" else "quote",
                  sectors=" ".join(sectors), programmes=" ".join(programmes), key=bool(record.data.get("key")))


def _event(site: Site, here: str, event: Record) -> list[str]:
    d = event.data
    # Sectors and programmes as plain labels: the page would otherwise carry over a thousand links,
    # which Material's scripts walk on load; they are linked from the event page and the sector list above.
    tags = [esc(site.label("sectors", s)) for s in d.get("sectors", [])]
    tags += [esc(site.label("programmes", p)) for p in d.get("programmes") or []]
    key = "**Key milestone** · " if d.get("key") else ""
    disputed = [esc(item["field"]) for item in d.get("disagreements") or []]
    if disputed:
        tags.append(f"*sources disagree on: {', '.join(disputed)}*")
    return [_open(site, event), "", f"### {date_of(event).human()} — {esc(d['title'])} {{#{event.id}}}", "",
            md_inline(d["summary"]), "",
            f"{key}[Details and sources]({link(here, page_of('events', event.id))}) · " + " · ".join(tags), "",
            "</div>", ""]


def _quote(site: Site, here: str, quote: Record) -> list[str]:
    d = quote.data
    people = site.data["people"]
    speaker = site.label("people", d["speaker"]) if d["speaker"] in people else d["speaker"]
    text = plain_paragraphs(d["text"]).replace("\n", "\n> ")
    heading = f"### {date_of(quote).human()} — Quote: {esc(speaker)} {{#{quote_anchor(quote.id)}}}"
    return [_open(site, quote), "", heading, "", f"> {text}", "",
            f"{esc(d['role'])}, {esc(d['occasion'])} · [Quote and source]({link(here, page_of('quotes', quote.id))})",
            "", "</div>", ""]


def filter_form(site: Site, entries: list[Record], counted: bool = True) -> str:
    """The same choices on every part (a choice made on one part must exist on the next); counts on the overview."""
    sectors: dict[str, Counter] = {"events": Counter(), "quotes": Counter()}
    programmes: dict[str, Counter] = {"events": Counter(), "quotes": Counter()}
    years = sorted({date_of(record).year for record in entries})
    for record in entries:
        record_sectors, record_programmes = _tags(site, record)
        sectors[record.collection].update(record_sectors)
        programmes[record.collection].update(record_programmes)

    def label(collection: str, record_id: str, counts: dict[str, Counter]) -> str:
        """`Demining (21 events, 5 quotes)`: events counted as on the home and sector pages, quotes apart."""
        name = site.label(collection, record_id)
        if not counted:
            return name
        found = [plural(counts[c][record_id], word) for c, word in (("events", "event"), ("quotes", "quote"))
                 if counts[c][record_id]]
        return f"{name} ({', '.join(found)})"

    def used(counts: dict[str, Counter], record_id: str) -> bool:
        return bool(counts["events"][record_id] or counts["quotes"][record_id])

    sector_options = [("", "All sectors")] + [(s.id, label("sectors", s.id, sectors))
                                              for s in site.sorted("sectors") if used(sectors, s.id)]
    total = programmes["events"] + programmes["quotes"]
    busiest = {p for p, _ in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:PROGRAMME_CHOICES]}
    programme_options = [("", "All programmes")] + [
        (p.id, label("programmes", p.id, programmes)) for p in site.programmes
        if p.id in busiest and used(programmes, p.id)]
    # Only years that have entries are offered; choosing one opens that year's part, the other choices kept.
    year_options = [("", "All years")] + [(str(y), str(y)) for y in years]
    selects = [{"name": "sector", "label": "Sector", "options": sector_options},
               {"name": "programme", "label": "Programme", "options": programme_options},
               {"name": "type", "label": "Record type", "options": list(TYPES)},
               {"name": "year", "label": "Year", "options": year_options}]
    return render("timeline_filter.html.j2", selects=selects) + "\n"


def _entries(site: Site) -> dict[int, list[Record]]:
    entries = sorted([*site.events, *site.quotes], key=lambda r: (date_of(r), r.collection, r.id))
    by_year: dict[int, list[Record]] = defaultdict(list)
    for record in entries:
        by_year[date_of(record).year].append(record)
    return dict(sorted(by_year.items()))


def _years_nav(site: Site, here: str, by_year: dict[int, list[Record]], current: int | None = None) -> str:
    """Every year as a Markdown link to its part (both engines rewrite Markdown links, not raw HTML ones); the
    script adds the filter's query. On the overview each link keeps the old anchor (`timeline/#1994`), which
    the script forwards to the year's part."""
    items = []
    for year, records in by_year.items():
        target = link(here, timeline_part(year))
        # What the year holds (ids are slugs), so that the script offers only years that match the filter.
        tags = [_tags(site, r) for r in records]
        kinds = {"event" if r.collection == "events" else "quote" for r in records}
        kinds |= {"key"} if any(r.data.get("key") for r in records) else set()
        holds = (f'data-natoaz-year="{year}" data-sectors="{" ".join(sorted({s for t in tags for s in t[0]}))}" '
                 f'data-programmes="{" ".join(sorted({p for t in tags for p in t[1]}))}" '
                 f'data-types="{" ".join(sorted(kinds))}"')
        if year == current:
            items.append(f'- [{year}]({target}){{ aria-current="page" {holds} }}')
        else:
            anchor = f"#{year} " if current is None else ""
            items.append(f'- [{year}]({target}){{ {anchor}data-natoaz-part="" {holds} }}')
    return "\n".join(['<nav class="natoaz-years" aria-label="Years" markdown="1">', "", *items, "", "</nav>"])


def _counts_table(site: Site, here: str, by_year: dict[int, list[Record]]) -> list[str]:
    rows = ["| Year | Events | Quotes | Key milestones |", "|---|---:|---:|---:|"]
    for year, records in by_year.items():
        events = [r for r in records if r.collection == "events"]
        key = sum(1 for r in events if r.data.get("key"))
        rows.append(f"| [{year}]({link(here, timeline_part(year))}){PART} | {len(events)} "
                    f"| {len(records) - len(events)} | {key} |")
    return rows


def timeline(site: Site) -> str:
    """The overview: counts, the chart, the sector pages and one entry point per year; no entries."""
    here = TIMELINE
    by_year = _entries(site)
    years = list(by_year)
    first, last = (years[0], years[-1]) if years else ("–", "–")
    entries = [r for records in by_year.values() for r in records]
    sector_links = " · ".join(ref_link(site, here, "sectors", s.id) for s in site.sorted("sectors")
                              if site.referring("sectors", s.id, "events"))
    lines = [
        "# Timeline", "",
        f"{plural(len(site.events), 'event')} and {plural(len(site.quotes), 'quote')} from {first} to {last}, "
        "one page per year. Each event has its own "
        f"page with sources; [programmes]({link(here, index_of('programmes'))}) have pages of their own.", "",
        f"Browse by sector: {sector_links}", "",
        filter_form(site, entries),
        "## Years", "",
        _years_nav(site, here, by_year), "",
        events_chart(site, "chart-events-per-year"),
        "## Entries per year", "",
        *_counts_table(site, here, by_year), "",
    ]
    description = (f"{plural(len(site.events), 'event')} and {plural(len(site.quotes), 'quote')} of "
                   "NATO–Azerbaijan cooperation, one page per year, filterable by sector, programme and record type.")
    return front_matter("Timeline", description, search_exclude=True, og_type="website") + "\n".join(lines)


def timeline_year(site: Site, by_year: dict[int, list[Record]], year: int, form: str) -> str:
    here = timeline_part(year)
    years = list(by_year)
    at = years.index(year)
    steps = []
    if at > 0:
        before = years[at - 1]
        steps.append(f'[← {before}]({link(here, timeline_part(before))}){{ data-natoaz-part="" rel="prev" }}')
    steps.append(f"[All years]({link(here, TIMELINE)}){PART}")
    if at < len(years) - 1:
        after = years[at + 1]
        steps.append(f'[{after} →]({link(here, timeline_part(after))}){{ data-natoaz-part="" rel="next" }}')
    records = by_year[year]
    events = sum(1 for r in records if r.collection == "events")
    lines = [f"# Timeline: {year}", "",
             f"{plural(events, 'event')} and {plural(len(records) - events, 'quote')} in {year}. "
             f"Other years: the [timeline overview]({link(here, TIMELINE)}){OVERVIEW} has the chart and the counts.",
             "",
             form, _years_nav(site, here, by_year, year), "",
             f'<section class="natoaz-year" data-year="{year}" markdown="1">', "", f"## {year} {{#{year}}}", ""]
    for record in records:
        lines += _event(site, here, record) if record.collection == "events" else _quote(site, here, record)
    lines += ["</section>", "", '<nav class="natoaz-steps" aria-label="Previous and next year" markdown="1">', "",
              " · ".join(steps), "", "</nav>", ""]
    description = (f"NATO–Azerbaijan cooperation in {year}: {plural(events, 'event')} and "
                   f"{plural(len(records) - events, 'quote')}, filterable by sector, programme and record type.")
    return front_matter(f"Timeline {year}", description, search_exclude=True, og_type="website") + "\n".join(lines)


def timeline_pages(site: Site) -> dict[str, str]:
    """The overview and one part per year that has entries."""
    by_year = _entries(site)
    form = filter_form(site, [r for records in by_year.values() for r in records], counted=False)
    pages = {TIMELINE: timeline(site)}
    for year in by_year:
        pages[timeline_part(year)] = timeline_year(site, by_year, year, form)
    return pages
