"""The home page: overview, key figures, key milestones, entry points and the latest additions."""

from __future__ import annotations

from ..model import registry
from ..model.schema import labels
from .blocks import ref_link, span_text
from .charts import events_chart
from .datapage import PAGE as DATA_PAGE
from .escape import esc
from .feed import FEED, entries
from .model import TIMELINE, Site, date_of, index_of
from .text import front_matter, link, plural

HOME = "index.md"
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


def _card(count: int, word: str, body: str, suffix: str = "") -> list[str]:
    """A grid card: the figure in bold, then a line of text with the link."""
    number, _, noun = plural(count, word).partition(" ")
    return [f"-   **{number}** {noun}{suffix}", "", "    ---", "", f"    {body}", ""]


def _figures(site: Site, here: str) -> list[str]:
    f = key_figures(site)
    lines = ["## Key figures", "", '<div class="grid cards natoaz-figures" markdown="1">', ""]
    if site.events:
        first = site.events[0]
        counted = (f"Counted from the first event on the timeline ({date_of(first).human()}: "
                   f"{ref_link(site, here, 'events', first.id)}) to {f['newest_year']}.")
        lines += _card(f["years"], "year", counted, " of recorded cooperation")
    lines += _card(f["events"], "event", f"Dated milestones on the [timeline]({link(here, TIMELINE)}).")
    ongoing = f["programmes"] - f["programmes_ended"]
    lines += _card(f["programmes"], "programme", f"[Programmes, mechanisms and operations]"
                   f"({link(here, index_of('programmes'))}) in which Azerbaijan has taken part: "
                   f"{ongoing} continuing, {f['programmes_ended']} ended.")
    lines += _card(f["quotes"], "quote", f"Verbatim [quotes]({link(here, index_of('quotes'))}) by "
                   f"{plural(f['people'], 'person', 'people')} ([people]({link(here, index_of('people'))})).")
    lines += _card(f["sources"], "source", f"Every record cites its [sources]({link(here, index_of('sources'))}).")
    lines += ["</div>", "", f"Data release of **{site.release.human()}**: "
              f"[download the data]({link(here, DATA_PAGE)}) or follow the [feed of additions]({link(here, FEED)}).",
              ""]
    return lines


def _chart(site: Site) -> list[str]:
    chart = events_chart(site, "home-events-per-year")
    return ["## Events per year", "", chart, ""] if chart else []


def _milestones(site: Site, here: str) -> list[str]:
    key = [e for e in site.events if e.data.get("key")][:MILESTONES]
    if not key:
        return []
    lines = ["## Key milestones", "", '<div class="natoaz-milestones" markdown="1">', ""]
    lines += [f"1. **{date_of(e).human()}** {ref_link(site, here, 'events', e.id)}" for e in key]
    rule = link(here, "editing/index.md", "key-milestones")
    return lines + ["", "</div>", "", f"What makes a milestone key is set out in the [editing guide]({rule}); "
                    f"all events are on the [timeline]({link(here, TIMELINE)}).", ""]


def _sectors(site: Site, here: str) -> list[str]:
    lines = ["## By sector", "", '<div class="grid cards natoaz-sectors" markdown="1">', ""]
    for sector in site.sorted("sectors"):
        events, programmes = (len(site.referring("sectors", sector.id, by)) for by in ("events", "programmes"))
        lines += [f"-   {ref_link(site, here, 'sectors', sector.id)}", "",
                  f"    {events} event{'s' * (events != 1)} · {programmes} programme{'s' * (programmes != 1)}", ""]
    return lines + ["</div>", ""]


def _programmes(site: Site, here: str) -> list[str]:
    """The PROGRAMMES top-level programmes with most events (a list that does not grow with the data)."""
    top = [p for p in site.programmes if not p.data.get("parent")]
    if not top:
        return []
    lines = ["## By programme", ""]
    if len(top) > PROGRAMMES:
        busiest = {p.id for p in sorted(top, key=lambda p: (-len(site.referring("programmes", p.id, "events")), p.id))
                   [:PROGRAMMES]}
        lines += [f"The {PROGRAMMES} of {len(top)} with most events:", ""]
        top = [p for p in top if p.id in busiest]
    for programme in top:
        kind = esc(labels("programmes", "kind").get(programme.data.get("kind", ""), ""))
        span = span_text(programme.data.get("participation"))
        lines.append(f"- {ref_link(site, here, 'programmes', programme.id)} — {kind}, {span}")
    return lines + ["", f"See all programmes with a chart of Azerbaijan's participation: "
                    f"[programmes]({link(here, index_of('programmes'))}).", ""]


def _latest(site: Site, here: str) -> list[str]:
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
    latest = latest[:LATEST]
    if not latest:
        return []
    lines = ["## Latest additions", ""]
    for entry in latest:
        what = "corrected" if entry.is_update else "added"
        lines.append(f"- {ref_link(site, here, entry.collection, entry.record_id)} "
                     f"({registry.collection(entry.collection).singular}, {what} {entry.updated.human()})")
    return lines + [""]


def _intro(site: Site, here: str) -> list[str]:
    """The opening paragraph: every statement in it is computed from the data."""
    if not site.events:
        return ["This site lists NATO–Azerbaijan cooperation record by record; every record names its sources."]
    first, last = site.events[0], site.events[-1]
    used = [s for s in site.sorted("sectors") if site.referring("sectors", s.id, "events")]
    sectors = "; ".join(esc(s.data["name"]).lower() for s in used)
    return [f"This site lists Azerbaijan's cooperation with NATO record by record, from "
            f"{date_of(first).human()} ({ref_link(site, here, 'events', first.id)}) to {date_of(last).human()} "
            f"({ref_link(site, here, 'events', last.id)}), in these areas: {sectors}. Every record names its "
            f"sources; where they disagree, the record shows each reading."]


def home(site: Site) -> str:
    here = HOME
    f = key_figures(site)
    lines = [
        "# NATO–Azerbaijan cooperation: a sourced reference", "",
        *_intro(site, here), "",
        *_figures(site, here), *_chart(site), *_milestones(site, here), *_sectors(site, here), *_programmes(site, here),
        *_latest(site, here),
    ]
    description = (f"A sourced reference on NATO–Azerbaijan cooperation: {f['events']} events, "
                   f"{f['programmes']} programmes, {f['quotes']} quotes and {f['sources']} sources, as open data.")
    return front_matter("Home", description, og_type="website") + "\n".join(lines).rstrip() + "\n"
