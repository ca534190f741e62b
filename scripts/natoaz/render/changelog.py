"""The changelog: one section per numbered release, newest first, with the records added and corrected in
it (from their `added`/`updated` dates and public corrections). The index stays short (a summary per
release); each release has its own page listing its changes in pages of PER_PAGE.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import registry
from ..model.dates import parse_date
from ..model.release import Release
from .blocks import ref
from .feed import Entry, ReleaseEntry, entries
from .i18n import t
from .model import Site
from .paging import chunked
from .routes import CHANGELOG as PAGE
from .routes import DATA, release_page
from .templates import render
from .text import link, plural

PER_PAGE = 200


UNRELEASED = "unreleased"  # changes after the newest cut release while data/release.yaml keeps its number


@dataclass(frozen=True)
class ReleaseChanges:
    release: Release
    cut: bool  # False: the number in data/release.yaml, not cut yet (`make release`), or UNRELEASED
    changes: list[Entry]

    @property
    def view(self) -> dict[str, object]:
        """What templates/changelog/parts.md.j2 names a release by."""
        return {"version": self.release.version, "cut": self.cut, "unreleased": self.release.version == UNRELEASED}


def releases(site: Site) -> list[ReleaseChanges]:
    """Every release, oldest first, each with the changes dated up to its date (after the previous one's)."""
    history = list(site.data.release.history)
    cut = [True] * len(history)
    version = site.data.release.version
    if version and version not in {r.version for r in history}:
        history.append(Release(version, site.release.iso(), "none", ()))
        cut.append(False)
    if not history:
        return []
    buckets: list[list[Entry]] = [[] for _ in history]
    later: list[Entry] = []
    ends = [parse_date(r.date).first_day for r in history]
    for entry in entries(site, limit=None):
        day = entry.updated.first_day
        index = next((i for i, end in enumerate(ends) if day <= end), None)
        (later if index is None else buckets[index]).append(entry)
    found = [ReleaseChanges(r, c, b) for r, c, b in zip(history, cut, buckets, strict=True)]
    if later:
        found.append(ReleaseChanges(Release(UNRELEASED, site.release.iso()), False, later))
    return found


def anchor(version: str) -> str:
    return "release-" + version.replace(".", "-")


def _counts(changes: list[Entry]) -> str:
    added = Counter(e.collection for e in changes if not e.is_update)
    corrected = sum(1 for e in changes if e.is_update)
    parts = [plural(n, registry.collection(c).singular, "people" if c == "people" else "")
             for c, n in sorted(added.items())]
    text = (t("{count} added ({parts})", count=sum(added.values()), parts=", ".join(parts)) if parts
            else t("nothing added"))
    return t("{added}; {corrections}", added=text, corrections=plural(corrected, "correction"))



def changelog_index(site: Site, found: list[ReleaseChanges]) -> str:
    here = PAGE
    shown = []
    for item in reversed(found):
        r = item.release
        shown.append({**item.view, "anchor": anchor(r.version), "date": parse_date(r.date).human(), "level": r.level,
                      "reasons": r.reasons[:8], "more": max(0, len(r.reasons) - 8), "counts": _counts(item.changes),
                      "href": link(here, release_page(r.version))})
    return render("changelog/index.md.j2", releases=shown, cite=link(here, DATA, "cite"))


def release_pages(site: Site, item: ReleaseChanges) -> dict[str, str]:
    version = item.release.version
    chunks = chunked(item.changes, PER_PAGE)
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = release_page(version, number)
        entries = [{"date": e.updated.human(), "kind": registry.collection(e.collection).singular,
                    "corrected": e.is_update, "record": ref(site, here, e.collection, e.record_id)} for e in chunk]
        others = [{"number": n, "href": link(here, release_page(version, n)) if n != number else None}
                  for n in range(1, len(chunks) + 1)] if len(chunks) > 1 else []
        pages[here] = render("changelog/release.md.j2", release=item.view, number=number, entries=entries,
                             counts=_counts(item.changes), index=link(here, PAGE), pages=others)
    return pages


def feed_entries(found: list[ReleaseChanges]) -> list[ReleaseEntry]:
    """Each release for the Atom feed, oldest first."""
    return [ReleaseEntry(item.release.version, parse_date(item.release.date), release_page(item.release.version),
                         t("Release {version}: {counts}.", version=item.release.version, counts=_counts(item.changes)))
            for item in found
            if item.release.version != UNRELEASED]


def changelog_pages(site: Site, found: list[ReleaseChanges]) -> dict[str, str]:
    pages = {PAGE: changelog_index(site, found)}
    for item in found:
        pages.update(release_pages(site, item))
    return pages
