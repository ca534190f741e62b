"""The one post-processing step of built pages: Material 9.8.2's base.html writes its drawer and
search toggles, outside any template block, as checkboxes with `autocomplete="off"`, which HTML
allows only on text-like inputs (the Nu checker's error on every page). The attribute is dropped
here; docs/assets/javascripts/toggles.js keeps its purpose (both toggles start closed, even when
a browser restores form state on going back). Everything else is fixed in overrides/."""

from __future__ import annotations

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
