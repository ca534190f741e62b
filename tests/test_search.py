"""The site search: the fold table, the page markup Pagefind reads, and (browser marker) the search itself
on the real site: the fixed query set (natoaz/tools/bench/search_queries.py) with each expected page in the
top 3, the keyboard, the policy, and an Azerbaijani page found with and without its letters."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINI
from natoaz.model.fold import TABLE, fold, fold_json, folded_variants
from natoaz.search.markup import indexed_text, mark_page
from natoaz.tools.bench.search_queries import QUERIES


@pytest.mark.parametrize(("text", "folded"), [
    ("Müdafiə Nazirliyi", "mudafie nazirliyi"), ("İlham Əliyev", "ilham eliyev"), ("ığüşöçə", "igusoce"),
    ("IĞÜŞÖÇƏ", "igusoce"), ("Mélange", "melange"), ("Wörner", "worner"), ("Straße", "strasse"),
    ("Łódź", "lodz"), ("DEEP 2004", "deep 2004"),
])
def test_fold_removes_case_and_diacritics_by_the_table(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_the_table_covers_the_azerbaijani_letters_that_decomposition_misses() -> None:
    assert "İ".lower() != "i"  # why the table exists
    for letter, plain in {"ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ğ": "g", "ö": "o", "ü": "u", "ç": "c",
                          "ş": "s", "é": "e"}.items():
        assert TABLE[letter] == plain
    assert json.loads(fold_json()) == TABLE


def test_folded_variants_are_the_words_folding_changes() -> None:
    assert folded_variants("Heydər Əliyev visited Mingəçevir; Iraq, NATO, mélange, Mélange, é, ö") == \
        ["eliyev", "heyder", "melange", "mingecevir"]


PAGE = ('<html lang="en"><body><header>Menu</header><article class="md-content__inner md-typeset">'
        '<h1 id="t">The Mélange project</h1><p>Müdafiə Nazirliyi &amp; NATO</p>'
        '<h2 data-search-exclude id="events">Events</h2><ul><li>Əlaqə list</li></ul>'
        '<h2 id="more">More</h2><p>kept</p></article><footer>x</footer></body></html>')


def test_mark_page_indexes_the_article_with_its_folded_words_and_without_link_lists() -> None:
    marked = mark_page(PAGE, boost=3)
    opening = re.search(r"<article[^>]*>", marked).group(0)
    assert "data-pagefind-body" in opening and 'data-pagefind-weight="3"' in opening
    assert 'data-pagefind-meta="foldlead:melange mudafie"' in opening  # not "elaqe": its section is ignored
    assert 'data-pagefind-meta="fold:melange mudafie"' in mark_page(PAGE)
    assert '<h1 data-pagefind-weight="10" data-pagefind-meta="lead" id="t">' in marked
    assert '<div data-pagefind-ignore><h2 data-search-exclude id="events">' in marked
    assert "kept" in indexed_text(marked) and "Əlaqə" not in indexed_text(marked)
    assert re.sub(r"<[^>]+>", "", marked).replace(" ", "") == re.sub(r"<[^>]+>", "", PAGE).replace(" ", "")


def test_mark_page_leaves_excluded_pages_out_and_indexes_title_only_pages_by_their_title() -> None:
    assert mark_page(PAGE, exclude=True) == PAGE
    assert mark_page("<html><body>no article</body></html>") == "<html><body>no article</body></html>"
    titled = mark_page(PAGE, exclude=True, title_only=True)
    assert "data-pagefind-body" in titled and 'data-pagefind-meta="lead"' in titled
    body = titled.split("<article", 1)[1].split(">", 1)[1].split("</article>")[0]
    assert indexed_text(body).split() == ["The", "Mélange", "project"]


# --- in the browser ---------------------------------------------------------------------------------------

def _results(page, site_url: str, text: str) -> list[str]:  # noqa: ANN001
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill(text)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    hrefs = page.evaluate("Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href)")
    return [h.removeprefix(site_url) for h in hrefs]


@pytest.fixture(scope="module")
def browser(chromium):  # noqa: ANN001 (conftest's one Chromium of the session)
    return chromium


@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    """The real site (built once per session by conftest's real_site), served on loopback."""
    from test_browser import _serve

    yield from _serve(real_site)


@pytest.fixture(scope="module")
def search_page(browser) -> Iterator:  # noqa: ANN001
    page = browser.new_page()
    yield page
    page.close()


@pytest.fixture
def watched(browser, site_url: str) -> Iterator:  # noqa: ANN001
    from test_browser import Watched

    page = Watched(browser, site_url)
    yield page
    page.page.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", QUERIES, ids=[q.text for q in QUERIES])
def test_each_query_finds_its_page_in_the_top_3(search_page, site_url: str, query) -> None:  # noqa: ANN001
    top = _results(search_page, site_url, query.text)[:3]
    assert query.expected in top, f"{query.text!r} ({query.kind}): top 3 {top}"


@pytest.mark.browser
@pytest.mark.slow
def test_search_works_with_the_keyboard_under_the_policy_without_other_hosts(watched, site_url: str) -> None:  # noqa: ANN001
    page = watched.page
    page.goto(site_url + "about/", wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("ipap")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert "matching" in page.locator(".md-search-result__meta").inner_text()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.locator(".md-search__input").focus()
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url("**/programmes/ipap/")
    assert watched.csp_violations() == [] and watched.errors == [] and watched.foreign() == []
    assert any("/pagefind/" in u for u in watched.requests)
    assert not any("search_index.json" in u for u in watched.requests)


AZ_PAGE = ('<h1 id="mudafie">Müdafiə Nazirliyi</h1><p>Azərbaycan Respublikasının Müdafiə Nazirliyi ilə '
           'NATO arasında əməkdaşlıq.</p>')


@pytest.fixture(scope="module")
def az_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site with one Azerbaijani page (html lang="az", as the az edition writes), indexed."""
    from natoaz.build import build_site
    from natoaz.search.pagefind import build_index
    from test_browser import _serve

    site = tmp_path_factory.mktemp("search-az") / "site"
    assert build_site(site, data_dir=MINI) == 0
    english = (site / "programmes" / "pfp" / "index.html").read_text(encoding="utf-8")  # as deep as az/sinaq/
    article = re.search(r"(<article[^>]*>)(.*?)(</article>)", english, re.S)
    page = english[: article.start()] + '<article class="md-content__inner md-typeset">' + AZ_PAGE + \
        "</article>" + english[article.end():]
    page = page.replace('<html lang="en"', '<html lang="az"', 1)
    (site / "az" / "sinaq").mkdir(parents=True)  # beside whatever the Azerbaijani edition builds under az/
    (site / "az" / "sinaq" / "index.html").write_text(mark_page(page), encoding="utf-8")
    build_index(site)
    assert (site / "pagefind" / "pagefind-entry.json").read_text().count('"az"') == 1
    yield from _serve(site)
    shutil.rmtree(site, ignore_errors=True)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", ["Müdafiə Nazirliyi", "Mudafie Nazirliyi", "MÜDAFİƏ", "mudafie"])
def test_an_azerbaijani_page_is_found_with_and_without_its_letters(search_page, az_url: str, query: str) -> None:  # noqa: ANN001
    search_page.goto(az_url + "az/sinaq/")
    search_page.locator(".md-search__input").click()
    search_page.locator(".md-search__input").fill(query)
    search_page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    # in the top 3, as every query of the set (the Azerbaijani editing guide names the ministry too)
    hrefs = search_page.evaluate("Array.from(document.querySelectorAll('.md-search-result__item a'), a => a.href)")
    top = [h for h in hrefs[:3] if h.endswith("/az/sinaq/")]
    assert top, hrefs[:3]
    found = search_page.locator(".md-search-result__item", has=search_page.locator("a[href$='/az/sinaq/']"))
    assert "Müdafiə" in found.first.inner_text()  # shown as written


@pytest.mark.browser
@pytest.mark.slow
def test_the_english_index_does_not_answer_with_the_azerbaijani_page(search_page, az_url: str) -> None:  # noqa: ANN001
    search_page.goto(az_url)
    search_page.locator(".md-search__input").click()
    search_page.locator(".md-search__input").fill("emekdasliq")  # əməkdaşlıq: only on the az page
    search_page.locator(".md-search-result__meta", has_text="matching").wait_for(timeout=15_000)
    hrefs = search_page.evaluate("Array.from(document.querySelectorAll('.md-search-result__item a'), a => a.href)")
    assert not any(h.endswith("/az/sinaq/") for h in hrefs)


