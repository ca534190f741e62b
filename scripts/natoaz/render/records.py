"""One page per record: events, programmes, quotes, people, sectors and sources."""

from __future__ import annotations

from ..model import registry
from ..model.dates import parse_date
from ..model.records import Record
from ..model.schema import labels
from . import jsonld
from .blocks import (
    citation,
    corrections_section,
    data_note,
    disagreements,
    ref_link,
    ref_list,
    section,
    sources_section,
    span_text,
)
from .cite import cite_section
from .escape import esc, md_inline, plain_paragraphs, url_link
from .model import Site, date_of, index_of, page_of, timeline_part
from .notes import Notes
from .text import front_matter, link, plain_summary


def _page(site: Site, record: Record, title: str, description: str, *parts: str) -> str:
    """A record page: front matter (with JSON-LD where a schema.org type fits), the parts, the record's
    corrections, the cite block and the data-file note."""
    collection = registry.collection(record.collection)
    make_jsonld = jsonld.BUILDERS.get(collection.jsonld)
    ending = [corrections_section(site, page_of(collection.name, record.id), record),
              cite_section(site, collection.name, record, title), data_note(record)]
    body = "\n".join(p.rstrip() + "\n" for p in [*parts, *ending] if p and p.strip())
    return front_matter(title, description, search_boost=collection.search_boost,
                        search_exclude=collection.search_exclude, og_type="article",
                        jsonld=make_jsonld(site, record) if make_jsonld else "") + body


PRECISION = {"day": "", "month": " (day not recorded)", "year": " (month and day not recorded)"}
RELATED = 5


def fact_box(rows: list[tuple[str, str]]) -> str:
    """The record's facts at a glance (a Wikipedia-style box): label, value; empty values left out."""
    lines = [f"**{label}:** {value}" for label, value in rows if value]
    return '<div class="natoaz-facts" markdown="1">\n\n' + "  \n".join(lines) + "\n\n</div>\n"


def _neighbours(site: Site, here: str, event: Record) -> str:
    """Previous and next event in time."""
    events = site.events
    i = next(n for n, e in enumerate(events) if e.id == event.id)
    parts = []
    if i > 0:
        prev = events[i - 1]
        parts.append(f"← Previous: {date_of(prev).human()} — {ref_link(site, here, 'events', prev.id)}")
    if i + 1 < len(events):
        nxt = events[i + 1]
        parts.append(f"Next: {date_of(nxt).human()} — {ref_link(site, here, 'events', nxt.id)} →")
    return '<nav class="natoaz-pager" aria-label="Previous and next event" markdown="1">\n\n' + \
        "  \n".join(parts) + "\n\n</nav>\n" if parts else ""


def _related(site: Site, here: str, event: Record) -> str:
    """For each programme of the event, the other events of that programme nearest in time."""
    out = []
    day = date_of(event).first_day
    for programme in event.data.get("programmes") or []:
        others = [e for e in site.referring("programmes", programme, "events") if e != event.id]
        nearest = sorted(others, key=lambda e: (abs((date_of(site.record("events", e)).first_day - day).days), e))
        chosen = sorted(nearest[:RELATED], key=lambda e: (date_of(site.record("events", e)).first_day, e))
        if chosen:
            title = f"More from {esc(site.label('programmes', programme))}"
            out.append(section(title, ref_list(site, here, "events", chosen, dated=True)))
    return "\n".join(out)


def _referring(site: Site, here: str, record: Record, *sections: tuple[str, str]) -> list[str]:
    """Sections listing the records of a collection that refer to this one (events with their dates)."""
    return [section(title, ref_list(site, here, by, site.referring(record.collection, record.id, by),
                                    dated=by in ("events", "programmes"))) for title, by in sections]


def primary_first(links: list[str]) -> str:
    """The first sector of a record is its primary one: say so beside it."""
    return ", ".join([f"{links[0]} (primary)", *links[1:]]) if links else ""


