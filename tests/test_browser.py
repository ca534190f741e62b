"""The built site in a real browser (Debian's chromium driven by Playwright): search, filters,
cross-links, citation, accessibility (axe-core), no console errors, no third-party requests."""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import MINI
from natoaz.build import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _need_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: `make test` installs it")
        pytest.skip("chromium is not installed (make browser)")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site: for search quality and whole-site checks."""
    _need_chromium()
    site = tmp_path_factory.mktemp("browser") / "site"
    assert build_site(site) == 0
    yield from _serve(site)


@pytest.fixture(scope="session")
def mini_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site of the fixture dataset: behaviour tests name its records, which do not change with the data."""
    _need_chromium()
    site = tmp_path_factory.mktemp("browser-mini") / "site"
    assert build_site(site, data_dir=MINI) == 0
    yield from _serve(site)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's 404.html, with status 404, as GitHub Pages serves it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def browser(site_url: str, chromium):  # noqa: ANN001
    return chromium


class Watched:
    """A page that records console errors and every request it makes."""

    def __init__(self, browser, site_url: str):
        self.page = browser.new_page()
        self.site_host = urlparse(site_url).netloc
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        # Content Security Policy violations, as the page itself sees them
        self.page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                                  "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp")

    def foreign(self) -> list[str]:
        return [u for u in self.requests if urlparse(u).scheme in ("http", "https")
                and urlparse(u).netloc != self.site_host]


@pytest.fixture
def watched(browser, site_url: str) -> Iterator[Watched]:
    page = Watched(browser, site_url)
    yield page
    page.page.close()


@pytest.fixture
def on_mini(browser, mini_url: str) -> Iterator[Watched]:
    page = Watched(browser, mini_url)
    yield page
    page.page.close()


def _search(watched: Watched, site_url: str, text: str):
    page = watched.page
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(text, delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return results


def test_search_for_deep_lists_the_programme_page(watched: Watched, site_url: str) -> None:
    results = _search(watched, site_url, "DEEP")
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(min(results.count(), 10))]
    assert any("programmes/deep/" in (href or "") for href in links), links


