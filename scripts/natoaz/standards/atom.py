"""feed.xml against RFC 4287: its RELAX NG schema (Appendix B, tools/standards/atom/atom.rng), the
rules the RFC states in that schema's Schematron annotations (which RELAX NG validators skip), and
ours: unique ids that name their record rather than its address (so they stay the same from build
to build and wherever the site is published), and a feed `updated` not older than its newest entry."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from .findings import Finding
from .xmlschema import parse, relaxng, validate

FEED = "feed.xml"
NS = {"atom": "http://www.w3.org/2005/Atom"}


def _line(element: etree._Element) -> int:
    return element.sourceline or 0


def _stable_id(entry: etree._Element, label: str) -> list[Finding]:
    """An entry's id must stay the same from build to build and wherever the site is published: a
    name for the record its link points to (`…events/1994-05-04-pfp-signed`), not an address."""
    ident = entry.findtext("atom:id", "", NS).strip()
    link = entry.find("atom:link[@rel='alternate']", NS)
    if not ident or link is None:
        return []
    if urlsplit(ident).scheme in ("http", "https"):
        return [Finding(label, _line(entry), 0, "error", f"entry id {ident!r} is an address: it changes with "
                        "site_url (preview, mirror, new domain); use a name such as a tag: URI (RFC 4151)")]
    record = "/".join(urlsplit(link.get("href", "")).path.strip("/").split("/")[-2:])
    if record and record not in ident:
        return [Finding(label, _line(entry), 0, "error",
                        f"entry id {ident!r} does not name the record its link points to ({record})")]
    return []


def rfc_rules(tree: etree._ElementTree, label: str) -> list[Finding]:
    """RFC 4287 rules beyond the grammar: 4.1.1, 4.1.2, 4.2.6."""
    feed = tree.getroot()
    found = []
    entries = feed.findall("atom:entry", NS)
    if feed.find("atom:author", NS) is None:
        for entry in entries:
            if entry.find("atom:author", NS) is None:
                found.append(Finding(label, _line(entry), 0, "error",
                                     "entry without atom:author in a feed without one (RFC 4287 4.1.1)"))
    for entry in entries:
        alternate = entry.xpath("atom:link[@rel='alternate' or not(@rel)]", namespaces=NS)
        if not alternate and entry.find("atom:content", NS) is None:
            found.append(Finding(label, _line(entry), 0, "error",
                                 "entry without a rel=alternate link or atom:content (RFC 4287 4.1.2)"))
    if not feed.xpath("atom:link[@rel='self']", namespaces=NS):
        found.append(Finding(label, _line(feed), 0, "warning", "feed without a rel=self link (RFC 4287 4.1.1: SHOULD)"))
    for element in [feed.find("atom:id", NS), *(e.find("atom:id", NS) for e in entries)]:
        if element is None:
            continue  # reported by the schema
        value = (element.text or "").strip()
        if not urlsplit(value).scheme:
            found.append(Finding(label, _line(element), 0, "error",
                                 f"atom:id {value!r} is not an absolute IRI (RFC 4287 4.2.6)"))
    return found


def project_rules(tree: etree._ElementTree, label: str) -> list[Finding]:
    """Ours: one entry per id, ids that name their record, a feed `updated` not older than its entries."""
    feed = tree.getroot()
    found = []
    entries = feed.findall("atom:entry", NS)
    seen: dict[str, int] = {}
    for element in [feed.find("atom:id", NS), *(e.find("atom:id", NS) for e in entries)]:
        if element is None:
            continue  # reported by the schema
        value = (element.text or "").strip()
        if value in seen:
            found.append(Finding(label, _line(element), 0, "error",
                                 f"atom:id {value!r} already used on line {seen[value]}"))
        seen.setdefault(value, _line(element))
    for entry in entries:
        found.extend(_stable_id(entry, label))
    newest = max((e.findtext("atom:updated", "", NS) for e in entries), default=None)
    updated = feed.find("atom:updated", NS)
    if newest and updated is not None and (updated.text or "") < newest:
        found.append(Finding(label, _line(updated), 0, "error",
                             f"feed updated {updated.text} is older than its newest entry ({newest})"))
    return found


def check_feed(data: bytes, label: str = FEED, ours: bool = True) -> tuple[list[Finding], int]:
    """Findings of one feed document (RFC 4287, and with `ours` the project's rules) and its entries."""
    tree, found = parse(data, label)
    if tree is None:
        return found, 0
    found = validate(tree, relaxng(), label)
    if tree.getroot().tag != f"{{{NS['atom']}}}feed":
        return found or [Finding(label, 1, 0, "error", "the root element is not atom:feed")], 0
    found += rfc_rules(tree, label) + (project_rules(tree, label) if ours else [])
    return found, len(tree.getroot().findall("atom:entry", NS))


def check_site(site: Path) -> tuple[list[Finding], int]:
    path = site / FEED
    if not path.is_file():
        return [Finding(FEED, 0, 0, "error", "missing: the build writes feed.xml")], 0
    return check_feed(path.read_bytes())