def event_page(site: Site, event: Record) -> str:
    here = page_of("events", event.id)
    d = event.data
    start = date_of(event)
    when = start.human() + PRECISION[start.precision]
    if d.get("end"):
        when = f"{start.human()} – {parse_date(d['end']).human()}"
    year = start.year
    refs = lambda c, ids: ", ".join(ref_link(site, here, c, i) for i in ids)  # noqa: E731
    quotes = site.referring("events", event.id, "quotes")
    notes = Notes(site, here)
    return _page(
        site, event, d["title"], plain_summary(d["summary"]),
        f"# {esc(d['title'])}",
        fact_box([("Date", when), ("Place", esc(d.get("place", ""))),
                  ("Participants", refs("people", d.get("people") or [])),
                  ("Programmes", refs("programmes", d.get("programmes") or [])),
                  ("Sectors", primary_first([ref_link(site, here, "sectors", i) for i in d.get("sectors") or []])),
                  ("Timeline", f"[{year}]({link(here, timeline_part(year), event.id)})")]),
        md_inline(d["summary"], notes.mark),
        disagreements(site, here, event),
        section("Quotes", ref_list(site, here, "quotes", quotes)),
        notes.section(),
        sources_section(site, here, event),
        _related(site, here, event),
        _neighbours(site, here, event),
    )


def programme_page(site: Site, programme: Record) -> str:
    here = page_of("programmes", programme.id)
    d = programme.data
    # Heading "Name – ACRONYM", not "Name (ACRONYM)": the search splits words at spaces and hyphens only,
    # so "(DEEP)" would not match a search for DEEP.
    title = f"{d['name']} – {d['acronym']}" if d.get("acronym") else d["name"]
    notes = Notes(site, here)
    summary = f"*{md_inline(d['summary'], notes.mark)}*"  # first, so that its notes are numbered first
    facts = [f"**Kind:** {esc(labels('programmes', 'kind')[d['kind']])}",
             f"**Azerbaijan's participation:** {span_text(d.get('participation'))}"]
    if d.get("participation", {}).get("note"):
        facts[-1] += f" — {md_inline(d['participation']['note'], notes.mark)}"
    if d.get("parent"):
        facts.append(f"**Part of:** {ref_link(site, here, 'programmes', d['parent'])}")
    facts.append("**Sectors:** " + ", ".join(ref_link(site, here, "sectors", s) for s in d.get("sectors", [])))
    if d.get("url"):
        facts.append(f"**Official page:** {url_link(d['url'])}")
    return _page(
        site, programme, title, plain_summary(d["summary"]),
        f"# {esc(title)}",
        summary,
        "  \n".join(facts),
        md_inline(d.get("description", ""), notes.mark),
        disagreements(site, here, programme),
        *_referring(site, here, programme, ("Parts", "programmes"), ("Events", "events"), ("Quotes", "quotes")),
        notes.section(),
        sources_section(site, here, programme),
    )


def quote_block(site: Site, here: str, quote: Record, with_link: bool = True, with_speaker: bool = True) -> str:
    """A quote card: the words, then who (with the role held at the time), the occasion, place, date and
    the first source. `with_speaker=False` where the page is already about the speaker."""
    d = quote.data
    speaker = ref_link(site, here, "people", d["speaker"]) if d["speaker"] in site.data["people"] else esc(d["speaker"])
    text = plain_paragraphs(d["text"]).replace("\n", "\n> ")
    who = f"{speaker}, {esc(d['role'])}" if with_speaker else esc(d["role"])
    where = esc(d["occasion"]) + (f", {esc(d['place'])}" if d.get("place") else "")
    by = [f"— {who}", where, date_of(quote).human()]
    if with_link:
        by.append(f"[permalink]({link(here, page_of('quotes', quote.id))})")
    card = f'<div class="natoaz-quote" markdown="1">\n\n> {text}\n\n' + " · ".join(by) + "\n\n"
    if with_link and d.get("sources"):  # the quote's own page lists its sources in full below
        card += "Source: " + "; ".join(citation(site, here, s) for s in d["sources"]) + "\n\n"
    return card + "</div>\n"