def test_a_missing_page_offers_a_search_for_the_words_of_its_address(on_mini: Watched, mini_url: str) -> None:
    watched = on_mini
    page = watched.page
    response = page.goto(mini_url + "events/1994-05-04-pfp-signd/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("#natoaz-not-found-query").input_value() == "pfp signd"
    assert page.locator("a[href='/timeline/']").count() >= 1  # root-relative: works at any depth
    page.locator(".natoaz-not-found-search button").click()
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert [e for e in watched.errors if "status of 404" not in e] == []  # only the missing page itself
    assert watched.foreign() == []


def test_the_404_page_search_form_runs_the_site_search(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url + "404.html")
    assert page.locator("#natoaz-not-found-query").input_value() == ""
    page.fill("#natoaz-not-found-query", "DEEP")
    page.locator(".natoaz-not-found-search button").click()
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert page.locator("input.md-search__input").input_value() == "DEEP"
    links = [results.nth(i).locator("a").first.get_attribute("href") for i in range(min(results.count(), 10))]
    assert any("programmes/deep/" in (href or "") for href in links), links


def test_search_for_a_speaker_finds_their_quotes(watched: Watched, site_url: str) -> None:
    results = _search(watched, site_url, "Vinnikov")
    text = " ".join(results.nth(i).inner_text() for i in range(min(results.count(), 10)))
    assert "Vinnikov" in text


def test_cross_link_navigates_from_event_to_programme(on_mini: Watched, mini_url: str) -> None:
    page = on_mini.page
    page.goto(mini_url + "events/1994-05-04-pfp-signed/")
    page.locator("article a[href*='programmes/pfp/']").first.click()
    page.wait_for_url("**/programmes/pfp/")
    assert "Partnership for Peace" in page.locator("h1").inner_text()


def test_timeline_filter_hides_non_matching_events_and_restores_from_url(watched: Watched, mini_url: str) -> None:
    page = watched.page
    page.goto(mini_url + "timeline/2025/?type=quote")
    entries = page.locator(".natoaz-entry")
    assert entries.count() == 2  # an event and a quote
    visible = [entries.nth(i) for i in range(entries.count()) if entries.nth(i).is_visible()]
    assert [e.get_attribute("data-type") for e in visible] == ["quote"]  # the event is hidden
    assert page.locator("#natoaz-filter-type").input_value() == "quote"  # restored from the URL


def test_timeline_filter_choice_follows_the_links_between_parts(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url + "timeline/")
    page.select_option("#natoaz-filter-sector", "demining")
    assert "sector=demining" in page.url
    page.locator(".natoaz-years a", has_text="2012").click()
    page.wait_for_url("**/timeline/2012/?sector=demining")
    assert page.locator("#natoaz-filter-sector").input_value() == "demining"
    shown = page.locator(".natoaz-entry:visible")
    assert 0 < shown.count() < page.locator(".natoaz-entry").count()
    total = page.locator(".natoaz-entry").count()  # the status line, in the words the page gives the script
    assert page.locator(".natoaz-filter__status").inner_text() == f"{shown.count()} of {total} entries shown."
    page.locator(".natoaz-steps a[rel=next]").click()
    page.wait_for_url("**/timeline/2013/?sector=demining")
    page.select_option("#natoaz-filter-sector", "")
    page.locator(".natoaz-steps a[rel=prev]").click()
    page.wait_for_url("**/timeline/2012/")
    page.goto(site_url + "az/timeline/2012/?sector=demining")
    shown = page.locator(".natoaz-entry:visible").count()
    assert page.locator(".natoaz-filter__status").inner_text() == f"{total} qeyddən {shown} göstərilir."


def test_old_timeline_addresses_open_the_year_part(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url + "timeline/?type=event#2005")
    page.wait_for_url("**/timeline/2005/?type=event")
    page.goto(site_url + "timeline/#2005-02-simmons-visit-ipap-finalised")
    page.wait_for_url("**/timeline/2005/#2005-02-simmons-visit-ipap-finalised")


def test_event_page_links_to_its_entry_in_the_year_part(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url + "events/2005-02-simmons-visit-ipap-finalised/")
    page.locator("article a[href*='timeline/2005/']").click()
    page.wait_for_url("**/timeline/2005/#2005-02-simmons-visit-ipap-finalised")
    assert page.locator("[id='2005-02-simmons-visit-ipap-finalised']").is_visible()


def test_cite_block_shows_the_permalink(on_mini: Watched, mini_url: str) -> None:
    page = on_mini.page
    page.goto(mini_url + "programmes/pfp/")
    assert "programmes/pfp/" in page.locator("article").inner_text()
    assert "@misc" in page.locator("article").inner_text()


PAGES = ["", "timeline/", "timeline/2005/", "programmes/deep/", "people/alexander-vinnikov/", "quotes/", "sources/",
         "glossary/", "programmes/", "sources/nato-topic-deep/", "404.html"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_console_errors_and_no_third_party_requests(watched: Watched, site_url: str,
                                                                   path: str) -> None:
    watched.page.goto(site_url + path, wait_until="networkidle")
    assert watched.errors == []
    assert watched.foreign() == []
    # nothing the first paint does not need: no sitemap.xml (Material's script fetches and parses the one beside
    # every <link rel=alternate>: 0.7 MB), no search index until the search is opened
    assert [u for u in watched.requests if "sitemap" in u or "/pagefind/" in u] == []


@pytest.mark.parametrize("path", PAGES + ["search"])
def test_axe_reports_no_violations(watched: Watched, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = watched.page
    if path == "search":
        _search(watched, site_url, "DEEP")
    else:
        page.goto(site_url + path, wait_until="networkidle")
    results = Axe().run(page)
    violations = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]]
    assert violations == [], violations


def test_keyboard_reaches_the_main_content(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement && document.activeElement.textContent")
    assert "Skip to content" in (focused or "")


CSP_PAGES = ["", "timeline/", "events/1994-05-04-pfp-framework-document-signed/", "programmes/deep/", "data/",
             "404.html"]


@pytest.mark.parametrize("path", CSP_PAGES)
def test_key_pages_carry_a_csp_and_raise_no_violation(watched: Watched, site_url: str, path: str) -> None:
    page = watched.page
    page.goto(site_url + path, wait_until="networkidle")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy and "style-src 'self';" in policy
    assert watched.csp_violations() == [] and watched.errors == []


def test_search_timeline_filter_and_palette_work_under_the_csp(watched: Watched, site_url: str) -> None:
    results = _search(watched, site_url, "DEEP")
    assert results.count() > 0
    page = watched.page
    page.goto(site_url + "timeline/2025/?sector=demining", wait_until="networkidle")
    events = page.locator("[data-sectors]")
    assert 0 < sum(events.nth(i).is_visible() for i in range(events.count())) < events.count()
    # the theme's inline palette script (allowed by its hash) applies a stored palette on load
    # (the theme's own bundle then settles on the site's single palette, so watch the attribute change)
    page.evaluate("__md_set('__palette', {index: 0, color: {scheme: 'slate', primary: 'custom', accent: 'custom'}})")
    page.add_init_script("window.__schemes = []; new MutationObserver(records => records.forEach(r => "
                         "window.__schemes.push(r.target.getAttribute('data-md-color-scheme')))).observe("
                         "document, {subtree: true, attributeFilter: ['data-md-color-scheme']});")
    page.reload(wait_until="networkidle")
    assert "slate" in page.evaluate("window.__schemes")
    assert watched.csp_violations() == [] and watched.errors == []


# Design: both colour schemes, mobile width, print; screenshots of the key pages for review.
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "build/screenshots"))
KEY_PAGES = {"home": "", "timeline": "timeline/", "event": "events/1994-05-04-pfp-framework-document-signed/",
             "programme": "programmes/deep/", "person": "people/alexander-vinnikov/", "quotes": "quotes/",
             "glossary": "glossary/"}
