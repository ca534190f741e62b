"""Public corrections, former ids with redirect pages, the disagreement's chosen reading, weakly sourced records."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import MINI, edit
from natoaz.build import build_site
from natoaz.check.validate import load_valid
from natoaz.links.site_links import check_site, site_url_of_build
from natoaz.render import SiteOptions, render_site
from natoaz.render.corrections import PER_PAGE
from natoaz.tools.stats import stats, weakly_sourced

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    dataset, _ = load_valid(MINI)
    return render_site(dataset, SiteOptions(site_url="https://example.org/x/"))


def test_record_page_lists_its_corrections_with_sources(files: dict) -> None:
    page = files["people/alex-speaker.md"]
    section = page.split("## Corrections { #corrections }", 1)[1]
    assert "**5 January 2026** — The surname was misspelt" in section
    assert "Source: [Official describes the partnership](../sources/news-speech.md)" in section
    assert "former id `alex-speeker`" in page


def test_corrections_page_lists_every_correction_with_its_record(files: dict) -> None:
    page = files["corrections/index.md"]
    assert "1 correction made" in page
    assert "- Person [Alex Speaker](../people/alex-speaker.md): **5 January 2026**" in page


def test_corrections_page_is_split_into_pages(mini: Path) -> None:
    extra = "".join(f"  - date: 2026-01-05\n    change: Fix number {i}.\n    sources: [news-speech]\n"
                    for i in range(PER_PAGE + 5))
    edit(mini / "people/alex-speaker.yaml", "corrections:\n", "corrections:\n" + extra)
    dataset, _ = load_valid(mini)
    pages = render_site(dataset)
    assert "corrections/page-2.md" in pages and "corrections/page-3.md" not in pages
    assert pages["corrections/index.md"].count("\n- Person ") == PER_PAGE
    assert pages["corrections/page-2.md"].count("\n- Person ") == 6
    assert "[2](page-2.md)" in pages["corrections/index.md"]


def test_feed_has_an_update_entry_for_the_correction(files: dict) -> None:
    root = ET.fromstring(files["feed.xml"])
    entries = [e for e in root.iter(f"{ATOM}entry")
               if e.findtext(f"{ATOM}title") == "Corrected person: Alex Speaker"]
    assert len(entries) == 1
    (entry,) = entries
    assert entry.findtext(f"{ATOM}summary").startswith("Correction: The surname was misspelt")
    assert entry.findtext(f"{ATOM}id") == "tag:nato-azerbaijan-reference,2025:people/alex-speaker/correction-1"
    assert entry.find(f"{ATOM}link").get("href") == "https://example.org/x/people/alex-speaker/#corrections"
    assert entry.findtext(f"{ATOM}updated") == "2026-01-05T00:00:00Z"


def test_redirect_page_at_the_former_id(files: dict) -> None:
    page = files["people/alex-speeker/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../../people/alex-speaker/">' in page
    assert '<link rel="canonical" href="https://example.org/x/people/alex-speaker/">' in page
    assert "people/alex-speeker.md" not in files


def test_redirect_without_directory_urls(mini: Path) -> None:
    dataset, _ = load_valid(mini)
    files = render_site(dataset, SiteOptions(directory_urls=False))
    assert 'url=../people/alex-speaker.html"' in files["people/alex-speeker.html"]


def test_disagreement_says_which_reading_the_record_uses(files: dict) -> None:
    page = files["events/2025-05-06-speech.md"]
    assert "does not choose" not in page
    assert "- **Head of the Liaison Office** *(used by this record)* —" in page
    assert "This record uses **Head of the Liaison Office**. Why: The news report quotes" in page


def test_disagreement_without_a_choice_says_so(mini: Path) -> None:
    edit(mini / "events/2025.yaml", "      chosen: Head of the Liaison Office\n", "")
    reason = "      reason: The news report quotes the speech itself; the overview is undated.\n"
    edit(mini / "events/2025.yaml", reason, "")
    dataset, _ = load_valid(mini)
    page = render_site(dataset)["events/2025-05-06-speech.md"]
    assert "The editors have not recorded which reading, if any, this record's own fields use." in page


def test_weakly_sourced_lists_records_whose_best_source_is_a_repost(mini: Path) -> None:
    dataset, _ = load_valid(mini)
    assert weakly_sourced(dataset) == []
    edit(mini / "sources/news-speech.yaml", "quality: media", "quality: repost")
    dataset, _ = load_valid(mini)
    # the quote cites only the repost; the 2025 event also cites the official overview (in a reading)
    listed = weakly_sourced(dataset)
    assert "people/alex-speaker (repost)" in listed
    assert not any(r.startswith("events/2025-05-06-speech") for r in listed)
    assert stats(dataset)["records_best_source_repost_or_weak"] == listed
    # a correction's source supports the change, not the record: it does not lift the record's grade
    edit(mini / "people/alex-speaker.yaml", "    sources: [news-speech]", "    sources: [mfa-overview]")
    dataset, _ = load_valid(mini)
    assert "people/alex-speaker (repost)" in weakly_sourced(dataset)


@pytest.mark.slow
def test_built_redirect_passes_the_link_check(project: Path) -> None:
    site = project / "site"
    assert build_site(site, project / "mkdocs.yml", project / "data") == 0
    assert (site / "people/alex-speeker/index.html").is_file()
    assert (site / "corrections/index.html").is_file()
    assert check_site(site, site_url_of_build(site)).breaks == []  # the address it was built for
