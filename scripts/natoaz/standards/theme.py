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


# Material's bundle fetches `sitemap.xml` relative to EVERY <link rel="alternate"> of a page, to map
# links between language versions (its selector expects links to each language's root). Our hreflang
# alternates point at the same page in the other edition, so that fetch asks for
# `<page>/sitemap.xml`: a 404 on every page load (a console error) and, wherever the site is served
# under another address than `site_url`, a request the Content Security Policy blocks. The language
# switcher links straight to the other edition's page (overrides/partials/alternate.html), so the
# bundle is told to leave hreflang links alone; the feed's alternate link keeps its behaviour.
BUNDLE_ALTERNATES = 'M("link[rel=alternate]")'
QUIET_ALTERNATES = 'M("link[rel=alternate]:not([hreflang])")'


def fix_bundle(script: str) -> str:
    """Material's JavaScript bundle without the per-hreflang sitemap fetch. Raises ValueError when the
    bundle does not have the expected selector (another Material version): check the fix, then adapt."""
    if QUIET_ALTERNATES in script:
        return script
    if script.count(BUNDLE_ALTERNATES) != 1:
        raise ValueError("Material's bundle has no single `link[rel=alternate]` lookup to restrict to links "
                         "without hreflang (standards/theme.py fix_bundle): check it after a theme upgrade")
    return script.replace(BUNDLE_ALTERNATES, QUIET_ALTERNATES)
