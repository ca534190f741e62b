"""Read a built site once: every page's links (with their line) and anchors, every file's path.

Each HTML page is parsed exactly once, whether it holds links, is the target of links, or both, so the
cost of checking the site grows with its size, not with links × target size. Pages are parsed by libxml2
(lxml's HTML parser, in C), so text that merely looks like a tag (in prose, code or scripts) is never
taken for a link.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")  # a sitemap entry's address
_REFRESH = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*(['\"]?)(.+?)\1\s*$", re.IGNORECASE)
# The attributes that are links, and the anchors a `#fragment` may name.
_LINKS = etree.XPath(
    "//a/@href | //area/@href | //link/@href | //img/@src | //script/@src | //iframe/@src | //source/@src"
    " | //audio/@src | //video/@src | //video/@poster | //track/@src | //embed/@src | //input/@src"
    " | //object/@data | //meta[@http-equiv]/@content")
_ANCHORS = etree.XPath("//@id | //a/@name")
_PARSER = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, huge_tree=True)


@dataclass(frozen=True)
class Link:
    line: int
    value: str  # the address, entities decoded


@dataclass
class Scanned:
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)  # ids, and names of <a name>


def scan_html(data: bytes) -> Scanned:
    """The links and anchors of one HTML document (UTF-8 bytes)."""
    root = etree.fromstring(data, _PARSER) if data.strip() else None
    if root is None:
        return Scanned()
    links = []
    for value in _LINKS(root):
        element = value.getparent()
        if element.tag == "meta":
            if str(element.get("http-equiv", "")).lower() != "refresh":
                continue
            refresh = _REFRESH.match(value)
            if not refresh:
                continue
            value = refresh.group(2)
        links.append(Link(element.sourceline or 0, str(value).strip()))
    return Scanned(links, {str(a) for a in _ANCHORS(root)})


def column_of(text: str, line: int, value: str) -> int:
    """Where (1-based, in characters) an attribute holding `value` starts on `line` of `text`; 1 if unsure."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return 1
    row = lines[line - 1]
    for written in (value, value.replace("&", "&amp;")):
        at = row.find(f'"{written}"')
        if at >= 0:
            return at + 2
    return 1


_HREF = re.compile(r"""<[\w:]*link\b[^>]*?\shref=["']([^"']+)["']""")


def scan_sitemap(data: bytes) -> Scanned:
    """The `<loc>` addresses of a sitemap (or feed), and the `href` of its `<xhtml:link>` (or `<link>`) tags."""
    text = data.decode("utf-8", errors="replace")
    found = Scanned()
    for pattern in (LOC, _HREF):
        line, offset = 1, 0
        for m in pattern.finditer(text):
            line, offset = line + text.count("\n", offset, m.start(1)), m.start(1)
            found.links.append(Link(line, m.group(1)))
    return found


def site_files(site: Path) -> tuple[set[str], set[str]]:
    """Every file and every folder of the site, as paths relative to it with `/` separators."""
    files: set[str] = set()
    folders: set[str] = {""}
    for folder, dirs, names in os.walk(site):
        relative = Path(folder).relative_to(site).as_posix()
        prefix = "" if relative == "." else relative + "/"
        folders.update(prefix + d for d in dirs)
        files.update(prefix + n for n in names)
    return files, folders
