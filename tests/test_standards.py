"""Standards checks (natoaz.standards, `make validate`) on a handful of pages of a built site, and
on deliberately invalid input that each check must reject. `make validate` checks every page."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, edit
from natoaz.build import build_site, copy_project
from natoaz.check.validate import load_valid
from natoaz.links.site_links import site_url_of_build
from natoaz.paths import ROOT
from natoaz.render import SiteOptions, render_site
from natoaz.standards import atom, html, jsonld, sitemap, theme
from natoaz.standards.findings import Finding, errors
from natoaz.standards.required import REQUIRED
from natoaz.standards.vocabulary import load

BAD = FIXTURES / "standards"
URL = "https://nato-azerbaijan.example.org/"
KEY_PAGES = ("index.html", "timeline/index.html", "events/1994-05-04-pfp-signed/index.html",
             "quotes/index.html", "people/heydar-aliyev/index.html", "data/index.html",
             "editing/index.html", "404.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("standards") / "project", MINI)
    assert build_site(project / "site", project / "mkdocs.yml", project / "data") == 0
    return project / "site"


def built_url(site: Path) -> str:
    """The site_url the mini site was built with (mkdocs.yml's, or $SITE_URL)."""
    url = site_url_of_build(site)
    assert url
    return url


def messages(findings: list[Finding]) -> str:
    return "\n".join(map(str, findings))


# HTML: the W3C Nu Html Checker

# Warnings we have looked at and accepted, with the reason (the report of `make validate` lists them):
ACCEPTED_WARNINGS = (
    # vnu checks the Content Security Policy of files read from disk: their file: origin matches no
    # 'self', so every resource "violates" it, and it counts the theme's JSON data block
    # (<script type="application/json">) as an inline script. The browser tests check the policy
    # on pages served over HTTP (no violation).
    "Resource violates Content Security Policy",
    "Inline script violates Content Security Policy",
    # Number columns are right-aligned with `align` because the policy allows no inline styles.
    "The “align” attribute on the “t",  # td and th
)


def test_key_pages_pass_the_nu_checker_without_errors_or_new_warnings(site: Path) -> None:
    findings = html.check([site / page for page in KEY_PAGES], site)
    unexpected = [f for f in findings if f.level == "error"
                  or f.level == "warning" and not f.message.startswith(ACCEPTED_WARNINGS)]
    assert unexpected == [], messages(unexpected)
    assert {f.file for f in findings} <= set(KEY_PAGES)


def test_nu_checker_reports_the_themes_original_markup(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copy(BAD / "invalid-page.html", page)
    found = errors(html.check([page], tmp_path))
    assert [(f.file, f.line) for f in found] == [("page.html", 8), ("page.html", 9)], messages(found)
    assert "autocomplete" in found[0].message and "label" in found[1].message


def test_theme_fix_drops_autocomplete_from_the_two_toggles_only() -> None:
    page = "\n".join(theme.TOGGLES) + '\n<input type="text" autocomplete="off">\n' + theme.TOGGLES[0]
    fixed = theme.fix_page(page).splitlines()
    assert fixed[0] == '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    assert fixed[1] == '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
    assert fixed[2:] == ['<input type="text" autocomplete="off">', theme.TOGGLES[0]]  # first occurrence only


def test_theme_still_writes_the_toggles_the_fix_expects() -> None:
    """On a Material upgrade this fails if base.html changed, rather than the fix silently doing nothing."""
    import material

    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    for tag in theme.TOGGLES:
        assert tag in base


def _uncommented(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def _declarations(css: str, selector: str) -> list[str]:
    """The declarations of the first `selector { … }` rule in `css`, whitespace-free, in order."""
    body = re.search(re.escape(selector) + r"\s*\{([^{}]*)\}", css)
    assert body, f"no {selector} rule"
    return [re.sub(r"\s+", "", d) for d in re.split(r";(?![^(]*\))", body.group(1)) if d.strip()]


def test_site_css_carries_the_theme_dark_scheme_the_pages_no_longer_load() -> None:
    """overrides/main.html drops Material's palette stylesheet (its `[data-md-color-switching] *` rule restyled
    every page twice on load); site.css has its dark scheme instead. On a Material upgrade this fails if
    the theme's dark scheme changed, rather than the copy silently going stale."""
    import material

    (palette,) = (Path(material.__file__).parent / "templates/assets/stylesheets").glob("palette.*.min.css")
    ours = (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")
    theirs = palette.read_text(encoding="utf-8")
    assert _declarations(ours, "[data-md-color-scheme=slate]") == _declarations(theirs, "[data-md-color-scheme=slate]")
    assert "color-switching" not in _uncommented(ours)


def test_built_pages_load_no_stylesheet_with_a_whole_page_restyle_on_load(site: Path) -> None:
    for page in ("index.html", "timeline/index.html", "404.html"):
        text = (site / page).read_text(encoding="utf-8")
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        assert len(sheets) == 2 and not any("palette" in s for s in sheets), (page, sheets)
        for sheet in sheets:
            css = (site / "assets/stylesheets" / sheet.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
            assert "data-md-color-switching" not in _uncommented(css), sheet


def _rules(css: str, needle: str) -> list[tuple[str, str, list[str]]]:
    """(media, selector, declarations) of each rule whose selector holds `needle`, whitespace-free."""
    css, found = _uncommented(css), []
    for media, body in re.findall(r"(@media[^{]*)\{((?:[^{}]*\{[^{}]*\})*)\s*\}", css) + [("", css)]:
        if not media:
            body = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", body)
        for selector, declarations in re.findall(r"([^{}]+)\{([^{}]*)\}", body):
            if needle in selector:
                found.append((re.sub(r"\s+", "", media), re.sub(r"\s+", "", selector),
                              [re.sub(r"\s+", "", d) for d in re.split(r";(?![^(]*\))", declarations) if d.strip()]))
    return found


def test_site_css_gives_prewrapped_tables_the_theme_table_styles() -> None:
    """Built tables carry theme.TABLE_CLASS (so Material's script does not re-wrap them after load), which
    Material's `table:not([class])` rules no longer reach: site.css has them for the class. On a Material
    upgrade this fails if those rules changed."""
    import material

    (main,) = (Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css")
    theirs = [(m, s.replace("table:not([class])", f"table.{theme.TABLE_CLASS}"), d)
              for m, s, d in _rules(main.read_text(encoding="utf-8"), "table:not([class])")]
    ours = _rules((ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8"), f"table.{theme.TABLE_CLASS}")
    assert len(theirs) == 12 and ours == theirs


def test_prewrap_tables_wraps_plain_tables_only() -> None:
    html = "<p>x</p><table>\n<tr><td>1</td></tr>\n</table><table class=\"own\"><tr><td>2</td></tr></table>"
    assert theme.prewrap_tables(html) == (
        '<p>x</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="natoaz-table">'
        '\n<tr><td>1</td></tr>\n</table></div></div><table class="own"><tr><td>2</td></tr></table>')


def test_built_tables_are_prewrapped(site: Path) -> None:
    text = (site / "data/index.html").read_text(encoding="utf-8")
    assert "<table>" not in text and text.count(
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{theme.TABLE_CLASS}">') >= 1


def test_built_pages_keep_the_toc_toggle_where_the_navigation_has_it(site: Path) -> None:
    in_nav = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert 'id="__toc"' in in_nav and 'for="__toc"' in in_nav
    for page in ("events/1994-05-04-pfp-signed/index.html", "editing/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert 'id="__toc"' not in text and 'for="__toc"' not in text, page
    assert 'tabindex=""' not in (site / "editing/index.html").read_text(encoding="utf-8")


# Atom

def test_feed_is_valid_atom_with_permalink_ids_and_data_dates(site: Path) -> None:
    found, entries = atom.check_site(site)
    assert found == [] and entries == 9  # every mini record with `added` or `updated`
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<updated>2026-01-05T00:00:00Z</updated>" in feed.split("<entry>")[0]


@pytest.mark.parametrize("example", ["rfc4287-minimal.xml", "rfc4287-extensive.xml"])
def test_the_rfcs_own_examples_are_valid(example: str) -> None:
    found, entries = atom.check_feed((BAD / example).read_bytes(), example, ours=False)
    assert errors(found) == [] and entries == 1, messages(found)


def test_invalid_feed_fixture_fails() -> None:
    found, _ = atom.check_feed((BAD / "invalid-feed.xml").read_bytes(), "invalid-feed.xml")
    text = messages(errors(found))
    assert "dateTime" in text and "id" in text, text


@pytest.mark.parametrize("old, new, expected", [
    ("<id>TAG:events/1994-05-04-pfp-signed</id>", "<id>TAG:events/2025-05-06-speech</id>", "already used"),
    ("<id>TAG:events/1994-05-04-pfp-signed</id>", "<id>events/1994-05-04-pfp-signed</id>", "not an absolute IRI"),
    ("<id>TAG:events/1994-05-04-pfp-signed</id>", "<id>SITE/events/1994-05-04-pfp-signed/</id>", "changes with"),
    ("<id>TAG:events/1994-05-04-pfp-signed</id>", "<id>TAG:entry-7</id>", "does not name the record"),
    ("<updated>2026-01-05T00:00:00Z</updated>\n  <author>", "<updated>2026-01-01T00:00:00Z</updated>\n  <author>",
     "older than its newest entry"),
    ('<link rel="alternate" type="text/html" href="SITE/events/1994',
     '<link rel="related" type="text/html" href="SITE/events/1994', "4.1.2"),
    ("<author>", "<contributor>", "4.1.1"),
    ("<title>", "<titel>", "title"),
])
def test_broken_feeds_fail(site: Path, old: str, new: str, expected: str) -> None:
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    tag = re.search(r"<id>(tag:[^<]*:)feed</id>", feed).group(1)  # type: ignore[union-attr]
    old, new = (text.replace("SITE/", built_url(site)).replace("TAG:", tag) for text in (old, new))
    assert old in feed
    broken = feed.replace(old, new, 1)
    if new == "<contributor>":
        broken = broken.replace("</author>", "</contributor>", 1)
    found, _ = atom.check_feed(broken.encode(), "feed.xml")
    assert any(expected in f.message for f in errors(found)), messages(found)


def test_feed_ids_do_not_change_when_records_are_added(mini: Path) -> None:
    def ids(data: Path) -> dict[str, str]:
        feed = render_site(load_valid(data)[0], SiteOptions(site_url=URL))["feed.xml"]
        return dict(re.findall(r"<title>([^<]+)</title>\s*<id>([^<]+)</id>", feed))

    before = ids(mini)
    edit(mini / "events/2025.yaml", "- id: 2025-05-06-speech", "- id: 2025-06-01-later\n  date: 2025-06-01\n"
         "  title: A later event\n  summary: Added later.\n  sectors: [political-dialogue]\n"
         "  sources: [news-speech]\n  added: 2026-02-01\n- id: 2025-05-06-speech")
    after = ids(mini)
    assert len(after) == len(before) + 1
    assert all(after[title] == ident for title, ident in before.items())


# Sitemap

def test_sitemap_is_valid_and_lists_every_page_once(site: Path) -> None:
    found, count = sitemap.check_site(site, built_url(site))
    assert found == [] and count == len(sitemap.site_pages(site)) > 10


def test_invalid_sitemap_fixture_fails() -> None:
    found, _ = sitemap.check_sitemap((BAD / "invalid-sitemap.xml").read_bytes(), {"index.html"}, "https://example.org/")
    text = messages(errors(found))
    assert "lastmod" in text and "priority" in text, text


def test_sitemap_with_a_page_twice_and_a_page_missing_fails(site: Path) -> None:
    data, url = (site / "sitemap.xml").read_text(encoding="utf-8"), built_url(site)
    broken = data.replace(f"<loc>{url}about/</loc>", f"<loc>{url}data/</loc>", 1)
    found, _ = sitemap.check_sitemap(broken.encode(), sitemap.site_pages(site), url)
    assert len(found) == 2, messages(found)
    assert any("listed twice" in f.message for f in found) and any("about/index.html is not listed" in f.message
                                                                  for f in found)


# JSON-LD

def test_json_ld_of_key_pages_is_valid_schema_org(site: Path) -> None:
    pages = [site / p for p in ("people/heydar-aliyev/index.html", "data/index.html",
                                "quotes/alex-speaker-2025-05-06-began/index.html")]
    found, per_type = jsonld.check_site(site, pages)
    assert found == [] and per_type == {"Dataset": 1, "Person": 1, "Quotation": 1}, messages(found)


def test_invalid_json_ld_fixture_fails() -> None:
    text = (BAD / "invalid-jsonld.html").read_text(encoding="utf-8")
    found, _ = jsonld.check_page(text, "invalid-jsonld.html", load())
    assert [f.line for f in found] == [6, 6, 7], messages(found)
    assert "lacks 'creator'" in found[0].message
    assert "'speaker' does not exist" in found[1].message
    assert "does not parse" in found[2].message


@pytest.mark.parametrize("block, expected", [
    ('{"@context":"https://schema.org","@type":"Persn","name":"A"}', "type 'Persn' does not exist"),
    ('{"@context":"https://schema.org","@type":"Person","name":"A","url":"u","jobTitle":"j","text":"t"}',
     "'text' is not defined for Person"),
    ('{"@context":"https://schema.org","@type":"Person","url":"u","jobTitle":"j"}', "lacks 'name'"),
    ('{"@context":"https://schema.org","@type":"Event","name":"A"}', "no entry in natoaz/standards/required.py"),
    ('{"@context":"http://example.org","@type":"Place","name":"A"}', "@context"),
    ('{"@context":"https://schema.org","@type":"Place","name":"A","geo":{"name":"x"}}', "without @type"),
])
def test_json_ld_mistakes_are_reported(block: str, expected: str) -> None:
    assert any(expected in m for m in jsonld.check_block(block, load())), jsonld.check_block(block, load())


def test_required_properties_exist_in_schema_org_and_apply_to_their_type() -> None:
    vocab = load()
    for type_name, rule in REQUIRED.items():
        assert vocab.is_type(type_name) and type_name not in vocab.superseded, type_name
        assert rule.reason.strip() and rule.always, type_name
        for prop in rule.always + rule.page:
            assert vocab.is_property(prop) and vocab.applies(prop, type_name), (type_name, prop)


def test_vendored_definitions_match_their_recorded_sums() -> None:
    readme = (ROOT / "tools/standards/README.md").read_text(encoding="utf-8")
    sums = dict((name, digest) for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, re.M))
    assert len(sums) == 4
    for name, digest in sums.items():
        assert hashlib.sha256((ROOT / "tools/standards" / name).read_bytes()).hexdigest() == digest, name


def test_sitemap_must_not_list_a_redirect_page(site: Path) -> None:
    redirect = "people/alex-speeker/index.html"  # the mini data's former id: a noindex redirect
    assert redirect not in sitemap.site_pages(site) and (site / redirect).is_file()
    data, url = (site / "sitemap.xml").read_text(encoding="utf-8"), built_url(site)
    broken = data.replace("</urlset>", f"<url><loc>{url}people/alex-speeker/</loc></url></urlset>")
    found, _ = sitemap.check_sitemap(broken.encode(), sitemap.site_pages(site), url)
    assert [f.message for f in found] == [f"{url}people/alex-speeker/ leads to no page to list ({redirect})"]
