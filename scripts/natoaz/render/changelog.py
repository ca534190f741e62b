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
from .blocks import ref_link
from .escape import esc
from .feed import Entry, ReleaseEntry, entries
from .model import Site
from .routes import CHANGELOG as PAGE
from .routes import DATA, release_page
from .text import front_matter, link, plural

PER_PAGE = 200
DESCRIPTION = "Numbered releases of the NATO–Azerbaijan reference data, with the records added and corrected in each."
LEVEL_WORDS = {"major": "major release (a change that can break existing uses of the data)",
               "minor": "minor release (records or fields added)", "patch": "patch release (corrections only)",
               "none": "no change in the data"}


UNRELEASED = "unreleased"  # changes after the newest cut release while data/release.yaml keeps its number


@dataclass(frozen=True)
class ReleaseChanges:
    release: Release
    cut: bool  # False: the number in data/release.yaml, not cut yet (`make release`), or UNRELEASED
    changes: list[Entry]

    @property
    def title(self) -> str:
        if self.release.version == UNRELEASED:
            return "Not yet released"
        return f"Release {self.release.version}" + ("" if self.cut else " (in preparation)")


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
    text = f"{sum(added.values())} added ({', '.join(parts)})" if parts else "nothing added"
    return f"{text}; {plural(corrected, 'correction')}"


def changelog_index(site: Site, found: list[ReleaseChanges]) -> str:
    here = PAGE
    lines = ["# Changelog", "",
             "The dataset is published in numbered releases (major.minor.patch): a **major** release may break "
             "existing uses (a field removed, renamed or retyped), a **minor** one adds records or fields, a "
             "**patch** only corrects (records corrected or withdrawn). Each release below lists what was added "
             f"and corrected in it, from the records' `added` and `updated` dates. How to cite a release: "
             f"[Data page]({link(here, DATA, 'cite')}).", ""]
    if not found:
        lines.append("No release has been numbered yet.")
    for item in reversed(found):
        r = item.release
        when = f"Released {parse_date(r.date).human()}" + (f": {LEVEL_WORDS.get(r.level, r.level)}."
                                                            if item.cut else ".")
        if r.version == UNRELEASED:
            when = "Changes since the newest release; the next `make release` numbers them."
        lines += [f"## {esc(item.title)} {{#{anchor(r.version)}}}", "", when, ""]
        lines += [f"- {esc(reason)}" for reason in r.reasons[:8]]
        if len(r.reasons) > 8:
            lines.append(f"- and {len(r.reasons) - 8} more differences from the previous release")
        lines += [""] if r.reasons else []
        every = link(here, release_page(r.version))
        lines += [f"{_counts(item.changes)}: [every change]({every}).", ""]
    return front_matter("Changelog", DESCRIPTION, og_type="website") + "\n".join(lines) + "\n"


def _entry_line(site: Site, here: str, entry: Entry) -> str:
    verb = "corrected" if entry.is_update else "added"
    what = ref_link(site, here, entry.collection, entry.record_id)
    return f"- {entry.updated.human()}: {registry.collection(entry.collection).singular} {verb}: {what}"


def release_pages(site: Site, item: ReleaseChanges) -> dict[str, str]:
    version = item.release.version
    chunks = [item.changes[i:i + PER_PAGE] for i in range(0, len(item.changes), PER_PAGE)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        here = release_page(version, number)
        lines = [f"# {esc(item.title)}", "",
                 f"{_counts(item.changes)}, newest first. [All releases]({link(here, PAGE)}).", ""]
        lines += [_entry_line(site, here, entry) for entry in chunk] or ["No record changed in this release."]
        if len(chunks) > 1:
            nav = [f"[{n}]({link(here, release_page(version, n))})" if n != number else f"**{n}**"
                   for n in range(1, len(chunks) + 1)]
            lines += ["", "Pages: " + " · ".join(nav)]
        title = item.title + (f", page {number}" if number > 1 else "")
        pages[here] = front_matter(title, f"What changed in the data: {item.title.lower()}.",
                                   search_exclude=True) + "\n".join(lines) + "\n"
    return pages


def feed_entries(found: list[ReleaseChanges]) -> list[ReleaseEntry]:
    """Each release for the Atom feed, oldest first."""
    return [ReleaseEntry(item.release.version, parse_date(item.release.date), release_page(item.release.version),
                         f"Release {item.release.version}: {_counts(item.changes)}.") for item in found
            if item.release.version != UNRELEASED]


def changelog_pages(site: Site, found: list[ReleaseChanges]) -> dict[str, str]:
    pages = {PAGE: changelog_index(site, found)}
    for item in found:
        pages.update(release_pages(site, item))
    return pages
