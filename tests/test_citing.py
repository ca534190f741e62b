"""Readers who cite: quotes told apart by their words, each with its source; minor disagreements folded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, edit
from natoaz.check.validate import load_valid
from natoaz.model.registry import first_words
from natoaz.problems import DataError
from natoaz.render import SiteOptions, render_site

READER = FIXTURES / "reader"
QUOTE = "quotes/heydar-aliyev-1994-05-04-cornerstone.md"


def _files(data_dir: Path = READER) -> dict:
    dataset, problems = load_valid(data_dir)
    assert dataset is not None, problems
    return render_site(dataset, SiteOptions())


def test_first_words_cut_long_quotes_only() -> None:
    assert first_words("We are  partners.") == "“We are partners.”"
    assert first_words("a b c d e f g h i", 8) == "“a b c d e f g h…”"
    assert first_words("one two, three", 2) == "“one two…”"  # no dangling comma before the ellipsis


def test_quotes_are_linked_by_their_words_and_listed_with_their_source() -> None:
    files = _files()
    opening = "“This is a cornerstone &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; of our policy…”"
    index = files["quotes/index.md"]
    link = f"[{opening} — Heydar Aliyev, 4 May 1994](../quotes/heydar-aliyev-1994-05-04-cornerstone.md)"
    assert link in files["events/1994-05-04-pfp-signed.md"]  # the quotes index lists cards, no links by year
    block = index[index.index("This is a cornerstone"):]
    source = block[block.index("\nSource: "):].splitlines()[1]  # a line of the quote's card
    assert "(../sources/mfa-overview.md)" in source  # the quote's own source, on the index
    assert f"# Quote: {opening}" in files[QUOTE]
    assert "\nSource: " not in files[QUOTE]  # the quote's page lists its sources in full instead


def test_minor_disagreements_are_folded_and_substantive_ones_stay_open(tmp_path: Path) -> None:
    page = "events/1999-09-kfor-platoon.md"
    assert '!!! warning "Sources disagree: date"' in _files()[page]
    data = tmp_path / "data"
    shutil.copytree(READER, data)
    edit(data / "events" / "1999.yaml", "    - field: date\n", "    - field: date\n      weight: minor\n")
    folded = _files(data)[page]
    assert '??? info "Minor difference between sources: date"' in folded and "!!! warning" not in folded


def test_an_unknown_weight_is_a_problem_at_its_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(READER, data)
    edit(data / "events" / "1999.yaml", "    - field: date\n", "    - field: date\n      weight: huge\n")
    with pytest.raises(DataError) as raised:
        load_valid(data)
    report = str(raised.value)
    assert "data/events/1999.yaml:10:15  disagreements, item 1, weight" in report
    assert "`huge` is not one of: substantive, minor" in report


def test_a_primary_sector_and_at_most_three_others(tmp_path: Path) -> None:
    page = _files()["events/2005-saloglu-starts.md"]
    assert "(../sectors/demining.md) (primary), [" in page  # the first sector is marked primary
    data = tmp_path / "data"
    shutil.copytree(READER, data)
    edit(data / "events" / "2005.yaml", "sectors: [demining, peacekeeping]",
         "sectors: [demining, peacekeeping, political-dialogue, science, defence-reform]")
    with pytest.raises(DataError) as raised:
        load_valid(data)
    report = str(raised.value)
    assert "2005.yaml:5:12  sectors" in report and "lists more than 4 sectors" in report
    assert "primary sector first" in report
