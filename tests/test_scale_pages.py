"""Pages that stay bounded as the data grows (issue 11): the timeline's years in pages, sector pages with
bounded lists, year links carrying only the listed programmes, and the benchmark's page kinds."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from natoaz.check.validate import load_valid
from natoaz.render import model, records, render_site, timeline
from natoaz.render.model import split_evenly
from natoaz.tools.bench.generator import generate
from natoaz.tools.bench.site_metrics import page_kind

READER = FIXTURES / "reader"
LINK = re.compile(r"\]\(([^)\s]+\.md)#([^)\s]+)\)")


def _render(monkeypatch: pytest.MonkeyPatch, **patches: object) -> dict[str, str]:
    for target, value in patches.items():
        module, _, name = target.rpartition(".")
        monkeypatch.setattr({"model": model, "records": records, "timeline": timeline}[module], name, value)
    dataset, _ = load_valid(READER)
    return {p: t for p, t in render_site(dataset).items() if isinstance(t, str)}


def _anchors(text: str) -> set[str]:
    return set(re.findall(r"\{[^}]*#([\w-]+)", text))


def test_split_evenly_makes_the_fewest_pages_of_equal_size() -> None:
    assert [len(p) for p in split_evenly(list(range(31)), 30)] == [16, 15]
    assert [len(p) for p in split_evenly(list(range(30)), 30)] == [30]
    assert [len(p) for p in split_evenly(list(range(7)), 3)] == [3, 2, 2]
    assert split_evenly([], 30) == [[]]


def test_a_long_year_is_split_and_every_link_lands_on_its_part(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _render(monkeypatch, **{"model.PART_SIZE": 1})
    parts = sorted(p for p in files if p.startswith("timeline/1994"))
    assert parts == ["timeline/1994-page-2.md", "timeline/1994.md"]  # two entries in 1994, one per page
    first, second = files["timeline/1994.md"], files["timeline/1994-page-2.md"]
    assert "# Timeline: 1994, page 1 of 2" in first and "entries 1–1 of 2" in first
    assert "## 1994 {#1994}" in first and "## 1994, page 2" in second
    assert "1994-05-04-pfp-signed" in _anchors(first) and "quote-heydar-aliyev-1994-05-04-cornerstone" in \
        _anchors(second)
    # the pages of the year, with the days each spans (for old addresses), and steps between pages and years
    assert 'data-natoaz-page="" data-first="1994-05-04" data-last="1994-05-04"' in first
    assert '[1994, page 2 →](1994-page-2.md){ data-natoaz-part="" rel="next" }' in first
    assert '[← 1994](1994.md){ data-natoaz-part="" rel="prev" }' in second
    assert '[1999 →](1999.md)' in second
    # every link to a timeline anchor, from any page, finds that anchor on the page it points to
    checked = 0
    for path, text in files.items():
        for target, anchor in LINK.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if resolved.startswith("timeline/"):
                assert anchor in _anchors(files[resolved]), f"{path} → {target}#{anchor}"
                checked += 1
    assert checked >= 5


def test_sector_pages_list_a_bounded_number_and_link_to_the_filtered_timeline(
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = _render(monkeypatch, **{"records.SECTOR_LISTS": {"programmes": 1, "events": 1, "quotes": 1}})
    page = files["sectors/political-dialogue.md"]
    events = page.split("## Events", 1)[1].split("##", 1)[0]
    assert events.count("\n- ") == 1
    assert re.search(r"The 1 latest of \d+ events, newest first", events)
    assert "(../timeline/index.md?sector=political-dialogue&type=event)" in events


def test_year_links_carry_only_the_programmes_the_filter_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _render(monkeypatch, **{"timeline.PROGRAMME_CHOICES": 1})
    overview = files["timeline/index.md"]
    listed = re.findall(r'<option value="([^"]+)">', overview.split('name="programme"', 1)[1].split("</select>")[0])
    assert len(listed) == 1
    carried = {p for found in re.findall(r'data-natoaz-year="\d+"[^}]* data-programmes="([^"]*)"', overview)
               for p in found.split()}
    assert carried == set(listed)


@pytest.mark.parametrize(("path", "kind"), [
    ("index.html", "home"), ("timeline/index.html", "timeline overview"), ("timeline/1994/index.html", "timeline part"),
    ("timeline/2025-page-3/index.html", "timeline part"), ("events/1994-05-04-x/index.html", "event"),
    ("programmes/index.html", "programmes index"), ("programmes/page-2/index.html", "programmes index, page ≥ 2"),
    ("sectors/index.html", "sectors index"), ("sectors/demining/index.html", "sector"),
    ("data/index.html", "data page"),
    ("corrections/page-3/index.html", "corrections, page ≥ 2"), ("changelog/1.2.0/index.html", "changelog release"),
    ("glossary/index.html", "glossary index"), ("glossary/page-2/index.html", "glossary index, page ≥ 2"),
    ("glossary/ipap/index.html", "glossary term"), ("az/people/index.html", "people index"),
    ("about/index.html", "other"), ("404.html", "other"),
])
def test_bench_names_the_kind_of_each_page(path: str, kind: str) -> None:
    assert page_kind(path) == kind


def _nearest_by_brute_force(site: model.Site, event: model.Record, programme: str, most: int) -> list[str]:
    """The specification: every other event of the programme, nearest first (ties by id), in date order."""
    def day(event_id: str) -> object:
        return model.date_of(site.record("events", event_id)).first_day
    others = [e for e in site.referring("programmes", programme, "events") if e != event.id]
    nearest = sorted(others, key=lambda e: (abs((day(e) - model.date_of(event).first_day).days), e))[:most]
    return sorted(nearest, key=lambda e: (day(e), e))


@pytest.mark.parametrize("factor", [1, 3])
@pytest.mark.parametrize("most", [1, 5, 40])
def test_related_events_are_the_nearest_in_time(tmp_path: Path, factor: int, most: int) -> None:
    """An event page's related events (a search in the programme's events sorted by day, so the page's cost
    does not grow with the programme) are exactly the nearest ones, ties and same-day events included: on
    the real data and on 3x synthetic data, where many events share a day."""
    data = tmp_path / "data"
    generate(data, factor)
    site = model.Site(load_valid(data)[0])
    checked = 0
    for event in site.events:
        assert site.events[site.event_positions[event.id]] is event
        for programme in event.data.get("programmes") or []:
            expected = _nearest_by_brute_force(site, event, programme, most)
            assert site.nearest_in_time("programmes", programme, "events", event, most) == expected
            checked += bool(expected)
    assert checked > 20
