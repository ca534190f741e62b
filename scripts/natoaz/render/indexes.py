"""Section index pages: home, and one index per collection (paged where a collection grows). Each function
computes the view data of one page; templates/indexes/<collection>.md.j2 lays it out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..model.records import Record
from ..model.schema import labels
from .blocks import quote_card, ref, span_text
from .charts import participation_chart
from .escape import md_inline
from .home import home
from .model import Site, date_of
from .paging import chunked, nav_view
from .routes import HOME, index_of, page_path, timeline_part
from .templates import render
from .text import link

PER_PAGE = {"programmes": 40, "quotes": 50, "people": 100, "sources": 100}  # records per index page


def _paged(collection: str, records: list[Record], view: Callable[[str, list[Record]], dict[str, Any]],
           **common: Any) -> dict[str, str]:
    """An index in pages of PER_PAGE records; `view(here, chunk)` gives one page's data. The template
    adds the bounded page list after the intro and at the end."""
    index = index_of(collection)
    chunks = chunked(records, PER_PAGE[collection])
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = page_path(index, number)
        pages[here] = render(f"indexes/{collection}.md.j2", number=number, nav=nav_view(index, number, len(chunks)),
                             **common, **view(here, chunk))
    return pages


def programmes_index(site: Site) -> dict[str, str]:
    def view(here: str, chunk: list[Record]) -> dict[str, Any]:
        rows = [{"programme": ref(site, here, "programmes", p.id), "kind": labels("programmes", "kind")[p.data["kind"]],
                 "span": span_text(p.data.get("participation")),
                 "events": len(site.referring("programmes", p.id, "events")),
                 "summary": Markup(" ".join(site.abbr(md_inline(p.data["summary"])).split())),
                 "english_summary": "summary" in p.untranslated} for p in chunk]
        return {"chart": Markup(participation_chart(site, "chart-participation", chunk)), "rows": rows}

    return _paged("programmes", site.programmes, view, count=len(site.programmes))


def quotes_index(site: Site) -> dict[str, str]:
    people = site.data["people"]

    def name(speaker: str) -> str:
        return site.label("people", speaker) if speaker in people else speaker

    by_speaker: dict[str, list[Record]] = defaultdict(list)
    for quote in site.quotes:
        by_speaker[quote.data["speaker"]].append(quote)
    order = sorted(by_speaker, key=lambda p: (name(p).split()[-1:], p))
    by_year: dict[int, int] = defaultdict(int)
    for quote in site.quotes:
        by_year[date_of(quote).year] += 1

    def view(here: str, chunk: list[Record]) -> dict[str, Any]:
        groups: list[dict[str, Any]] = []
        for quote in chunk:  # a heading wherever the speaker changes (again at the top of each page)
            speaker = quote.data["speaker"]
            if not groups or groups[-1]["speaker"] != speaker:
                groups.append({"speaker": speaker, "name": name(speaker), "quotes": [],
                               "person": ref(site, here, "people", speaker) if speaker in people else None})
            groups[-1]["quotes"].append(quote_card(site, here, quote, with_speaker=False))
        years = [{"year": y, "count": n, "href": link(here, timeline_part(y))} for y, n in sorted(by_year.items())]
        return {"years": years, "groups": groups}

    return _paged("quotes", [q for speaker in order for q in by_speaker[speaker]], view, count=len(site.quotes))


def people_index(site: Site) -> dict[str, str]:
    def view(here: str, chunk: list[Record]) -> dict[str, Any]:
        return {"rows": [{"person": ref(site, here, "people", person.id), "roles": person.data["roles"],
                          "english_roles": bool({"roles[].title", "roles[].organisation"} & person.untranslated),
                          **{by: len(site.referring("people", person.id, by)) for by in ("quotes", "events")}}
                         for person in chunk]}

    return _paged("people", site.sorted("people"), view, count=len(site.data["people"]))


def sectors_index(site: Site) -> str:
    here = index_of("sectors")
    rows = [{"sector": ref(site, here, "sectors", sector.id),
             **{by: len(site.referring("sectors", sector.id, by)) for by in ("programmes", "events", "quotes")}}
            for sector in site.sorted("sectors")]
    return render("indexes/sectors.md.j2", rows=rows)


def sources_index(site: Site) -> dict[str, str]:
    def view(here: str, chunk: list[Record]) -> dict[str, Any]:
        return {"rows": [{"source": ref(site, here, "sources", source.id), "publisher": source.data["publisher"],
                          "date": "" if source.data["date"] == "undated" else source.data["date"],
                          "quality": source.data["quality"],
                          "cited_by": sum(map(len, site.cited_by(source.id).values()))} for source in chunk]}

    return _paged("sources", site.sorted("sources"), view, count=len(site.data["sources"]))


INDEXES = {HOME: home, index_of("sectors"): sectors_index}
PAGED_INDEXES = (programmes_index, quotes_index, people_index, sources_index)
