"""Figures about a built site: pages, size, search index and the home page's weight."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urlsplit

KB = 1024
SEARCH_INDEX = "search/search_index.json"
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


def site_metrics(site: Path) -> dict[str, int | dict[str, int]]:
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / SEARCH_INDEX
    raw = index.read_bytes() if index.is_file() else b""
    return {
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "files": len(files),
        "site_bytes": sum(p.stat().st_size for p in files),
        "search_index_bytes": len(raw),
        "search_index_gzip_bytes": gzip_size(raw) if raw else 0,
        "home": home_weight(site) if (site / "index.html").is_file() else {},
    }
