"""sitemap.xml against the sitemaps.org XSD (tools/standards/sitemap/sitemap.xsd), and every page of
the built site listed exactly once, each address leading to a built page. Not listed: 404.html and
pages that ask robots not to index them (the redirects at renamed records' old addresses).
sitemap.xml.gz holds the same document."""

from __future__ import annotations

import gzip
import re
from copy import deepcopy
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .findings import Finding
from .xmlschema import parse, validate, xsd

SITEMAP = "sitemap.xml"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOT_LISTED = {"404.html"}  # served for missing pages (one per edition: az/404.html), not a page of its own
_NOINDEX = re.compile(rb"<meta\s+name=[\"']robots[\"']\s+content=[\"'][^\"']*noindex", re.I)


def page_of(loc: str, site_url: str) -> str | None:
    """The built file a sitemap address leads to (`about/` -> `about/index.html`), or None if the
    address is not under site_url."""
    if not loc.startswith(site_url):
        return None
    path = unquote(urlsplit(loc[len(site_url):]).path)
    return path + "index.html" if path == "" or path.endswith("/") else path


def site_pages(site: Path) -> set[str]:
    """The pages a sitemap must list."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not _NOINDEX.search(p.read_bytes()[:4096]) and p.name not in NOT_LISTED}


def _without_alternates(tree: Any) -> Any:
    """The sitemap without its hreflang alternates (`xhtml:link`, Google's extension, which the
    sitemaps.org schema admits only with a schema of its own): what the XSD checks."""
    copy = deepcopy(tree)
    for link in copy.getroot().iter("{http://www.w3.org/1999/xhtml}link"):
        link.getparent().remove(link)
    return copy


def check_sitemap(data: bytes, pages: set[str], site_url: str, label: str = SITEMAP) -> tuple[list[Finding], int]:
    """Findings of one sitemap document against the built `pages`; also the number of addresses."""
    tree, found = parse(data, label)
    if tree is None:
        return found, 0
    found = validate(_without_alternates(tree), xsd(), label)
    listed: dict[str, int] = {}
    locs = tree.getroot().findall("sm:url/sm:loc", NS)
    for loc in locs:
        address = (loc.text or "").strip()
        page = page_of(address, site_url)
        line = loc.sourceline or 0
        if page is None:
            found.append(Finding(label, line, 0, "error", f"{address} is not under site_url {site_url}"))
        elif page in listed:
            found.append(Finding(label, line, 0, "error", f"{address} is listed twice (first on line {listed[page]})"))
        elif page not in pages:
            found.append(Finding(label, line, 0, "error", f"{address} leads to no page to list ({page})"))
        if page is not None:
            listed.setdefault(page, line)
    for page in sorted(pages - set(listed)):
        found.append(Finding(label, 0, 0, "error", f"page {page} is not listed"))
    return found, len(locs)


def check_site(site: Path, site_url: str) -> tuple[list[Finding], int]:
    path = site / SITEMAP
    if not path.is_file():
        return [Finding(SITEMAP, 0, 0, "error", "missing: the build writes sitemap.xml")], 0
    data = path.read_bytes()
    found, count = check_sitemap(data, site_pages(site), site_url)
    packed = site / (SITEMAP + ".gz")
    if packed.is_file() and gzip.decompress(packed.read_bytes()) != data:
        found.append(Finding(SITEMAP + ".gz", 0, 0, "error", "differs from sitemap.xml"))
    return found, count