def _translation(d: dict) -> str:
    note = labels("quotes", "translation").get(d.get("translation", ""), "")
    if d.get("translation_note"):
        note = f"{note}: {esc(d['translation_note'])}" if note else esc(d["translation_note"])
    return f"**Language:** `{d['language']}`" + (f" — {note}" if note else "")


def quote_page(site: Site, quote: Record) -> str:
    here = page_of("quotes", quote.id)
    d = quote.data
    title = f"Quote: {site.label('quotes', quote.id)}"
    facts = [_translation(d)]
    if d.get("event"):
        facts.append(f"**Event:** {ref_link(site, here, 'events', d['event'])}")
    if d.get("programmes"):
        facts.append("**Programmes:** " + ", ".join(ref_link(site, here, "programmes", p) for p in d["programmes"]))
    if d.get("sectors"):
        facts.append("**Sectors:** " + ", ".join(ref_link(site, here, "sectors", s) for s in d["sectors"]))
    return _page(
        site, quote, title, plain_summary(d["text"]),
        f"# {esc(title)}",
        quote_block(site, here, quote, with_link=False),
        "  \n".join(facts),
        disagreements(site, here, quote),
        sources_section(site, here, quote),
    )


def person_page(site: Site, person: Record) -> str:
    here = page_of("people", person.id)
    d = person.data
    roles = []
    for role in d["roles"]:
        span = ""
        if role.get("start"):
            span = f" ({span_text({'start': role['start'], 'end': role.get('end')})})"
        elif role.get("end"):
            span = f" (until {parse_date(role['end']).human()})"
        roles.append(f"- {esc(role['title'])}, {esc(role['organisation'])}{span}")
    other = f"Also written: {', '.join(esc(n) for n in d['other_names'])}." if d.get("other_names") else ""
    quotes = [site.record("quotes", q) for q in site.referring("people", person.id, "quotes")]
    return _page(
        site, person, d["name"],
        plain_summary(f"{d['name']}: " + "; ".join(f"{r['title']}, {r['organisation']}" for r in d["roles"])),
        f"# {esc(d['name'])}",
        other,
        section("Roles", "\n".join(roles), searchable=True),
        section("Quotes", "\n".join(quote_block(site, here, q, with_speaker=False) for q in quotes)),
        section("Events", ref_list(site, here, "events", site.referring("people", person.id, "events"), dated=True)),
        sources_section(site, here, person),
    )


def sector_page(site: Site, sector: Record) -> str:
    here = page_of("sectors", sector.id)
    d = sector.data
    return _page(
        site, sector, d["name"], plain_summary(d["description"]),
        f"# {esc(d['name'])}",
        md_inline(d["description"]),
        *_referring(site, here, sector, ("Programmes", "programmes"), ("Events", "events"), ("Quotes", "quotes")),
    )


def source_page(site: Site, source: Record) -> str:
    here = page_of("sources", source.id)
    d = source.data
    date = "undated" if d["date"] == "undated" else parse_date(d["date"]).human()
    facts = [f"**Publisher:** {esc(d['publisher'])}"]
    if d.get("author"):
        facts.append(f"**Author:** {esc(d['author'])}")
    facts += [f"**Date:** {date}", f"**Language:** `{d['language']}`",
              f"**Quality:** {labels('sources', 'quality')[d['quality']]}", f"**Address:** {url_link(d['url'])}"]
    if d.get("archive_url"):
        facts.append(f"**Archived copy:** {url_link(d['archive_url'])}")
    if d.get("note"):
        facts.append(f"**Note:** {esc(d['note'])}")
    parts = [section(f"Cited by: {c}", ref_list(site, here, c, ids)) for c, ids in site.cited_by(source.id).items()]
    return _page(
        site, source, d["title"], plain_summary(f"{d['publisher']}: {d['title']}"),
        f"# {esc(d['title'])}",
        "  \n".join(facts),
        *parts,
        f"[All sources]({link(here, index_of('sources'))})",
    )


PAGES = {"events": event_page, "programmes": programme_page, "quotes": quote_page, "people": person_page,
         "sectors": sector_page, "sources": source_page}
