"""`check-links`: the offline check of a built site with lychee, on small hand-made sites."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from natoaz.links.linkcheck import main
from natoaz.links.site_links import _link_as_written, check_site, site_url_of_build

SITES = Path(__file__).parent / "fixtures" / "links"


def test_clean_site_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-links", "--site-dir", str(SITES / "clean")]) == 0
    out = capsys.readouterr().out
    assert "No broken internal links" in out
    assert "on 3 pages" in out


def test_clean_site_has_no_breaks_and_checks_every_kind_of_link() -> None:
    check = check_site(SITES / "clean", "https://example.org/docs-site/")
    assert check.breaks == []
    # relative, root-relative (404.html), fragment, asset, canonical and sitemap links were all checked
    assert check.links >= 16


@pytest.mark.parametrize(("site", "page", "link", "reason"), [
    ("missing-page", "index.html", "timeline/", "no such page or file"),
    ("missing-page", "about/index.html", "../drafts/", "the folder has no index.html"),
    ("missing-anchor", "index.html", "about/#history", "no anchor #history on the target page"),
    ("missing-asset", "index.html", "assets/logo.png", "no such page or file"),
])
def test_each_break_fails_and_names_page_and_link(site: str, page: str, link: str, reason: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    site_dir = SITES / site
    assert main(["check-links", "--site-dir", str(site_dir), "--site-url", ""]) == 1
    out = capsys.readouterr().out
    line = next(n for n, text in enumerate((site_dir / page).read_text().splitlines(), 1) if f'"{link}"' in text)
    assert f"{site}/{page}:{line}:" in out
    reported = next(row for row in out.splitlines() if f"{site}/{page}:{line}:" in row)
    assert f"  {link}  → {reason}" in reported


def test_only_the_broken_links_are_reported() -> None:
    check = check_site(SITES / "missing-anchor")
    assert [(b.page, b.link) for b in check.breaks] == [("index.html", "about/#history")]


def test_root_relative_links_need_the_right_base_path() -> None:
    """404.html links to /docs-site/…: with another site_url they point nowhere, and the check says so."""
    check = check_site(SITES / "clean", "https://example.org/")
    broken = {(b.page, b.link) for b in check.breaks}
    assert ("404.html", "/docs-site/about/#history") in broken
    assert ("about/index.html", "/docs-site/assets/logo.svg") in broken


def test_site_url_is_read_back_from_the_sitemap() -> None:
    assert site_url_of_build(SITES / "clean") == "https://example.org/docs-site/"
    assert site_url_of_build(SITES / "missing-page") is None


def test_link_is_found_by_character_column_after_multibyte_text() -> None:
    line = 'NATO–Azerbaijan – <a href="a/">x</a> – <a href="gone/">y</a>'
    column = line.index("gone/") + 1
    assert _link_as_written([line], 1, column) == "gone/"
    assert _link_as_written([line], 1, len(line[: column - 1].encode()) + 1) == "gone/"
    assert _link_as_written([line], 2, 1) is None


def test_missing_site_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-links", "--site-dir", str(tmp_path / "site")]) == 2
    assert "make build" in capsys.readouterr().err


def make_synthetic_site(folder: Path, pages: int = 300, links_per_page: int = 20) -> None:
    """A MkDocs-like site: `pages` pages in folders, each linking to others, their anchors and assets."""
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "style.css").write_text("body{}", encoding="utf-8")
    for n in range(pages):
        links = []
        for k in range(1, links_per_page + 1):
            other = (n * 7 + k * 13) % pages
            anchor = f"#s{k % 5}" if k % 2 else ""
            links.append(f'<li><a href="../p{other:03d}/{anchor}">page {other}</a></li>')
        sections = "".join(f'<h2 id="s{s}">Section {s}</h2><p>Text of section {s}.</p>' for s in range(5))
        page = folder / f"p{n:03d}"
        page.mkdir()
        (page / "index.html").write_text(
            f'<!doctype html><html><head><link rel="stylesheet" href="../assets/style.css"></head><body>'
            f'<a href="../">Home</a><a href="#s0">top</a>{sections}<ul>\n' + "\n".join(links) + "\n</ul></body></html>",
            encoding="utf-8")
    index = "".join(f'<a href="p{n:03d}/">{n}</a>\n' for n in range(pages))
    (folder / "index.html").write_text(f"<!doctype html><html><body>\n{index}</body></html>", encoding="utf-8")


def test_300_page_site_is_checked_quickly_and_a_single_break_is_found(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_synthetic_site(site, pages=300)
    page = site / "p150" / "index.html"
    page.write_text(page.read_text().replace('href="#s0"', 'href="#no-such-section"'), encoding="utf-8")
    start = time.perf_counter()
    check = check_site(site)
    elapsed = time.perf_counter() - start
    assert check.pages == 301
    assert check.links > 300 * 20
    assert [(b.page, b.link) for b in check.breaks] == [("p150/index.html", "#no-such-section")]
    assert elapsed < 30, f"the offline check of 300 pages took {elapsed:.1f} s"
