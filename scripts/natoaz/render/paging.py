"""Overview pages of fixed size: a long list is cut into pages `X/index.md`, `X/page-2.md`, … and each page
links to a bounded window of the others (first, last, and the two either side), so no page grows with the data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from .routes import page_path
from .text import link

__all__ = ["WINDOW", "chunked", "page_nav", "page_path", "page_title"]

T = TypeVar("T")
WINDOW = 2  # pages linked either side of the current one


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """The items in pages of `size` (at least one page, possibly empty)."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def page_nav(index: str, number: int, count: int) -> list[str]:
    """Links to the first, previous, nearby, next and last pages; empty for a single page."""
    if count <= 1:
        return []
    here = page_path(index, number)
    shown = sorted({1, count, *range(max(1, number - WINDOW), min(count, number + WINDOW) + 1)})
    items, previous = [], 0
    for n in shown:
        if n - previous > 1:
            items.append("…")
        items.append(f"**{n}**" if n == number else f"[{n}]({link(here, page_path(index, n))})")
        previous = n
    steps = []
    if number > 1:
        steps.append(f"[← previous]({link(here, page_path(index, number - 1))})")
    if number < count:
        steps.append(f"[next →]({link(here, page_path(index, number + 1))})")
    return ["", f"Page {number} of {count}: " + " · ".join(items) + (" · " + " · ".join(steps) if steps else ""),
            ""]


def page_title(title: str, number: int) -> str:
    return title if number == 1 else f"{title}, page {number}"
