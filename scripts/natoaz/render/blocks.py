"""Pieces shared by record pages: link lists, sources, disagreements, the data-file note."""

from __future__ import annotations

from ..load.dataset import Record
from ..model.dates import human_span, parse_date
from .model import Site, date_of, page_of
from .text import block, esc, link

QUALITY = {"official": "official", "media": "media", "repost": "repost of another outlet's story",
           "weak": "weak source"}


def ref_link(site: Site, here: str, collection: str, record_id: str) -> str:
    return f"[{esc(site.label(collection, record_id))}]({link(here, page_of(collection, record_id))})"


def ref_list(site: Site, here: str, collection: str, ids: list[str], dated: bool = False) -> str:
    lines = []
    for record_id in ids:
        prefix = ""
        if dated:
            prefix = f"{date_of(site.record(collection, record_id)).human()} — "
        lines.append(f"- {prefix}{ref_link(site, here, collection, record_id)}")
    return "\n".join(lines)


def section(title: str, body: str, searchable: bool = False) -> str:
    """An h2 section. Lists of links are left out of the search index (their targets are indexed
    themselves), which keeps the index that every page downloads small."""
    marker = "" if searchable else " { data-search-exclude }"
    return f"## {title}{marker}\n\n{body}\n" if body.strip() else ""


def citation(site: Site, here: str, source_id: str) -> str:
    source = site.record("sources", source_id).data
    date = source.get("date", "undated")
    when = "undated" if date == "undated" else parse_date(date).human()
    parts = [f"[{esc(source.get('title'))}]({link(here, page_of('sources', source_id))})",
             esc(source.get("publisher")), when]
    if source.get("quality") in ("repost", "weak"):
        parts.append(f"*{QUALITY[source['quality']]}*")
    return ", ".join(parts)


def sources_section(site: Site, here: str, record: Record) -> str:
    items = [f"1. {citation(site, here, s)}" for s in record.data.get("sources") or []]
    return section("Sources", "\n".join(items))


def disagreements(site: Site, here: str, record: Record) -> str:
    out = []
    for item in record.data.get("disagreements") or []:
        lines = [f'!!! warning "Sources disagree: {esc(item["field"])}"', "",
                 "    " + block(item["note"]).replace("\n", "\n    "), "",
                 "    Each reading with the sources that give it; this page does not choose between them:", ""]
        for reading in item["readings"]:
            cites = "; ".join(citation(site, here, s) for s in reading["sources"])
            lines.append(f"    - **{esc(reading['value'])}** — {cites}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def data_note(record: Record) -> str:
    return (f"\n---\n\n<small>Record `{record.id}` · data file `{record.file}`, line {record.line}"
            + (f" · added {record.data['added']}" if record.data.get("added") else "")
            + (f" · updated {record.data['updated']}" if record.data.get("updated") else "")
            + "</small>\n")


def span_text(span: dict | None) -> str:
    if not span:
        return ""
    start = parse_date(span["start"])
    end = parse_date(span["end"]) if span.get("end") else None
    return human_span(start, end, "present")
