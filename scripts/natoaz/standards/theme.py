"""The one post-processing step of built pages: Material 9.8.2's base.html writes its drawer and
search toggles, outside any template block, as checkboxes with `autocomplete="off"`, which HTML
allows only on text-like inputs (the Nu checker's error on every page). The attribute is dropped
here; docs/assets/javascripts/toggles.js keeps its purpose (both toggles start closed, even when
a browser restores form state on going back). Everything else is fixed in overrides/, except the
content's tables (prewrap_tables, below: work the theme's script would redo on every page load)."""

from __future__ import annotations

import re

TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
    for name in ("drawer", "search")
)


def fix_page(html: str) -> str:
    """The page with the theme's two toggles made valid; anything else untouched. Only the first
    occurrence is replaced: the toggles open the body, before any content."""
    for tag in TOGGLES:
        html = html.replace(tag, tag.replace(' autocomplete="off"', ""), 1)
    return html


# Material's script wraps every content table without a class (`table:not([class])`) in two containers that
# scroll it sideways, after the page has loaded: the table leaves the page and comes back, so the whole table
# is styled and laid out a second time (the longest task of the sources index, the data page, the home page
# and the timeline overview) and the content below moves. The build writes the same containers, and the table
# gets the class TABLE_CLASS, which the script leaves alone; site.css gives that class Material's table
# styles (tests/test_standards.py checks them against the installed theme).
TABLE_CLASS = "natoaz-table"
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def prewrap_tables(html: str) -> str:
    """A page's content with each plain <table> (Python-Markdown's) in Material's scrolling containers."""
    return _TABLE.sub(lambda m: '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                      f'<table class="{TABLE_CLASS}">{m[1]}</table></div></div>', html)
