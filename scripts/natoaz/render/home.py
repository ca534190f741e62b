"""The home page: overview, key figures, key milestones, entry points and the latest additions.

Python computes the view (counts, links, lists); templates/home.md.j2 lays it out and holds its words."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model import registry
from ..model.records import Record
from ..model.schema import labels
from .blocks import ref_link, span_text
from .charts import events_chart
from .feed import entries
from .model import Site, date_of
from .routes import DATA, EDITING, FEED, HOME, TIMELINE, index_of
from .templates import render
from .text import link

LATEST = 10
MILESTONES = 10
PROGRAMMES = 12


def key_figures(site: Site) -> dict[str, int]:
    years = [date_of(e).year for e in site.events]
    first = min(years) if years else site.release.year
    newest = max([*years, site.release.year]) if years else site.release.year
    ended = sum(1 for p in site.programmes if (p.data.get("participation") or {}).get("end"))
    return {"years": newest - first, "first_year": first, "newest_year": newest, "events": len(site.events),
            "programmes": len(site.programmes), "programmes_ended": ended, "quotes": len(site.quotes),
            "people": len(site.data["people"]), "sources": len(site.data["sources"])}


def _ref(site: Site, collection: str, record_id: str) -> Markup:
    """A Markdown link to a record from the home page (its label escaped by `ref_link`)."""
    return Markup(ref_link(site, HOME, collection, record_id))


def _dated(site: Site, event: Record) -> dict[str, Any]:
    return {"date": date_of(event).human(), "year": date_of(event).year, "link": _ref(site, "events", event.id)}


def _programmes(site: Site) -> tuple[list[dict[str, Any]], int]:
    """The PROGRAMMES top-level programmes with most events (a list that does not grow with the data), and
    how many top-level programmes there are."""
    top = [p for p in site.programmes if not p.data.get("parent")]
    if len(top) > PROGRAMMES:
        busiest = {p.id for p in sorted(top, key=lambda p: (-len(site.referring("programmes", p.id, "events")), p.id))
                   [:PROGRAMMES]}
        shown = [p for p in top if p.id in busiest]
    else:
        shown = top
    kinds = labels("programmes", "kind")
    return [{"link": _ref(site, "programmes", p.id), "kind": kinds.get(p.data.get("kind", ""), ""),
             "span": span_text(p.data.get("participation")),
             "events": len(site.referring("programmes", p.id, "events"))} for p in shown], len(top)


def _latest(site: Site) -> list[dict[str, Any]]:
    """Records added or corrected since the first import, newest change first, then newest date first.
    Records added on the data's first day are left out: listing them would only repeat the timeline,
    so with nothing newer the section is not shown."""
    changes = entries(site, limit=10_000)
    first_day = min((e.updated for e in changes), default=None)
    seen: set[tuple[str, str]] = set()
    latest = []
    for e in changes:
        if e.collection in ("events", "programmes", "quotes") and (e.collection, e.record_id) not in seen \
                and (e.is_update or e.updated != first_day):
            seen.add((e.collection, e.record_id))
            latest.append(e)
    latest.sort(key=lambda e: (e.updated, date_of(site.record(e.collection, e.record_id))), reverse=True)
    return [{"link": _ref(site, e.collection, e.record_id), "kind": registry.collection(e.collection).singular,
             "corrected": e.is_update, "date": e.updated.human()} for e in latest[:LATEST]]


def home(site: Site) -> str:
    here = HOME
    sectors = [{"link": _ref(site, "sectors", s.id), "name": s.data["name"],
                **{by: len(site.referring("sectors", s.id, by)) for by in ("events", "programmes")}}
               for s in site.sorted("sectors")]
    programmes, programmes_all = _programmes(site)
    links = {"timeline": link(here, TIMELINE), "data": link(here, DATA), "feed": link(here, FEED),
             "key_rule": link(here, EDITING, "key-milestones"),
             **{c: link(here, index_of(c)) for c in ("programmes", "quotes", "people", "sources")}}
    page = render(
        "home.md.j2", figures=key_figures(site), links=links, release=site.release.human(),
        first=_dated(site, site.events[0]) if site.events else None,
        last=_dated(site, site.events[-1]) if site.events else None,
        sectors=sectors,
        chart=Markup(events_chart(site, "home-events-per-year")),
        milestones=[_dated(site, e) for e in site.events if e.data.get("key")][:MILESTONES],
        programmes=programmes, programmes_all=programmes_all, programmes_limit=PROGRAMMES, latest=_latest(site))
    return page.rstrip() + "\n"
