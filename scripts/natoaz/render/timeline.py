"""The timeline: events and quotes by year, with anchors and a filter.

Without JavaScript every entry is listed and the sector pages are linked. With JavaScript,
docs/assets/javascripts/timeline-filter.js reveals the filter form, hides entries whose
`data-sectors` / `data-programmes` / `data-type` do not match, and keeps the choice in the URL
(`?sector=demining&programme=deep&type=quote`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..load.dataset import Record
from .blocks import ref_link
from .charts import events_chart
from .model import TIMELINE, Site, date_of, index_of, page_of
from .text import attr, esc, front_matter, link, md_inline, plain_paragraphs, plural

TYPES = (("", "Events and quotes"), ("event", "Events"), ("key", "Key milestones"), ("quote", "Quotes"))


def quote_anchor(quote_id: str) -> str:
    return f"quote-{quote_id}"


def _tags(site: Site, record: Record) -> tuple[list[str], list[str]]:
    """Sectors and programmes of an entry; a quote without its own inherits those of its event."""
    d = record.data
    sectors, programmes = list(d.get("sectors") or []), list(d.get("programmes") or [])
    if record.collection == "quotes" and d.get("event") in site.data["events"]:
        event = site.record("events", d["event"]).data
        sectors += [s for s in event.get("sectors") or [] if s not in sectors]
        programmes += [p for p in event.get("programmes") or [] if p not in programmes]
    return sectors, programmes


def _open(site: Site, record: Record) -> str:
    sectors, programmes = _tags(site, record)
    kind = "event" if record.collection == "events" else "quote"
    attrs = [f'class="natoaz-entry natoaz-entry--{kind}"', f'data-type="{kind}"',
             f'data-sectors="{attr(" ".join(sectors))}"', f'data-programmes="{attr(" ".join(programmes))}"']
    if record.data.get("key"):
        attrs.append('data-key="true"')
    return f"<div {' '.join(attrs)} markdown=\"1\">"


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


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(f'<option value="{attr(value)}">{esc(text)}</option>' for value, text in options)
    return (f'<label for="natoaz-filter-{name}">{label}</label> '
            f'<select id="natoaz-filter-{name}" name="{name}">{items}</select>')


def filter_form(site: Site, entries: list[Record]) -> str:
    sectors: Counter = Counter()
    programmes: Counter = Counter()
    for record in entries:
        record_sectors, record_programmes = _tags(site, record)
        sectors.update(record_sectors)
        programmes.update(record_programmes)
    sector_options = [("", "All sectors")] + [(s.id, f"{site.label('sectors', s.id)} ({sectors[s.id]})")
                                              for s in site.sorted("sectors") if sectors[s.id]]
    programme_options = [("", "All programmes")] + [
        (p.id, f"{site.label('programmes', p.id)} ({programmes[p.id]})") for p in site.programmes if programmes[p.id]]
    return "\n".join([
        '<form class="natoaz-filter" data-natoaz-filter hidden>',
        "<fieldset>",
        "<legend>Filter the timeline</legend>",
        f'<span class="natoaz-filter__field">{_select("sector", "Sector", sector_options)}</span>',
        f'<span class="natoaz-filter__field">{_select("programme", "Programme", programme_options)}</span>',
        f'<span class="natoaz-filter__field">{_select("type", "Record type", list(TYPES))}</span>',
        '<button type="reset" class="md-button">Show all</button>',
        "</fieldset>",
        '<p class="natoaz-filter__status" role="status" aria-live="polite"></p>',
        "</form>",
        "",
    ])


def timeline(site: Site) -> str:
    here = TIMELINE
    entries = sorted([*site.events, *site.quotes], key=lambda r: (date_of(r), r.collection, r.id))
    by_year: dict[int, list[Record]] = defaultdict(list)
    for record in entries:
        by_year[date_of(record).year].append(record)
    years = sorted(by_year)
    first, last = (years[0], years[-1]) if years else ("–", "–")
    sector_links = " · ".join(ref_link(site, here, "sectors", s.id) for s in site.sorted("sectors")
                              if site.events_of[("sectors", s.id)])
    lines = [
        "# Timeline", "",
        f"{plural(len(site.events), 'event')} and {plural(len(site.quotes), 'quote')} from {first} to {last}. "
        "Each event has its own "
        f"page with sources; [programmes]({link(here, index_of('programmes'))}) have pages of their own.", "",
        f"Browse by sector: {sector_links}", "",
        filter_form(site, entries),
        events_chart(site, "chart-events-per-year"),
        '<nav class="natoaz-years" aria-label="Years"><ul>'
        + "".join(f'<li><a href="#{y}">{y}</a></li>' for y in years) + "</ul></nav>", "",
    ]
    for year in years:
        lines += [f'<section class="natoaz-year" data-year="{year}" markdown="1">', "", f"## {year} {{#{year}}}", ""]
        for record in by_year[year]:
            lines += _event(site, here, record) if record.collection == "events" else _quote(site, here, record)
        lines += ["</section>", ""]
    description = (f"All {plural(len(site.events), 'event')} and {plural(len(site.quotes), 'quote')} of "
                   "NATO–Azerbaijan cooperation "
                   "by year, filterable by sector, programme and record type.")
    return front_matter("Timeline", description, search_exclude=True, og_type="website") + "\n".join(lines)
