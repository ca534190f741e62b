"""Offline check of the built site: every internal link resolves and every #fragment exists.

Our own checker, not lychee: lychee re-read a target page for every `#fragment` link to it, so its time
grew with links × page size (57 % of a 100× build). Here each page is scanned once (`site_scan`) and
its anchors are kept, so the check grows linearly with the site. It works as a static web server would:
- a link to a folder (`about/`) needs its `index.html`; a link to a file needs the file;
- `page/#anchor` needs an element with that id (or an `<a name>`) on that page; `#` and `#top` always work;
- root-relative links (`/nato-azerbaijan/about/`, used by 404.html) lose the site's base path, taken from
  the `site_url` the site was built with (read back from its sitemap.xml), and resolve in the site folder;
- absolute links to the site itself (`https://example.org/nato-azerbaijan/…`: canonical links, hreflang
  alternates, sitemap.xml entries) are checked like any internal link; links to other hosts are left to
  `check-external`;
- `<meta http-equiv=refresh>` targets (the redirect pages of renamed records) are links too.
"""

from __future__ import annotations

import multiprocessing
import os
import posixpath
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..load.config import read_config
from .site_scan import LOC, column_of, scan_html, scan_sitemap, site_files

_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_REASONS = {"index": "the folder has no index.html", "missing": "no such page or file"}


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
    locs = LOC.findall(sitemap.read_text(encoding="utf-8", errors="replace"))
    if not locs:
        return None
    common = os.path.commonprefix(locs)
    return common[: common.rfind("/") + 1] if "://" in common[: common.rfind("/")] else None


def _base_path(site_url: str | None) -> str:
    """The path the site is published under, without its last `/` ("" at a host's root)."""
    return urlsplit(site_url).path.rstrip("/") if site_url else ""


class _Resolver:
    """Turns a link found on a page into (site path, fragment), or None for a link that leaves the site.
    Written for speed (it runs once per link): string operations, `unquote` only where a `%` is."""

    def __init__(self, site_url: str | None) -> None:
        self.base = _base_path(site_url)
        self.prefix = (site_url if site_url.endswith("/") else site_url + "/") if site_url else None

    def __call__(self, page: str, folder: str, link: str) -> tuple[str, str] | None:
        """`page`: the page's path in the site (`events/x/index.html`); `folder`: its folder (`/events/x`)."""
        if self.prefix and link.startswith(self.prefix):
            link = "/" + link[len(self.prefix):]
        if link.startswith("//") or (":" in link.split("/", 1)[0] and _SCHEME.match(link)):
            return None  # another host, mailto:, data: …: the external check's business
        path, _, fragment = link.partition("#")
        path = path.partition("?")[0]
        if "%" in path:
            path = unquote(path)
        if not path:
            return "/" + page, unquote(fragment)
        if path.startswith("/"):
            if self.base and (path == self.base or path.startswith(self.base + "/")):
                path = path[len(self.base):] or "/"
        else:
            path = f"{folder}/{path}"
        normal = posixpath.normpath(path)
        if path.endswith("/") and normal != "/":
            normal += "/"
        return normal, unquote(fragment) if "%" in fragment else fragment


def _target_problem(target: str, files: set[str], folders: set[str]) -> tuple[str, str | None]:
    """(why the target is missing or "", the HTML file that holds its anchors if it is a page)."""
    relative = target.lstrip("/")  # normalised: no `..` is left in it
    if target.endswith("/") or relative == "" or relative in folders:
        page = relative.rstrip("/") + "/index.html" if relative.rstrip("/") else "index.html"
        if page in files:
            return "", page
        if relative.rstrip("/") in folders or relative == "":
            return _REASONS["index"], None
        return _REASONS["missing"], None
    if relative in files:
        return "", relative if relative.endswith((".html", ".htm")) else None
    return _REASONS["missing"], None


_Resolved = tuple[int, str, str, str]  # line, link as written, target path, fragment


