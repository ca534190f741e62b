"""Render the dataset into the site's generated files: `{docs-relative path: content}`, deterministic.

Markdown pages are `str`; the other files (downloads, schemas, feed, robots.txt) are `str` or `bytes`. The MkDocs
hook adds every one with `File.generated`, and `python -m natoaz markdown` writes them to a folder.
"""

from __future__ import annotations

from ..model.records import Dataset
from .abbr import definitions
from .changelog import changelog_pages, feed_entries, releases
from .corrections import corrections_pages
from .datapage import data_page
from .downloads import downloads
from .feed import atom_feed
from .glossary import abbreviation_terms, glossary_pages, term_page
from .i18n import edition, load_labels
from .indexes import INDEXES, PAGED_INDEXES
from .localize import localize
from .model import Site
from .options import SiteOptions
from .records import PAGES
from .redirects import redirects
from .robots import robots_txt
from .routes import DATA, FEED, ROBOTS, page_of
from .timeline import timeline_pages

__all__ = ["SiteOptions", "abbreviation_definitions", "page_origins", "release_date", "render_site"]


def render_site(dataset: Dataset, options: SiteOptions | None = None) -> dict[str, str | bytes]:
    """Every generated file of one edition: English, or another language's (`options.language`: its
    words, dates and translated fields; the downloads are the same data in every edition)."""
    options = options or SiteOptions()
    original = Site(dataset, options)
    data_files = downloads(original)
    with edition(load_labels(options.language)):
        translated = options.language != "en"
        return _render(Site(localize(dataset, options.language), options) if translated else original, data_files)


def _render(site: Site, data_files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    found = releases(site)
    files: dict[str, str | bytes] = {**data_files, FEED: atom_feed(site, feed_entries(found)), **redirects(site)}
    if site.options.language == "en":  # robots.txt counts at the host's root only: the English edition's
        files[ROBOTS] = robots_txt(site.options)
    pages: dict[str, str | bytes] = {path: make(site) for path, make in INDEXES.items()}
    for collection, make_page in {**PAGES, "glossary": term_page}.items():
        for record in site.sorted(collection):
            pages[page_of(collection, record.id)] = make_page(site, record)
    for make_pages in PAGED_INDEXES:
        pages.update(make_pages(site))
    pages.update(glossary_pages(site))
    pages.update(timeline_pages(site))
    pages.update(corrections_pages(site))
    pages.update(changelog_pages(site, found))
    pages[DATA] = data_page(site, files)
    return dict(sorted({**pages, **files}.items()))


def page_origins(dataset: Dataset) -> dict[str, str]:
    """The data file behind each record page, for "edit this page" links."""
    return {page_of(c, r.id): r.file for c, records in dataset.records.items() for r in records.values()}


def abbreviation_definitions(dataset: Dataset, language: str = "en") -> str:
    """The glossary as Python-Markdown `abbr` definitions, appended to every hand-written page's Markdown
    (in memory by the hook, in build/markdown/ by the command-line twin); never written into docs/. In
    `language`: the expansions of its translations (`translations.az.expansion`), English where missing."""
    return definitions(abbreviation_terms(Site(localize(dataset, language) if language != "en" else dataset)))


def release_date(dataset: Dataset) -> str:
    """The data release date (YYYY-MM-DD): the newest `added`/`updated` date in the data."""
    return Site(dataset).release.first_day.isoformat()