WIDTHS = {"desktop": (1366, 900), "mobile": (390, 844)}  # screenshots
NARROW = (360, 780)  # no page scrolls sideways at this width


def _open(browser, url: str, width: tuple[int, int], scheme: str = "light", media: str = "screen"):
    context = browser.new_context(viewport={"width": width[0], "height": width[1]}, color_scheme=scheme)
    page = context.new_page()
    page.emulate_media(media=media, color_scheme=scheme)
    page.goto(url, wait_until="networkidle")
    return context, page


@pytest.mark.parametrize("path", PAGES + ["events/1994-05-04-pfp-framework-document-signed/"])
def test_axe_reports_no_violations_in_the_dark_scheme(browser, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context, page = _open(browser, site_url + path, WIDTHS["desktop"], scheme="dark")
    try:
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        violations = [(v["id"], v["impact"], len(v["nodes"])) for v in Axe().run(page).response["violations"]]
        assert violations == [], violations
    finally:
        context.close()


def test_the_palette_toggle_switches_scheme_and_chart_colours(browser, site_url: str) -> None:
    context, page = _open(browser, site_url + "timeline/", WIDTHS["desktop"])
    try:
        bar = "document.querySelector('.natoaz-chart__svg rect') && getComputedStyle(document.querySelector" \
              "('.natoaz-chart__svg rect')).fill"
        light = page.evaluate(bar)
        page.locator("form[data-md-component=palette] label:visible").first.click()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert page.evaluate(bar) != light, "the chart kept its light-scheme colours"
    finally:
        context.close()


@pytest.mark.parametrize("name", sorted(KEY_PAGES))
def test_key_pages_fit_a_360px_screen_and_are_saved_as_screenshots(browser, site_url: str, name: str) -> None:
    """No page scrolls sideways at 360 (or 390) px; screenshots at desktop (1366 px) and mobile (390 px) width,
    light and dark (CI keeps SCREENSHOT_DIR as the `screenshots` artifact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in {**WIDTHS, "narrow": NARROW}.items():
        for scheme in ("light", "dark") if label != "narrow" else ("light",):
            context, page = _open(browser, site_url + KEY_PAGES[name], size, scheme=scheme)
            try:
                if label != "desktop":
                    width = page.evaluate("document.documentElement.scrollWidth")
                    assert width <= size[0], f"{name} scrolls sideways at {size[0]} px ({width} px wide)"
                if label != "narrow":
                    page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}-{scheme}.png"))
            finally:
                context.close()


def test_a_record_page_prints_without_navigation_chrome(browser, site_url: str) -> None:
    context, page = _open(browser, site_url + KEY_PAGES["event"], WIDTHS["desktop"], media="print")
    try:
        for chrome in (".md-header", ".md-tabs", ".md-footer", ".md-sidebar--secondary"):
            assert not page.locator(chrome).first.is_visible(), chrome
        after = page.evaluate("getComputedStyle(document.querySelector(\"article a[href^='http']\"), '::after')"
                              ".content")
        assert "http" in after, after
    finally:
        context.close()


def test_pages_without_their_own_navigation_hide_the_empty_left_column(browser, site_url: str) -> None:
    for path, hidden in ((KEY_PAGES["event"], True), ("", True), ("editing/reference/", False)):
        context, page = _open(browser, site_url + path, WIDTHS["desktop"])
        try:
            assert page.locator(".md-sidebar--primary").is_visible() is not hidden, path
        finally:
            context.close()


def test_theme_toggles_start_closed_even_if_restored_checked(watched: Watched, site_url: str) -> None:
    """The drawer and search toggles lost `autocomplete="off"` (invalid on checkboxes); toggles.js
    closes them when a reload or back/forward brings them back checked (as form-state restoration
    does), leaves a fresh load alone, and the menu still opens on a phone."""
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    states = "[document.getElementById('__drawer').checked, document.getElementById('__search').checked]"

    def restored_checked(route) -> None:
        body = route.fetch().text()
        for name in ("drawer", "search"):
            body = body.replace(f'id="__{name}">', f'id="__{name}" checked>', 1)
        route.fulfill(body=body, content_type="text/html")

    page.route(site_url + "about/", restored_checked)
    page.goto(site_url + "about/", wait_until="networkidle")
    assert page.evaluate(states) == [True, True]  # a fresh load: left as served
    page.reload(wait_until="networkidle")
    assert page.evaluate(states) == [False, False]
    page.unroute(site_url + "about/")
    page.goto(site_url + "about/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__drawer']").click()
    assert page.evaluate("document.getElementById('__drawer').checked") is True
    assert watched.errors == []


def test_timeline_year_choice_empty_years_and_chart_follow_the_filter(watched: Watched, mini_url: str) -> None:
    page = watched.page
    page.goto(mini_url + "timeline/")
    # Counts as on the home and sector pages: events, and quotes apart.
    assert page.locator("#natoaz-filter-sector option[value=political-dialogue]").inner_text() \
        == "Political dialogue (2 events, 1 quote)"
    page.select_option("#natoaz-filter-sector", "military-education")  # only in 2025
    assert not page.locator(".natoaz-years li", has_text="1994").is_visible()  # empty years are not offered
    assert page.locator(".natoaz-years li", has_text="2025").is_visible()
    assert page.locator("#natoaz-filter-year option[value='1994']").is_disabled()
    bars = page.locator("rect[data-sector]")
    assert bars.count() > 0 and all("natoaz-dim" in (bars.nth(i).get_attribute("class") or "")
                                    for i in range(bars.count()))  # no bar's first sector is the one chosen
    page.select_option("#natoaz-filter-sector", "political-dialogue")
    assert bars.nth(0).get_attribute("class") in ("", None)  # the chart follows the choice back
    page.select_option("#natoaz-filter-year", "2025")
    page.wait_for_url("**/timeline/2025/?sector=political-dialogue")
    assert page.locator("#natoaz-filter-year").input_value() == "2025"
    assert page.locator("#natoaz-filter-sector").input_value() == "political-dialogue"
    page.select_option("#natoaz-filter-year", "")  # "All years": back to the overview, choice kept
    page.wait_for_url("**/timeline/?sector=political-dialogue")


def test_cite_block_copies_the_citation_with_todays_access_date(browser, mini_url: str) -> None:
    """cite.js writes the reader's date over `[date]`, shows the copy buttons, and a click copies the text."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"],
                                  viewport={"width": 390, "height": 800})
    page = context.new_page()
    try:
        page.goto(mini_url + "events/1994-05-04-pfp-signed/")
        today = datetime.date.today()
        long_date = f"{today.day} {today.strftime('%B')} {today.year}"
        plain = page.locator("#natoaz-cite-plain")
        assert plain.inner_text().endswith(f"(accessed {long_date}).")
        assert f"urldate = {{{today.isoformat()}}}" in page.locator("#natoaz-cite-bibtex").inner_text()
        button = page.locator("button[data-copy='natoaz-cite-plain']")
        assert button.is_visible()
        button.click()
        page.wait_for_function("document.querySelector(\"button[data-copy='natoaz-cite-plain']\")"
                               ".textContent === 'Copied'")
        assert page.evaluate("navigator.clipboard.readText()") == plain.inner_text()
        # no sideways scrolling on a phone: the citation wraps inside its box
        assert page.evaluate("getComputedStyle(document.querySelector('#natoaz-cite-plain')).whiteSpace") == "pre-wrap"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # the Azerbaijani page: the date with its month names, the button's words from the page
        page.goto(mini_url + "az/events/1994-05-04-pfp-signed/")
        month = ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
                 "noyabr", "dekabr"][today.month - 1]
        assert plain.inner_text().endswith(f"(müraciət tarixi: {today.day} {month} {today.year}).")
        assert button.inner_text() == "Kopyala"
        assert button.get_attribute("aria-label") == "İstinadı kopyala: Sadə mətn"
        button.click()
        page.wait_for_function("document.querySelector(\"button[data-copy='natoaz-cite-plain']\")"
                               ".textContent === 'Kopyalandı'")
    finally:
        context.close()