def _scan(relative: str) -> tuple[str, bool, frozenset[str], list[_Resolved]]:
    """Read and scan one file of the site (in a worker process when the site is large)."""
    site, resolve = _WORKER["site"], _WORKER["resolve"]
    is_page = relative.endswith((".html", ".htm"))
    data = (site / relative).read_bytes()
    scanned = scan_html(data) if is_page else scan_sitemap(data)
    folder = "/" + relative.rpartition("/")[0]
    links = []
    for link in scanned.links:
        resolved = resolve(relative, folder.rstrip("/"), link.value)
        if resolved is not None:
            links.append((link.line, link.value, *resolved))
    return relative, is_page, frozenset(scanned.anchors), links


_WORKER: dict = {}


def _start_worker(site: Path, site_url: str | None) -> None:
    _WORKER.update(site=site, resolve=_Resolver(site_url))


def _scanned(site: Path, site_url: str | None, files: list[str]) -> Iterator[tuple[str, bool, frozenset[str],
                                                                                   list[_Resolved]]]:
    """`_scan` of each file, in order; over a pool of processes (one per core) for a large site."""
    _start_worker(site, site_url)
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(files) < PARALLEL_FROM:
        yield from map(_scan, files)
        return
    with multiprocessing.get_context("fork").Pool(workers, _start_worker, (site, site_url)) as pool:
        yield from pool.imap(_scan, files, chunksize=64)


PARALLEL_FROM = 500  # files; below this, starting processes costs more than it saves


def check_site(site_dir: Path, site_url: str | None = None) -> SiteCheck:
    """Check every internal link and fragment of the built site; return the breaks found.

    Every HTML page and sitemap is scanned once (`site_scan`); links to a page's anchors are checked
    against that page's anchors as soon as it has been scanned, so no page is read twice."""
    site = site_dir.resolve()
    start = time.perf_counter()
    files, folders = site_files(site)
    anchors: dict[str, frozenset[str]] = {}
    waiting: dict[str, list[tuple[str, int, str, str, str]]] = {}  # page → links to its anchors, not yet read
    breaks: list[Break] = []
    unique: set[tuple[str, str]] = set()
    total = pages = 0
    scanned = sorted(f for f in files if f.endswith((".html", ".htm", ".xml")))
    for relative, is_page, found, links in _scanned(site, site_url, scanned):
        pages += is_page
        anchors[relative] = found
        for where, line, link, fragment, target in waiting.pop(relative, ()):
            _check_fragment(breaks, where, line, link, fragment, target, found)
        total += len(links)
        for line, link, target, fragment in links:
            unique.add((target, fragment))
            problem, page = _target_problem(target, files, folders)
            if problem:
                breaks.append(Break(relative, line, 0, link, target, problem))
            elif page and fragment and fragment != "top" and not fragment.startswith(":~:"):
                if page in anchors:
                    _check_fragment(breaks, relative, line, link, fragment, target, anchors[page])
                else:
                    waiting.setdefault(page, []).append((relative, line, link, fragment, target))
    for page, pending in waiting.items():  # linked pages that were never read (not HTML after all)
        for where, line, link, fragment, target in pending:
            _check_fragment(breaks, where, line, link, fragment, target, anchors.get(page, frozenset()))
    seconds = time.perf_counter() - start
    return SiteCheck(sorted(set(_with_columns(site, breaks)), key=lambda b: (b.page, b.line, b.column, b.link)),
                     total, len(unique), pages, seconds)


def _check_fragment(breaks: list[Break], page: str, line: int, link: str, fragment: str, target: str,
                    anchors: frozenset[str]) -> None:
    if fragment not in anchors:
        breaks.append(Break(page, line, 0, link, target, f"no anchor #{fragment} on the target page"))


def _with_columns(site: Path, breaks: list[Break]) -> list[Break]:
    """The breaks with the column of each link, found in its page's text (read again only for breaks)."""
    texts: dict[str, str] = {}
    located = []
    for b in breaks:
        if b.page not in texts:
            texts[b.page] = (site / b.page).read_text(encoding="utf-8", errors="replace")
        located.append(replace(b, column=column_of(texts[b.page], b.line, b.link)))
    return located


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
