"""Overview pages of fixed size: a long list is cut into pages `X/index.md`, `X/page-2.md`, … (routes.page_path)
and each page links to a bounded window of the others (first, last, and the two either side), so no page grows
with the data. templates/parts.md.j2 (`page_nav`) writes the links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from .routes import page_path
from .templates import macros
from .text import link

__all__ = ["WINDOW", "chunked", "nav_view", "page_nav", "page_path"]

T = TypeVar("T")
WINDOW = 2  # pages linked either side of the current one


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """The items in pages of `size` (at least one page, possibly empty)."""
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def nav_view(index: str, number: int, count: int) -> dict[str, Any] | None:
    """Page `number` of `count`: the pages shown (None marks a gap), each with its link; previous and next.
    None for a single page."""
    if count <= 1:
        return None
    here = page_path(index, number)
    shown = sorted({1, count, *range(max(1, number - WINDOW), min(count, number + WINDOW) + 1)})
    items: list[dict[str, Any] | None] = []
    previous = 0
    for n in shown:
        if n - previous > 1:
            items.append(None)
        items.append({"number": n, "href": link(here, page_path(index, n)) if n != number else None})
        previous = n
    return {"number": number, "count": count, "items": items,
            "previous": link(here, page_path(index, number - 1)) if number > 1 else None,
            "next": link(here, page_path(index, number + 1)) if number < count else None}


def page_nav(index: str, number: int, count: int) -> str:
    """The page list as one line of Markdown; empty for a single page."""
    view = nav_view(index, number, count)
    return str(macros().page_nav(view)) if view else ""
