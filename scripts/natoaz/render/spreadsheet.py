"""The whole dataset as one spreadsheet (.xlsx): a sheet per collection, references shown as readable
labels beside their ids, the disagreements on a sheet of their own, and a first sheet that explains
the columns and the licence. Every cell is written as text or a number, never as a formula.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import xlsxwriter

from ..model.registry import NAMES
from .model import Site
from .options import LICENCE, LICENCE_URL
from .routes import SPREADSHEET
from .tables import LIST_SEPARATOR, cell_text, columns, description, references

FILE = SPREADSHEET  # the name the Data page imports

ABOUT_SHEET = "About"
DISAGREEMENTS_SHEET = "disagreements"
DISAGREEMENT_COLUMNS = ("collection", "record_id", "record", "field", "note", "reading", "sources",
                        "source_titles")
# A fixed creation date keeps the file byte-identical from build to build (the data release date is used).
_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False}


@dataclass(frozen=True)
class Sheet:
    name: str
    header: list[str]
    rows: list[list[Any]]
    notes: dict[str, str]  # column → what it holds


def _text(value: Any) -> Any:
    """Numbers stay numbers; everything else is the text the CSV cell holds."""
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else cell_text(value)


def _labels(site: Site, target: str, ids: Any) -> str:
    ids = ids if isinstance(ids, list) else [ids] if ids else []
    records = site.data[target]
    return LIST_SEPARATOR.join(site.label(target, i) if i in records else str(i) for i in ids)


def collection_sheet(site: Site, collection: str) -> Sheet:
    targets = {ref.field: ref.target for ref in references(collection)}
    plain = [c for c in columns(collection) if c.kind != "json"]  # lists of groups: own sheets or JSON
    header: list[str] = []
    notes: dict[str, str] = {}
    for column in plain:
        header.append(column.name)
        notes[column.name] = str(column.node.get("description", ""))
        if column.name in targets:
            header.append(f"{column.name}_label")
            notes[f"{column.name}_label"] = f"the names of the {targets[column.name]} in `{column.name}`"
    rows = []
    for record in site.sorted(collection):
        row: list[Any] = []
        for column in plain:
            value = record.get(column.path)
            row.append(_text(value))
            if column.name in targets:
                row.append(_labels(site, targets[column.name], value))
        rows.append(row)
    return Sheet(collection, header, rows, notes)


def disagreements_sheet(site: Site) -> Sheet:
    rows = []
    for collection in NAMES:
        for record in site.sorted(collection):
            for point in record.data.get("disagreements") or []:
                for reading in point.get("readings") or []:
                    sources = reading.get("sources") or []
                    rows.append([collection, record.id, site.label(collection, record.id), point.get("field", ""),
                                 point.get("note", ""), _text(reading.get("value")), _text(sources),
                                 _labels(site, "sources", sources)])
    notes = {
        "collection": "the collection of the record", "record_id": "the record's id",
        "record": "the record's title or name", "field": "what the sources disagree on",
        "note": "what differs and why, in the editors' words", "reading": "one reading",
        "sources": "ids of the sources that give this reading", "source_titles": "their titles",
    }
    return Sheet(DISAGREEMENTS_SHEET, list(DISAGREEMENT_COLUMNS), rows, notes)


def sheets(site: Site) -> list[Sheet]:
    return [*(collection_sheet(site, c) for c in NAMES), disagreements_sheet(site)]


def _about_rows(site: Site, data_sheets: list[Sheet]) -> list[list[str]]:
    options = site.options
    rows = [
        [options.site_name, ""],
        ["Release", site.release.iso()],
        ["Licence", f"{LICENCE}: {LICENCE_URL}. Credit “{options.site_author}” and link to {options.site_url}."],
        ["Home page", options.site_url],
        ["How the sheets relate", "Records refer to each other by id; each id column naming other records has a "
                                  "`_label` column beside it with their names. Lists are joined with "
                                  f"“{LIST_SEPARATOR}”. Dates are text with their precision: 1994, 1994-05 or "
                                  "1994-05-04."],
        ["", ""],
        ["Sheet / column", "What it holds"],
    ]
    for sheet in data_sheets:
        summary = (description(sheet.name) if sheet.name in NAMES
                   else "every reading of every point on which sources disagree, one row per reading")
        rows.append([sheet.name, f"{summary} ({len(sheet.rows)} rows)"])
        rows += [[f"  {column}", sheet.notes.get(column, "")] for column in sheet.header]
    return rows


def workbook(site: Site) -> bytes:
    """The spreadsheet's bytes; the same data gives the same bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, _OPTIONS)
    release = site.release
    book.set_properties({"title": site.options.site_name, "author": site.options.site_author,
                         "comments": f"Licence {LICENCE}", "created": datetime(release.year, release.month or 1,
                                                                                release.day or 1)})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    data_sheets = sheets(site)
    about = book.add_worksheet(ABOUT_SHEET)
    about.set_column(0, 0, 28)
    about.set_column(1, 1, 100, wrap)
    for r, (left, right) in enumerate(_about_rows(site, data_sheets)):
        about.write_string(r, 0, left, bold if r in (0, 6) or not left.startswith(" ") else None)
        about.write_string(r, 1, right)
    for sheet in data_sheets:
        ws = book.add_worksheet(sheet.name)
        ws.freeze_panes(1, 0)
        for c, name in enumerate(sheet.header):
            ws.write_string(0, c, name, bold)
            ws.set_column(c, c, 40 if name in ("title", "summary", "text", "note", "description") else 18)
        for r, row in enumerate(sheet.rows, start=1):
            for c, value in enumerate(row):
                if isinstance(value, (int, float)):
                    ws.write_number(r, c, value)
                else:
                    ws.write_string(r, c, value)
        if sheet.rows:
            ws.autofilter(0, 0, len(sheet.rows), len(sheet.header) - 1)
    book.close()
    return buffer.getvalue()