@pytest.fixture(scope="session")
def split_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture dataset 16 times over (the bench generator): 2025 has 32 entries, over PART_SIZE (20), so
    it is split into two pages."""
    from natoaz.tools.bench.generator import generate

    _need_chromium()
    root = tmp_path_factory.mktemp("browser-split")
    generate(root / "data", 16, MINI, today=datetime.date(2026, 11, 27))
    assert build_site(root / "site", data_dir=root / "data") == 0
    yield from _serve(root / "site")


def test_old_addresses_of_an_entry_on_a_later_page_of_its_year_land_on_it(browser, split_url: str) -> None:
    page = Watched(browser, split_url).page
    page.goto(split_url + "timeline/2025-page-2/")
    entry = page.locator(".natoaz-entry h3[id]").last.get_attribute("id")
    assert page.locator("nav.natoaz-pages a[data-natoaz-page]").count() == 2
    for old in (f"timeline/#{entry}", f"timeline/2025/#{entry}"):  # before the split into years, then into pages
        page.goto(split_url + old)
        page.wait_for_url(f"**/timeline/2025-page-2/#{entry}")
        assert page.locator(f"[id='{entry}']").is_visible()
    # the form is shown from the first paint: revealing it later would shift the page
    shifts = page.evaluate("""() => new Promise(done => new PerformanceObserver((list) => done(
        list.getEntries().reduce((sum, e) => sum + e.value, 0))).observe({type: "layout-shift", buffered: true})
        || setTimeout(() => done(0), 500))""")
    assert page.locator("form.natoaz-filter").is_visible()
    assert shifts < 0.01  # none that a reader sees (sub-pixel rounding under load measured 0.001)


def test_the_timeline_filter_is_three_tab_presses_from_the_top(browser, site_url: str) -> None:
    """Tab 1: the theme's "Skip to content"; Tab 2: "Skip to the timeline filter" (Enter); Tab 3: the first field."""
    for path in ("timeline/", "timeline/2005/"):
        context, page = _open(browser, site_url + path, WIDTHS["desktop"])
        try:
            presses = 0
            while presses < 10:
                page.keyboard.press("Tab")
                presses += 1
                focused = page.evaluate("document.activeElement.textContent.trim()")
                if focused == "Skip to the timeline filter":
                    assert page.locator("a.md-skip", has_text="timeline filter").is_visible()
                    page.keyboard.press("Enter")
                    break
            page.keyboard.press("Tab")
            presses += 1
            assert page.evaluate("document.activeElement.id") == "natoaz-filter-sector", path
            assert presses <= 3, f"{path}: {presses} Tab presses to the filter"
            page.keyboard.press("ArrowDown")  # the choice works from the keyboard
            assert page.evaluate("new URL(location).searchParams.get('sector')"), path
        finally:
            context.close()


