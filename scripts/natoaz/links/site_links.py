"""Offline check of the built site: every internal link resolves and every #fragment exists.

lychee checks the links (`--offline`: no network request at all); we configure it for a MkDocs site
and report each break as the page, the line and the link as written in the page.
Configuration, and why:
- `--root-dir SITE`: root-relative links (`/nato-azerbaijan/about/`, used by 404.html) resolve in SITE;
- a `--remap` strips the site's base path (from the `site_url` the site was built with, read back from
  its sitemap.xml) from such links, and another maps absolute links to the site itself
  (`https://example.org/nato-azerbaijan/…`: canonical links, sitemap.xml) onto SITE, so they are
  checked like any internal link;
- `--index-files index.html`: a link to a folder needs its index.html, as on a static web server;
- `--include-fragments`: `page/#anchor` needs an element with that id on that page.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..load.config import read_config
from ..paths import display_path
from .lychee import LinkResult, run_lychee

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")
_ATTRIBUTE = re.compile(r"""=\s*(["'])(.*?)\1""")
_REASONS = (
    ("Cannot find fragment", "no such anchor on the target page"),
    ("Cannot find index file", "the folder has no index.html"),
    ("File not found", "no such page or file"),
)


@dataclass(frozen=True)
class Break:
    page: str  # the page holding the link, relative to the site folder
    line: int
    column: int
    link: str  # as written in the page
    target: str  # what it resolved to, relative to the site root
    reason: str


@dataclass
class SiteCheck:
    breaks: list[Break]
    links: int  # links found, duplicates included
    unique: int
    pages: int
    seconds: float


def site_url_from_config(config: Path) -> str | None:
    """`site_url` from mkdocs.yml (`!ENV` resolved as MkDocs does)."""
    site_url = read_config(config).get("site_url")
    return str(site_url) if site_url else None


def site_url_of_build(site_dir: Path) -> str | None:
    """The `site_url` a built site was made with: the common start of the addresses in its sitemap.xml."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return None
    locs = _LOC.findall(sitemap.read_text(encoding="utf-8", errors="replace"))
    if not locs:
        return None
    common = os.path.commonprefix(locs)
    return common[: common.rfind("/") + 1] if "://" in common[: common.rfind("/")] else None


def _replacement(text: str) -> str:
    return text.replace("$", "$$")


def lychee_site_args(site_dir: Path, site_url: str | None = None) -> list[str]:
    """lychee's options for an offline check of a built MkDocs site in `site_dir`."""
    site = site_dir.resolve()
    root_uri = site.as_uri()
    args = ["--offline", "--no-ignore", "--index-files", "index.html", "--include-fragments",
            "--root-dir", str(site)]
    if site_url:
        base = urlsplit(site_url).path.rstrip("/")
        if base:
            args += ["--remap", f"^{re.escape(root_uri + base)}(/.*)?$ {_replacement(root_uri)}${{1}}"]
        prefix = site_url if site_url.endswith("/") else site_url + "/"
        args += ["--remap", f"^{re.escape(prefix)}(.*)$ {_replacement(root_uri)}/${{1}}"]
    return [*args, "--", str(site)]


def _link_as_written(lines: list[str], line: int, column: int) -> str | None:
    """The attribute value starting at lychee's 1-based (line, column), counted in characters or bytes."""
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1]
    values = [(m.start(2), m.group(2)) for m in _ATTRIBUTE.finditer(text)]
    for start, value in values:  # lychee 0.24 counts characters
        if start + 1 == column:
            return value
    for start, value in values:
        if len(text[:start].encode("utf-8")) + 1 == column:
            return value
    return None


def _target(url: str, root_uri: str) -> str:
    if url.startswith(root_uri):
        return unquote(url[len(root_uri):]) or "/"
    return url


def _reason(result: LinkResult) -> str:
    for prefix, words in _REASONS:
        if result.status.startswith(prefix):
            if prefix == "Cannot find fragment":
                fragment = urlsplit(result.url).fragment
                return f"no anchor #{unquote(fragment)} on the target page" if fragment else words
            return words
    return result.status


def check_site(site_dir: Path, site_url: str | None = None) -> SiteCheck:
    """Check every internal link and fragment of the built site; return the breaks found."""
    site = site_dir.resolve()
    start = time.perf_counter()
    report = run_lychee(lychee_site_args(site, site_url))
    seconds = time.perf_counter() - start
    root_uri = site.as_uri()
    pages: dict[str, list[str]] = {}
    breaks = []
    for result in report.results:
        if result.outcome not in ("error", "timeout"):
            continue
        page = display_path(result.input, site)
        if page not in pages:
            path = site / page
            pages[page] = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.is_file() else []
        link = _link_as_written(pages[page], result.line, result.column) or result.original_url or result.url
        breaks.append(Break(page, result.line, result.column, link, _target(result.url, root_uri), _reason(result)))
    html_pages = sum(1 for _ in site.rglob("*.html"))
    return SiteCheck(sorted(set(breaks), key=lambda b: (b.page, b.line, b.column, b.link)),
                     report.total, report.unique, html_pages, seconds)


def format_site_report(check: SiteCheck, site_label: str) -> str:
    lines = []
    current = None
    for b in check.breaks:
        if b.page != current:
            current = b.page
            lines.append(f"{site_label}/{b.page}")
        target = f" ({b.target})" if b.target != b.link else ""
        lines.append(f"  {site_label}/{b.page}:{b.line}:{b.column}  {b.link}  → {b.reason}{target}")
    summary = (f"checked {check.links} links ({check.unique} unique) on {check.pages} pages "
               f"in {check.seconds:.2f} s")
    if check.breaks:
        pages = len({b.page for b in check.breaks})
        lines.append(f"{len(check.breaks)} broken internal link(s) on {pages} page(s); {summary}.")
    else:
        lines.append(f"No broken internal links: {summary}.")
    return "\n".join(lines)
