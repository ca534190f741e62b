"""The .xlsx download, read back with openpyxl: sheets, readable labels beside ids, disagreements, no formulas."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import FIXTURES, edit
from natoaz.check.validate import load_valid
from natoaz.model.registry import NAMES as COLLECTIONS
from natoaz.render import SiteOptions, render_site
from natoaz.render.spreadsheet import ABOUT_SHEET, DISAGREEMENTS_SHEET, FILE

READER = FIXTURES / "reader"


def _book(data_dir: Path) -> openpyxl.Workbook:
    dataset, problems = load_valid(data_dir)
    assert dataset is not None, problems
    content = render_site(dataset, SiteOptions(site_url="https://example.org/"))[FILE]
    assert isinstance(content, bytes)
    return openpyxl.load_workbook(io.BytesIO(content))


@pytest.fixture(scope="module")
def book() -> openpyxl.Workbook:
    return _book(READER)


def _rows(sheet) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_a_first_sheet_explains_then_a_sheet_per_collection_and_the_disagreements(book) -> None:
    assert book.sheetnames == [ABOUT_SHEET, *COLLECTIONS, DISAGREEMENTS_SHEET]
    about = [row for row in book[ABOUT_SHEET].iter_rows(values_only=True)]
    text = "\n".join(" ".join(str(c or "") for c in row) for row in about)
    assert "CC BY 4.0" in text and "Release" in text
    for collection in COLLECTIONS:  # every sheet and every one of its columns is explained
        assert any(row[0] == collection for row in about)
        for column in next(book[collection].iter_rows(max_row=1, values_only=True)):
            assert any(row[0] == f"  {column}" and row[1] for row in about), (collection, column)


def test_references_have_readable_labels_beside_their_ids(book) -> None:
    events = {row["id"]: row for row in _rows(book["events"])}
    header = next(book["events"].iter_rows(max_row=1, values_only=True))
    assert header.index("sectors_label") == header.index("sectors") + 1
    saloglu = events["2005-saloglu-starts"]
    assert saloglu["sectors"] == "demining;peacekeeping"
    names = {row["id"]: row["name"] for row in _rows(book["sectors"])}
    assert saloglu["sectors_label"] == f"{names['demining']};{names['peacekeeping']}"
    quotes = _rows(book["quotes"])
    people = {row["id"]: row["name"] for row in _rows(book["people"])}
    assert all(q["speaker_label"] == people[q["speaker"]] for q in quotes)


def test_disagreements_get_one_row_per_reading(book) -> None:
    rows = [r for r in _rows(book[DISAGREEMENTS_SHEET]) if r["record_id"] == "1999-09-kfor-platoon"]
    assert [r["reading"] for r in rows] == ["September 1999", "October 1999"]
    assert rows[0]["sources"] == "news-kfor" and rows[0]["source_titles"]


def test_cells_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(READER, data)
    source = next((data / "sources").glob("*.yaml"))
    text = source.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    edit(source, title, 'title: "=HYPERLINK(\\"https://evil.example/\\",\\"x\\")"')
    sheet = _book(data)["sources"]
    cells = [c for row in sheet.iter_rows() for c in row if str(c.value or "").startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)  # a string, not a formula ("f")


def test_the_same_data_gives_the_same_bytes() -> None:
    dataset, _ = load_valid(READER)
    first = render_site(dataset, SiteOptions())[FILE]
    second = render_site(load_valid(READER)[0], SiteOptions())[FILE]
    assert first == second