# WCAG 2.5.8 (target size, minimum): every link, button and form field at least 24 × 24 CSS px, or spaced so that
# a 24 px circle on it touches no other target (and no other small target's circle), or a link inside a sentence.
TARGETS_JS = """() => {
  const seen = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && s.visibility !== 'hidden'
      && !el.closest('[hidden], .md-skip'); };
  // a label counts when it is the control (the theme's toggles: its checkbox is invisible)
  const all = [...document.querySelectorAll('a[href], button, input, select, textarea, label[for]')].filter(seen)
    .filter(el => el.tagName !== 'LABEL' || !seen(document.getElementById(el.htmlFor) || el));
  const inSentence = el => {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    if (!block) return false;
    const clone = block.cloneNode(true);
    clone.querySelectorAll('a, button, select, input, label, abbr + *').forEach(n => n.remove());
    return /[A-Za-z]{2,}/.test(clone.textContent.replace(/[·|—–,:;()\\[\\]]/g, ''));
  };
  const boxes = all.map(el => ({el, r: el.getBoundingClientRect()}));
  const small = boxes.filter(b => (b.r.width < 24 || b.r.height < 24) && !inSentence(b.el));
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const circleHitsRect = (c, r) => { const x = Math.max(r.left, Math.min(c[0], r.right));
    const y = Math.max(r.top, Math.min(c[1], r.bottom)); return Math.hypot(x - c[0], y - c[1]) < 12; };
  const failing = small.filter(b => { const c = centre(b.r);
    return boxes.some(o => o.el !== b.el && !o.el.contains(b.el) && !b.el.contains(o.el) && (circleHitsRect(c, o.r)
      || (small.includes(o) && Math.hypot(...centre(o.r).map((v, i) => v - c[i])) < 24))); });
  return failing.map(b => `${b.el.tagName.toLowerCase()} "${(b.el.textContent || b.el.getAttribute('aria-label')
    || b.el.name || '').trim().slice(0, 40)}" ${Math.round(b.r.width)}x${Math.round(b.r.height)}`
    + ` in .${(b.el.closest('[class]') || {className: ''}).className.toString().split(' ')[0]}`);
}"""
TAP_PAGES = [*KEY_PAGES.values(), "timeline/2005/", "glossary/", "sources/", "data/", "about/"]


