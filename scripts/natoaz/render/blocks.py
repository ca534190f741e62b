"""View data for the pieces pages share (links, sources, disagreements, corrections, quote cards);
templates/parts.md.j2 lays them out. `ref_link` renders one link for pages that want it as Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..model.dates import human_span, parse_date
from ..model.records import Record
from ..model.schema import labels
from .escape import blockquote, md_inline
from .i18n import active, t
from .lang import english
from .model import Site, date_of
from .routes import page_of
from .templates import macros
from .text import link


@dataclass(frozen=True)
class Ref:
    """A link to a page; `when` (a date or span) is shown before it in dated lists; `lang` is "en" where
    the label is still in English on another language's page."""

    label: str
    href: str | None
    when: str = ""
    lang: str = ""


@dataclass(frozen=True)
class Cite:
    """A source as cited: title, publisher, date ("" when undated), quality (a schema enum value or "")."""

    title: str
    href: str
    publisher: str
    date: str
    quality: str
    url: str
    lang: str = ""  # the title's language where it is not the page's (a source's own `language`)


def ref(site: Site, here: str, collection: str, record_id: str, dated: bool = False) -> Ref:
    when = ""
    if dated:  # an event or quote by its date, a programme by its span of participation
        record = site.record(collection, record_id)
        when = span_text(record.data.get("participation")) if collection == "programmes" else date_of(record).human()
    record = site.data[collection].get(record_id)
    lang = "en" if label_in_english(record) else ""
    if collection in ("sources", "quotes") and record is not None:  # a source by its title, a quote by its
        lang = title_language(record.data)  # words: in their own language
    return Ref(site.label(collection, record_id), link(here, page_of(collection, record_id)), when, lang)


def label_in_english(record: Record | None) -> bool:
    """Whether a record's name or title is still in English in another language's edition."""
    return record is not None and bool({"title", "name"} & record.untranslated)


def refs(site: Site, here: str, collection: str, ids: list[str], dated: bool = False) -> list[Ref]:
    return [ref(site, here, collection, i, dated) for i in ids]


def ref_link(site: Site, here: str, collection: str, record_id: str) -> str:
    return str(macros().link(ref(site, here, collection, record_id)))


def source_date(source: dict) -> str:
    date = source.get("date", "undated")
    return "" if date == "undated" else parse_date(date).human()


def cite(site: Site, here: str, source_id: str) -> Cite:
    source = site.record("sources", source_id).data
    quality = source.get("quality")
    return Cite(source.get("title"), link(here, page_of("sources", source_id)), source.get("publisher"),
                source_date(source), quality if quality in labels("sources", "quality") else "",
                source.get("url") or "", title_language(source))


def title_language(source: dict) -> str:
    """A source's title is in the source's own language: that code where the page is in another one."""
    language = str(source.get("language") or "")
    return language if language and language != active().language else ""


def cites(site: Site, here: str, ids: list[str]) -> list[Cite]:
    return [cite(site, here, s) for s in ids]


def disagreements(site: Site, here: str, record: Record) -> list[dict[str, Any]]:
    found = []
    for item in record.data.get("disagreements") or []:
        weight = item.get("weight", "substantive")
        found.append({
            "minor": weight == "minor", "word": labels(record.collection, "disagreements.weight")[weight],
            "field": item["field"], "note": Markup(site.abbr(md_inline(item["note"]))), "chosen": item.get("chosen"),
            "reason": Markup(site.abbr(md_inline(item["reason"]))) if item.get("chosen") else "",
            "readings": [{"value": r["value"], "used": r["value"] == item.get("chosen"),
                          "cites": cites(site, here, r["sources"])} for r in item["readings"]],
        })
    return found


def correction(site: Site, here: str, record: Record, index: int) -> dict[str, Any]:
    """One correction (the record's `index`th): the day, what changed (inline Markdown of one paragraph, marked
    as English where this edition has no translation of it yet), the sources that show it."""
    item = record.data["corrections"][index]
    change = Markup(" ".join(md_inline(item["change"]).split()))
    return {"date": parse_date(item["date"]).human(),
            "change": english(change, record.in_english(("corrections", index, "change"))),
            "cites": cites(site, here, item["sources"])}


def corrections(site: Site, here: str, record: Record) -> list[dict[str, Any]]:
    """The record's public corrections, newest first."""
    items = record.data.get("corrections") or []
    order = sorted(range(len(items)), key=lambda i: parse_date(items[i]["date"]).first_day, reverse=True)
    return [correction(site, here, record, i) for i in order]


def quote_card(site: Site, here: str, quote: Record, with_link: bool = True, with_speaker: bool = True) -> dict:
    """A quote card's view: `with_link` adds the attribution line (speaker, role, occasion, place, date),
    the permalink and first source; the quote's own page (`with_link=False`) gives all of these once, in
    its heading, fact box and source list. `with_speaker=False` where the page is already about the speaker."""
    d = quote.data
    speaker = None
    if with_speaker:
        speaker = ref(site, here, "people", d["speaker"]) if d["speaker"] in site.data["people"] \
            else Ref(d["speaker"], None)
    return {"text": Markup(site.abbr(blockquote(d["text"]))), "speaker": speaker, "role": d["role"],
            "occasion": d["occasion"],
            "place": d.get("place"), "date": date_of(quote).human(),
            # the fields this edition shows in English (not translated yet), marked `lang="en"`
            "english": {f: f in quote.untranslated for f in ("role", "occasion", "place")},
            "attribution": with_link, "permalink": link(here, page_of("quotes", quote.id)) if with_link else None,
            "cites": cites(site, here, d.get("sources") or []) if with_link else [],
            **_quote_languages(site, here, quote)}


def _quote_languages(site: Site, here: str, quote: Record) -> dict:
    """The quote's own language (its words stay verbatim, marked with it) and, in another language's
    edition, the text in that language: a source's own text (`by: source`) or the editors' translation,
    labelled as such."""
    page_language = active().language
    own = str(quote.data.get("language") or "en")
    given = (quote.data.get("translations") or {}).get(page_language) if page_language != own else None
    translation = None
    if isinstance(given, dict) and given.get("text"):
        by_source = (given.get("by") == "source" and given.get("source") in site.data["sources"]
                     and "text" not in (given.get("editors") or ()))
        translation = {"text": Markup(site.abbr(blockquote(given["text"]))),
                       "label": "Text published by the source" if by_source else "Editors' translation",
                       "source": cite(site, here, given["source"]) if by_source else None}
    return {"language": own, "page_language": page_language, "translation": translation}


def span_text(span: dict | None) -> str:
    if not span:
        return ""
    start = parse_date(span["start"])
    end = parse_date(span["end"]) if span.get("end") else None
    return human_span(start, end, t("present"))
