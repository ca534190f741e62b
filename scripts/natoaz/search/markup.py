"""What each built page tells the search indexer (Pagefind), as attributes on the page's HTML.

- `data-pagefind-body` on the article: only the article is indexed (not the navigation, header or
  footer), and a page without it (front matter `search: {exclude: true}`) is not indexed at all;
- `data-pagefind-weight` on the article: the page's `search.boost` (programmes, sectors, people); and
  its h1, as metadata `lead` (weighted in docs/assets/javascripts/search.js), so that the page of a
  programme or a person outranks the events that mention it in passing;
- `search.title_only` (the timeline's year parts, which repeat every event): only the h1 is indexed,
  as `lead`, so that `1994` finds the year's part and nothing else is found twice;
- sections whose heading carries `data-search-exclude` (lists of links, the Cite block) are wrapped in
  `<div data-pagefind-ignore>`: their targets are indexed themselves;
- the headings' permalink signs (¶) are ignored, so that titles in the results read as written;
- `data-pagefind-meta="fold:…"`: the folded form (natoaz/model/fold.py) of each word of the page that
  folding changes (`foldlead` on boosted pages), so that `melange` finds mélange and `Mudafie` finds
  Müdafiə (the query is folded with the same table in the browser). Metadata is searched but never
  shown: excerpts keep the text as written.
"""

from __future__ import annotations

import html
import re

from ..model.fold import folded_variants
from ..render.escape import attr

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_ARTICLE_END = "</article>"
_HEADING = re.compile(r"<h[12]\b[^>]*>")
_H1 = re.compile(r"<h1\b([^>]*)>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_IGNORED = re.compile(r"<div data-pagefind-ignore>.*?<!-- /pagefind-ignore --></div>", re.S)


def _excluded(heading: str) -> bool:
    return re.search(r"\sdata-search-exclude(?=[\s>=])", heading) is not None


def _wrap_excluded_sections(body: str) -> str:
    """Each section under an h1/h2 with `data-search-exclude`, to the next h1/h2, in an ignored div
    (left as it is if the section's divs do not balance, which a Markdown section's always do)."""
    starts = [m.start() for m in _HEADING.finditer(body)] + [len(body)]
    parts = [body[: starts[0]]]
    for start, end in zip(starts, starts[1:], strict=False):
        section = body[start:end]
        heading = _HEADING.match(section)
        balanced = section.count("<div") == section.count("</div>")
        if heading and _excluded(heading.group(0)) and balanced:
            section = f"<div data-pagefind-ignore>{section}<!-- /pagefind-ignore --></div>"
        parts.append(section)
    return "".join(parts)


def indexed_text(body: str) -> str:
    """The plain text Pagefind indexes from an article body marked by `mark_page` (tags and ignored
    sections removed, entities decoded)."""
    return html.unescape(_TAG.sub(" ", _IGNORED.sub(" ", body)))


def _weight(boost: float) -> str:
    return f"{boost:g}"


def _lead(body: str, title_only: bool) -> str:
    """The h1 as metadata `lead`, weighted highest; with `title_only` everything after it ignored."""
    h1 = _H1.search(body)
    if not h1:
        return body
    lead = f'<h1 data-pagefind-weight="10" data-pagefind-meta="lead"{h1.group(1)}>{h1.group(2)}</h1>'
    rest = body[h1.end():]
    if title_only:
        rest = f"<div data-pagefind-ignore>{rest}<!-- /pagefind-ignore --></div>"
    return body[: h1.start()] + lead + rest


def mark_page(page: str, exclude: bool = False, boost: float = 0, title_only: bool = False) -> str:
    """`page` (a built HTML page) with the attributes above; unchanged when it has no article."""
    opening = _ARTICLE.search(page)
    end = page.find(_ARTICLE_END, opening.end()) if opening else -1
    if not opening or end < 0 or (exclude and not title_only):
        return page
    body = page[opening.end():end] if title_only else _wrap_excluded_sections(page[opening.end():end])
    body = body.replace('<a class="headerlink"', '<a data-pagefind-ignore class="headerlink"')  # the "¶" anchors
    if boost > 1 or title_only:
        body = _lead(body, title_only)
    attrs = ["data-pagefind-body"]
    if boost and boost != 1:
        attrs.append(f'data-pagefind-weight="{_weight(max(0.0, min(boost, 10.0)))}"')
    variants = folded_variants(indexed_text(body))
    if variants:
        # Folded words are \w+ runs (no comma, quote or angle bracket), escaped all the same.
        # On a boosted page they weigh as its other words do (metadata `foldlead`, weighted in search.js).
        key = "foldlead" if boost > 1 else "fold"
        attrs.append(f'data-pagefind-meta="{key}:{attr(" ".join(variants))}"')
    tag = opening.group(0)[:-1] + " " + " ".join(attrs) + ">"
    return page[: opening.start()] + tag + body + page[end:]
