"""Render the dataset into Markdown pages: `{docs-relative path: markdown}`, deterministic."""

from __future__ import annotations

from ..dataset import Dataset
from .indexes import INDEXES
from .model import Site, page_of
from .records import PAGES
from .reference import PAGE as REFERENCE_PAGE, field_reference


def render_site(dataset: Dataset) -> dict[str, str]:
    site = Site(dataset)
    pages: dict[str, str] = {path: make(site) for path, make in INDEXES.items()}
    for collection, make_page in PAGES.items():
        for record in site.sorted(collection):
            pages[page_of(collection, record.id)] = make_page(site, record)
    pages[REFERENCE_PAGE] = field_reference()
    return dict(sorted(pages.items()))


def page_origins(dataset: Dataset) -> dict[str, str]:
    """The data file behind each record page, for "edit this page" links."""
    return {page_of(c, r.id): r.file for c, records in dataset.records.items() for r in records.values()}
