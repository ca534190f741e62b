"""`check-links`: the offline check of a built site, on small hand-made sites."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from natoaz.links.linkcheck import main
from natoaz.links.site_links import check_site, site_url_of_build

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


def _page(folder: Path, relative: str, body: str) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<!doctype html><html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>',
                    encoding="utf-8")


def test_each_page_is_parsed_once_however_many_links_point_at_its_anchors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cost that made lychee superlinear: a target page re-read for every #fragment link to it."""
    import natoaz.links.site_links as site_links
    site = tmp_path / "site"
    make_synthetic_site(site, pages=120, links_per_page=30)
    calls = []
    real = site_links.scan_html
    monkeypatch.setattr(site_links, "scan_html", lambda data: calls.append(1) or real(data))
    check = check_site(site)
    assert check.breaks == []
    assert len(calls) == check.pages == 121


def test_text_that_looks_like_a_link_is_not_a_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _page(site, "index.html",
          '<p>Write href="missing/" and <code>&lt;a href="gone/"&gt;</code>.</p>'
          '<script>var a = \'<a href="nowhere/">\';</script><!-- <a href="old/"> -->'
          '<p id="fake-host">src="elsewhere.png"</p><a href="#fake-host">ok</a>')
    check = check_site(site)
    assert check.breaks == []
    assert check.links == 1


def test_redirect_pages_sitemaps_and_encoded_addresses_are_checked(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _page(site, "index.html", '<h2 id="café">Café</h2><a href="a/?x=1&amp;y=2">a</a>'
                              '<a href="a/#top">top</a><a href="mailto:x@example.org">mail</a>')
    _page(site, "a/index.html", '<a href="../#caf%C3%A9">back</a>')
    (site / "old").mkdir()
    (site / "old" / "index.html").write_text(
        '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../renamed/"></head></html>',
        encoding="utf-8")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0"?>\n<urlset>\n<url><loc>https://example.org/s/a/</loc></url>\n'
        '<url><loc>https://example.org/s/gone/</loc></url>\n</urlset>\n', encoding="utf-8")
    check = check_site(site, "https://example.org/s/")
    found = sorted((b.page, b.line, b.link, b.reason) for b in check.breaks)
    assert found == [("old/index.html", 1, "../renamed/", "no such page or file"),
                     ("sitemap.xml", 4, "https://example.org/s/gone/", "no such page or file")]


def test_a_link_cannot_climb_out_of_the_site(tmp_path: Path) -> None:
    """As in a browser, `..` stops at the site's root: the link names site/etc/passwd, which is missing."""
    site = tmp_path / "site"
    _page(site, "index.html", '<a href="../../etc/passwd">x</a>')
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").write_text("x", encoding="utf-8")
    assert [(b.target, b.reason) for b in check_site(site).breaks] == [("/etc/passwd", "no such page or file")]
