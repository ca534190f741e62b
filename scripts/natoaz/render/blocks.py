"""Pieces shared by record pages: link lists, sources, disagreements, the data-file note."""

from __future__ import annotations

import html

from ..model.dates import human_span, parse_date
from ..model.records import Record
from ..model.schema import labels
from .escape import esc, md_inline, sanitize
from .model import Site, date_of, page_of
from .text import link


def ref_link(site: Site, here: str, collection: str, record_id: str) -> str:
    return f"[{esc(site.label(collection, record_id))}]({link(here, page_of(collection, record_id))})"


def ref_list(site: Site, here: str, collection: str, ids: list[str], dated: bool = False) -> str:
    lines = []
    for record_id in ids:
        prefix = ""
        if dated:  # an event or quote by its date, a programme by its span of participation
            record = site.record(collection, record_id)
            when = (span_text(record.data.get("participation")) if collection == "programmes"
                    else date_of(record).human())
            prefix = f"{when} — " if when else ""
        lines.append(f"- {prefix}{ref_link(site, here, collection, record_id)}")
    return "\n".join(lines)


def section(title: str, body: str, searchable: bool = False) -> str:
    """An h2 section. Lists of links are left out of the search index (their targets are indexed
    themselves), which keeps the index that every page downloads small."""
    marker = "" if searchable else " { data-search-exclude }"
    return f"## {title}{marker}\n\n{body}\n" if body.strip() else ""


def quality_badge(quality: object) -> str:
    """The source's quality as a word in a coloured badge (never colour alone); the class is one of the
    schema's enum values (x-labels), never data text."""
    if quality not in labels("sources", "quality"):
        return ""
    return f'<span class="natoaz-badge natoaz-badge--{quality}">{quality}</span>'


def citation(site: Site, here: str, source_id: str, full: bool = False) -> str:
    """Title (linked to the source's page), publisher, date, quality badge; `full` adds the original's
    address as a link (printed in full by the print stylesheet)."""
    source = site.record("sources", source_id).data
    date = source.get("date", "undated")
    when = "undated" if date == "undated" else parse_date(date).human()
    parts = [f"[{esc(source.get('title'))}]({link(here, page_of('sources', source_id))})",
             esc(source.get("publisher")), when]
    badge = quality_badge(source.get("quality"))
    text = ", ".join(parts) + (f" {badge}" if badge else "")
    if full and source.get("url"):
        text += " · " + sanitize(f'<a href="{html.escape(str(source["url"]), quote=True)}">original</a>')
    return text


def sources_section(site: Site, here: str, record: Record) -> str:
    items = [f"1. {citation(site, here, s, full=True)}" for s in record.data.get("sources") or []]
    return section("Sources", "\n".join(items))


def disagreements(site: Site, here: str, record: Record) -> str:
    out = []
    for item in record.data.get("disagreements") or []:
        # A minor difference (spelling, translation, wording) is folded; a substantive one stays open.
        weight = item.get("weight", "substantive")
        opener = "??? info" if weight == "minor" else "!!! warning"
        word = labels(record.collection, "disagreements.weight")[weight]
        heading = f'{word}: {esc(item["field"]).replace(chr(34), "&quot;")}'
        lines = [f'{opener} "{heading}"', "",
                 "    " + md_inline(item["note"]).replace("\n", "\n    "), "",
                 "    Each reading with the sources that give it:", ""]
        for reading in item["readings"]:
            cites = "; ".join(citation(site, here, s) for s in reading["sources"])
            used = " *(used by this record)*" if reading["value"] == item.get("chosen") else ""
            lines.append(f"    - **{esc(reading['value'])}**{used} — {cites}")
        if item.get("chosen"):
            why = md_inline(item["reason"]).replace("\n", "\n    ")
            lines += ["", f"    This record uses **{esc(item['chosen'])}**. Why: {why}"]
        else:
            lines += ["", "    The editors have not recorded which reading, if any, this record's own fields use."]
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def correction_line(site: Site, here: str, correction: dict) -> str:
    """One correction: the day, what changed, the sources that show it."""
    cites = "; ".join(citation(site, here, s) for s in correction["sources"])
    change = " ".join(md_inline(correction["change"]).split())  # inline Markdown of one paragraph
    return f"**{parse_date(correction['date']).human()}** — {change} Source: {cites}"


def corrections_section(site: Site, here: str, record: Record) -> str:
    """Public corrections, newest first (heading anchor `corrections`)."""
    items = sorted(record.data.get("corrections") or [], key=lambda c: parse_date(c["date"]).first_day,
                   reverse=True)
    lines = [f"- {correction_line(site, here, c)}" for c in items]
    return f"## Corrections {{ #corrections }}\n\n{chr(10).join(lines)}\n" if lines else ""


def data_note(record: Record) -> str:
    return (f"\n---\n\n<small>Record `{record.id}` · data file `{record.file}`, line {record.line}"
            + (f" · added {record.data['added']}" if record.data.get("added") else "")
            + (f" · updated {record.data['updated']}" if record.data.get("updated") else "")
            + (" · former id " + ", ".join(f"`{o}`" for o in record.data["former_ids"])
               if record.data.get("former_ids") else "")
            + "</small>\n")


def span_text(span: dict | None) -> str:
    if not span:
        return ""
    start = parse_date(span["start"])
    end = parse_date(span["end"]) if span.get("end") else None
    return human_span(start, end, "present")
