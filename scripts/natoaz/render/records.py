"""One page per record: events, programmes, quotes, people, sectors and sources. Each function computes
the page's view data; templates/records/<kind>.md.j2 lays it out."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model import registry
from ..model.dates import parse_date
from ..model.records import Record
from ..model.registry import first_words
from ..model.schema import labels
from . import jsonld
from .blocks import Ref, cites, corrections, disagreements, quote_card, ref, refs, source_date, span_text
from .cite import cite_view
from .escape import esc, md_inline
from .i18n import active, t
from .lang import in_language
from .model import Site, date_of
from .notes import Notes
from .routes import TIMELINE, index_of, page_of
from .templates import render
from .text import link, plain_summary

RELATED = 5
# A sector page lists at most this many of each (the busiest programmes, the latest events and quotes).
SECTOR_LISTS = {"programmes": 20, "events": 20, "quotes": 10}


def _page(site: Site, record: Record, meta: tuple[str, str], template: str, **view: Any) -> str:
    """A record page from its template (records/<kind>.md.j2 on records/record.md.j2): front matter (with
    JSON-LD where a schema.org type fits), the page's parts, the record's corrections, the cite block and
    the data-file note."""
    title, description = meta
    collection = registry.collection(record.collection)
    here = page_of(collection.name, record.id)
    make_jsonld = jsonld.BUILDERS.get(collection.jsonld)
    meta = {"search_boost": collection.search_boost, "search_exclude": collection.search_exclude,
            "jsonld": make_jsonld(site, record) if make_jsonld else ""}
    return render(f"records/{template}.md.j2", title=title, description=description, meta=meta, record=record,
                  corrections=corrections(site, here, record), cite=cite_view(site, collection.name, record, title),
                  **view) + "\n"


def _dated(site: Site, here: str, event: Record) -> Ref:
    return ref(site, here, "events", event.id, dated=True)


def _neighbours(site: Site, here: str, event: Record) -> dict[str, Ref | None]:
    """Previous and next event in time."""
    events = site.events
    i = site.event_positions[event.id]
    return {"earlier": _dated(site, here, events[i - 1]) if i > 0 else None,
            "later": _dated(site, here, events[i + 1]) if i + 1 < len(events) else None}


def _related(site: Site, here: str, event: Record) -> list[dict[str, Any]]:
    """For each programme of the event, the other events of that programme nearest in time."""
    out = []
    for programme in event.data.get("programmes") or []:
        if chosen := site.nearest_in_time("programmes", programme, "events", event, RELATED):
            out.append({"programme": site.label("programmes", programme),
                        "events": refs(site, here, "events", chosen, dated=True)})
    return out


def _referring(site: Site, here: str, record: Record, *collections: str) -> dict[str, list[Ref]]:
    """The records of each collection that refer to this one (events and programmes with their dates)."""
    return {by: refs(site, here, by, site.referring(record.collection, record.id, by),
                     dated=by in ("events", "programmes")) for by in collections}


def event_page(site: Site, event: Record) -> str:
    here = page_of("events", event.id)
    d = event.data
    start = date_of(event)
    notes = Notes(site, here)
    return _page(
        site, event, (d["title"], plain_summary(d["summary"])), "event",
        start=start.human(), precision=start.precision,
        end=parse_date(d["end"]).human() if d.get("end") else "", place=d.get("place", ""),
        people=refs(site, here, "people", d.get("people") or []),
        programmes=refs(site, here, "programmes", d.get("programmes") or []),
        sectors=refs(site, here, "sectors", d.get("sectors") or []),
        timeline=Ref(str(start.year), link(here, site.timeline_place("events", event.id), event.id)),
        summary=Markup(site.abbr(md_inline(d["summary"], notes.mark))),
        disagreements=disagreements(site, here, event),
        quotes=refs(site, here, "quotes", site.referring("events", event.id, "quotes")),
        notes=notes.items(), sources=cites(site, here, d.get("sources") or []),
        related=_related(site, here, event), **_neighbours(site, here, event),
    )


def programme_page(site: Site, programme: Record) -> str:
    here = page_of("programmes", programme.id)
    d = programme.data
    # Heading "Name – ACRONYM", not "Name (ACRONYM)": the search splits words at spaces and hyphens only,
    # so "(DEEP)" would not match a search for DEEP.
    title = f"{d['name']} – {d['acronym']}" if d.get("acronym") else d["name"]
    notes = Notes(site, here)
    summary = Markup(site.abbr(md_inline(d["summary"], notes.mark)))  # first, so that its notes are numbered first
    span_note = d.get("participation", {}).get("note")
    span_note = Markup(site.abbr(md_inline(span_note, notes.mark))) if span_note else ""
    return _page(
        site, programme, (title, plain_summary(d["summary"])), "programme",
        summary=summary, kind=labels("programmes", "kind")[d["kind"]],
        span=span_text(d.get("participation")), span_note=span_note,
        parent=ref(site, here, "programmes", d["parent"]) if d.get("parent") else None,
        sectors=refs(site, here, "sectors", d.get("sectors", [])), url=d.get("url", ""),
        details=Markup(site.abbr(md_inline(d.get("description", ""), notes.mark))),
        disagreements=disagreements(site, here, programme),
        **_referring(site, here, programme, "events", "quotes"),
        parts=_referring(site, here, programme, "programmes")["programmes"],
        notes=notes.items(), sources=cites(site, here, d.get("sources") or []),
    )


def quote_page(site: Site, quote: Record) -> str:
    here = page_of("quotes", quote.id)
    d = quote.data
    label = site.label("quotes", quote.id)
    speaker = site.label("people", d["speaker"]) if d["speaker"] in site.data["people"] else d["speaker"]
    # the heading as the label (registry._quote_name), the quote's opening words marked with their language
    heading = Markup(f"{in_language(first_words(d['text']), d['language'])} — {esc(speaker)}, "
                     f"{esc(date_of(quote).human())}")
    return _page(
        site, quote, (t("Quote: {label}", label=label), plain_summary(d["text"])), "quote",
        heading=heading, card=quote_card(site, here, quote, with_link=False), language=d["language"],
        start=date_of(quote).human(), precision=date_of(quote).precision, place=d.get("place", ""),
        speaker=ref(site, here, "people", d["speaker"]) if d["speaker"] in site.data["people"]
        else Ref(d["speaker"], None), role=d["role"], occasion=d["occasion"],
        translation=labels("quotes", "translation").get(d.get("translation", ""), ""),
        translation_note=d.get("translation_note", ""),
        event=ref(site, here, "events", d["event"]) if d.get("event") else None,
        programmes=refs(site, here, "programmes", d.get("programmes") or []),
        sectors=refs(site, here, "sectors", d.get("sectors") or []),
        disagreements=disagreements(site, here, quote), sources=cites(site, here, d.get("sources") or []),
    )


def _role(role: dict) -> dict[str, Any]:
    """A role with its span, or only the day it ended."""
    span = span_text({"start": role["start"], "end": role.get("end")}) if role.get("start") else ""
    until = parse_date(role["end"]).human() if role.get("end") and not span else ""
    return {"title": role["title"], "organisation": role["organisation"], "span": span, "until": until}


def person_page(site: Site, person: Record) -> str:
    here = page_of("people", person.id)
    d = person.data
    quotes = [site.record("quotes", q) for q in site.referring("people", person.id, "quotes")]
    description = plain_summary(f"{d['name']}: " + "; ".join(f"{r['title']}, {r['organisation']}" for r in d["roles"]))
    return _page(
        site, person, (d["name"], description), "person",
        name=d["name"], other_names=d.get("other_names") or [], roles=[_role(r) for r in d["roles"]],
        quotes=[quote_card(site, here, q, with_speaker=False) for q in quotes],
        events=refs(site, here, "events", site.referring("people", person.id, "events"), dated=True),
        sources=cites(site, here, d.get("sources") or []),
    )


def _latest(site: Site, collection: str, ids: list[str], most: int) -> list[str]:
    """The `most` newest of the records, newest first."""
    return sorted(ids, key=lambda i: (date_of(site.record(collection, i)), i), reverse=True)[:most]


def sector_page(site: Site, sector: Record) -> str:
    """A sector: its busiest programmes and its latest events and quotes, each list of bounded length (a
    sector is shared by every record, so its page would grow with the data); the rest through the
    timeline filtered by the sector (the choice lives in the address) and the programmes index."""
    here = page_of("sectors", sector.id)
    d = sector.data
    every = {by: site.referring("sectors", sector.id, by) for by in ("programmes", "events", "quotes")}
    programmes = every["programmes"]
    if len(programmes) > SECTOR_LISTS["programmes"]:
        busiest = set(sorted(programmes, key=lambda p: (-len(site.referring("programmes", p, "events")), p))
                      [:SECTOR_LISTS["programmes"]])
        programmes = [p for p in programmes if p in busiest]
    timeline = link(here, TIMELINE)
    return _page(
        site, sector, (d["name"], plain_summary(d["description"])), "sector",
        name=d["name"], details=Markup(site.abbr(md_inline(d["description"]))),
        counts={by: len(ids) for by, ids in every.items()},
        programmes=refs(site, here, "programmes", programmes, dated=True),
        events=refs(site, here, "events", _latest(site, "events", every["events"], SECTOR_LISTS["events"]),
                    dated=True),
        quotes=refs(site, here, "quotes", _latest(site, "quotes", every["quotes"], SECTOR_LISTS["quotes"])),
        links={"programmes": link(here, index_of("programmes")),
               # ids are slugs (the schema's pattern): nothing in them needs escaping in an address
               "events": Markup(f"{timeline}?sector={sector.id}&type=event"),
               "quotes": Markup(f"{timeline}?sector={sector.id}&type=quote")},
    )


def source_page(site: Site, source: Record) -> str:
    here = page_of("sources", source.id)
    d = source.data
    return _page(
        site, source, (d["title"], plain_summary(f"{d['publisher']}: {d['title']}")), "source",
        publisher=d["publisher"], author=d.get("author", ""), date=source_date(d),
        precision=parse_date(d["date"]).precision if d["date"] != "undated" else "", language=d["language"],
        page_language=active().language,
        quality=labels("sources", "quality")[d["quality"]], quality_id=d["quality"], url=d["url"],
        archive_url=d.get("archive_url", ""), note=d.get("note", ""),
        cited_by=[(c, refs(site, here, c, ids)) for c, ids in site.cited_by(source.id).items()],
        index=link(here, index_of("sources")),
    )


PAGES = {"events": event_page, "programmes": programme_page, "quotes": quote_page, "people": person_page,
         "sectors": sector_page, "sources": source_page}
