"""Overview pages of fixed size: every record on exactly one page, a page list that does not grow."""

from __future__ import annotations

import re

from conftest import MINI
from natoaz.check.validate import load_valid
from natoaz.render import indexes, render_site
from natoaz.render.paging import chunked, page_nav, page_path


def test_page_paths_and_chunks() -> None:
    assert page_path("people/index.md", 1) == "people/index.md"
    assert page_path("people/index.md", 3) == "people/page-3.md"
    assert chunked([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
    assert chunked([], 2) == [[]]


def test_page_list_is_bounded_whatever_the_number_of_pages() -> None:
    assert page_nav("people/index.md", 1, 1) == ""
    small = page_nav("people/index.md", 1, 3)
    assert small == "Page 1 of 3: **1** · [2](page-2.md) · [3](page-3.md) · [next →](page-2.md)"
    lengths = {len(page_nav("people/index.md", 50, count)) for count in (100, 1000, 10_000)}
    links = re.findall(r"\]\(", page_nav("people/index.md", 500, 1000))
    assert len(links) == 8  # 1, 498, 499, 501, 502, 1000, previous, next
    assert max(lengths) - min(lengths) <= 6  # only the digits of the page numbers differ


def test_every_record_is_on_exactly_one_index_page(monkeypatch) -> None:
    monkeypatch.setitem(indexes.PER_PAGE, "sources", 1)
    dataset, _ = load_valid(MINI)
    pages = render_site(dataset)
    sources = sorted(p for p in pages if p.startswith("sources/") and (p.endswith("index.md") or "/page-" in p))
    assert sources == ["sources/index.md", "sources/page-2.md"]
    listed = re.findall(r"^\| \[[^\]]+\]\(([a-z0-9-]+)\.md\)", "".join(pages[p] for p in sources), re.M)
    assert sorted(listed) == sorted(dataset["sources"]) and len(listed) == len(set(listed))
    assert "Page 2 of 2: [1](index.md) · **2** · [← previous](index.md)" in pages["sources/page-2.md"]
    assert "# Sources, page 2" in pages["sources/page-2.md"]