def test_the_tap_target_check_finds_small_crowded_targets(browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.set_content('<p style="font-size:12px"><a href="#a">a</a><a href="#b">b</a></p><ul><li><a href="#c">'
                         'c</a></li></ul><p>In a sentence, <a href="#d">d</a> is exempt.</p>'
                         '<button style="width:40px;height:40px">big</button>')
        failing = page.evaluate(TARGETS_JS)
        assert len(failing) == 2 and all(f.startswith(('a "a"', 'a "b"')) for f in failing), failing
    finally:
        context.close()


@pytest.mark.parametrize("path", TAP_PAGES)
def test_tap_targets_are_at_least_24px_or_spaced_at_390px(browser, site_url: str, path: str) -> None:
    context, page = _open(browser, site_url + path, (390, 844))
    try:
        failing = page.evaluate(TARGETS_JS)
        assert failing == [], failing
    finally:
        context.close()


def test_the_home_search_box_opens_the_site_search(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto(site_url, wait_until="networkidle")
    page.get_by_label("Search the site").fill("DEEP")
    page.get_by_label("Search the site").press("Enter")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert "programmes/deep/" in page.locator(".md-search-result__item a").first.get_attribute("href")
def test_the_language_switch_lands_on_the_same_record_and_back(on_mini: Watched, mini_url: str) -> None:
    page = on_mini.page
    page.goto(mini_url + "events/1994-05-04-pfp-signed/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator("a.natoaz-language[hreflang='az']").click()
    page.wait_for_url("**/az/events/1994-05-04-pfp-signed/")
    assert page.locator("html").get_attribute("lang") == "az"
    assert "Tarix" in page.locator("article").inner_text()  # the Azerbaijani label of the date
    page.locator("a.natoaz-language[hreflang='en']").click()
    page.wait_for_url("**/events/1994-05-04-pfp-signed/")
    assert "/az/" not in page.url and page.locator("html").get_attribute("lang") == "en"
    assert on_mini.errors == []


AZ_PAGES = ["az/", "az/timeline/2005/", "az/programmes/deep/", "az/people/alexander-vinnikov/", "az/quotes/",
            "az/about/", "az/editing/"]


@pytest.mark.parametrize("path", AZ_PAGES)
def test_axe_reports_no_violations_in_azerbaijani(watched: Watched, site_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = watched.page
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "az"
    results = Axe().run(page)
    violations = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]]
    assert violations == [], violations
    assert watched.errors == [] and watched.foreign() == []
