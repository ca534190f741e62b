"""robots.txt: every page may be indexed; the sitemap's absolute address (from site_url)."""

from __future__ import annotations

from .options import SiteOptions
from .routes import ROBOTS as ROBOTS
from .routes import SITEMAP


def robots_txt(options: SiteOptions) -> str:
    # Crawlers read robots.txt only at a host's root: on a project site (owner.github.io/repo/) the
    # file is still correct, and search consoles accept the sitemap address it names.
    lines = ["User-agent: *", "Disallow:"]
    if options.site_url:
        lines += ["", f"Sitemap: {options.url(SITEMAP)}"]
    return "\n".join(lines) + "\n"
