"""Figures about a built site: pages, size, search index, the home page's weight and the largest page of each kind."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

KB = 1024
SEARCH_BUNDLE = "pagefind"  # Pagefind's bundle of the English edition (the root one)
# What the first search fetches before any index chunk: script, worker, WebAssembly, metadata, fold table.
_SEARCH_FIRST = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "fold.json", "wasm.en.pagefind",
                 "*.pf_meta")
# Stylesheets and scripts the home page loads (Material: main + palette CSS, the JS bundle).
_ASSET = re.compile(r"""<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']([^"']+)["']"""
                    r"""|<script\b[^>]*\bsrc=["']([^"']+)["']""")


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at level 6 (what web servers typically use on the fly)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _local_assets(html: str) -> list[str]:
    found = []
    for match in _ASSET.finditer(html):
        href = match.group(1) or match.group(2)
        parts = urlsplit(href)
        if not parts.scheme and not parts.netloc and parts.path:
            found.append(parts.path.lstrip("/"))
    return sorted(set(found))


def home_weight(site: Path) -> dict[str, int]:
    """index.html plus the CSS and JS it loads: raw and gzip bytes."""
    html = (site / "index.html").read_bytes()
    css = js = css_gz = js_gz = 0
    for rel in _local_assets(html.decode("utf-8", errors="replace")):
        path = site / rel
        if not path.is_file():
            continue
        data = path.read_bytes()
        if rel.endswith(".css"):
            css, css_gz = css + len(data), css_gz + gzip_size(data)
        else:
            js, js_gz = js + len(data), js_gz + gzip_size(data)
    return {"html": len(html), "css": css, "js": js, "total": len(html) + css + js,
            "total_gzip": gzip_size(html) + css_gz + js_gz}


# Overview pages: lists whose size must not grow with the data (issue 11: at 100x the largest page of each
# of these kinds is at most OVERVIEW_MAX times its size at 1x). Record pages are listed for information.
OVERVIEW_KINDS = ("home", "timeline overview", "timeline part", "programmes index", "programmes index, page ≥ 2",
                  "people index", "people index, page ≥ 2", "quotes index", "quotes index, page ≥ 2",
                  "sources index", "sources index, page ≥ 2", "sectors index", "sector", "corrections",
                  "corrections, page ≥ 2", "changelog", "changelog release", "glossary index",
                  "glossary index, page ≥ 2", "quotes by speaker")
RECORD_KINDS = {"events": "event", "programmes": "programme", "people": "person", "quotes": "quote",
                "sources": "source", "sectors": "sector", "glossary": "glossary term"}
_PAGED = re.compile(r"^page-\d+$")
_YEAR_PART = re.compile(r"^\d{4}(-page-\d+)?$")


def _section_kind(section: str, rest: list[str]) -> str:
    """The kind of a page in a section folder (`rest`: the folders below it)."""
    paged = bool(rest) and len(rest) == 1 and bool(_PAGED.match(rest[0]))
    if section == "timeline":
        return "timeline overview" if not rest else "timeline part" if _YEAR_PART.match(rest[0]) else "other"
    if section == "data":
        return "data page" if not rest else "other"
    if section == "corrections":
        return section + (", page ≥ 2" if paged else "") if len(rest) <= 1 else "other"
    if section == "changelog":
        return "changelog" if not rest else "changelog release"
    if section not in RECORD_KINDS:
        return "other"
    if not rest:
        return f"{section} index"
    if paged and section != "sectors":
        return f"{section} index, page ≥ 2"
    if section == "quotes" and rest[0] == "by-speaker":
        return "quotes by speaker"
    return RECORD_KINDS[section] if len(rest) == 1 else "other"


def page_kind(rel: str) -> str:
    """The kind of a built page from its path in site/ (`programmes/page-2/index.html` → programmes index,
    page ≥ 2); a language folder (`az/…`) counts as its page's kind."""
    parts = rel.split("/")
    if len(parts) > 1 and re.fullmatch(r"[a-z]{2}", parts[0]):
        parts = parts[1:]
    if parts[-1] != "index.html":
        return "other"
    if len(parts) == 1:
        return "home"
    return _section_kind(parts[0], parts[1:-1])


def largest_pages(site: Path) -> dict[str, dict[str, int | str]]:
    """For each kind of page: the largest one's HTML size and path, and how many pages of that kind."""
    found: dict[str, dict[str, int | str]] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        kind = page_kind(rel)
        size = path.stat().st_size
        entry = found.setdefault(kind, {"bytes": 0, "page": "", "pages": 0})
        entry["pages"] = int(entry["pages"]) + 1
        if size > int(entry["bytes"]):
            entry.update(bytes=size, page=rel)
    return dict(sorted(found.items()))


def search_bundle(site: Path) -> dict[str, int]:
    """Pagefind's bundle: all its files, and those the first search loads before any index chunk (the
    chunks and fragments it then fetches are a few KB each, whatever the scale: `make bench-search`)."""
    bundle = site / SEARCH_BUNDLE
    files = [p for p in bundle.rglob("*") if p.is_file()] if bundle.is_dir() else []
    first = {p for pattern in _SEARCH_FIRST for p in bundle.glob(pattern)} if files else set()
    return {"search_index_bytes": sum(p.stat().st_size for p in files), "search_index_files": len(files),
            "search_first_load_bytes": sum(p.stat().st_size for p in first)}


def site_metrics(site: Path) -> dict[str, Any]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "files": len(files),
        "site_bytes": sum(p.stat().st_size for p in files),
        **search_bundle(site),
        "home": home_weight(site) if (site / "index.html").is_file() else {},
        "largest": largest_pages(site),
    }
