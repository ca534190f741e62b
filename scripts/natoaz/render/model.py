"""What the pages need to know about the dataset: sorted records, paths and cross-references."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..model import registry
from ..model.dates import PartialDate
from ..model.records import Dataset, Record, date_of
from ..model.registry import NAMES
from .abbr import Abbreviations
from .options import SiteOptions
from .routes import page_of, timeline_part

# A year with more entries than this is split into pages of equal size (none of them larger), at any scale.
# Measured (Lighthouse mobile, median of 5, loaded machine): a part of 30 entries (2025: 67 KB, 562 elements)
# scored 91 (TBT 220 ms), one of 18 (2008: 52 KB, 476 elements) 98 (TBT 66 ms); so 20, and 2025 is in two pages.
PART_SIZE = 20


def split_evenly(items: list, most: int) -> list[list]:
    """`items` in the fewest pages of at most `most` items, of equal size (the first pages one longer)."""
    count = max(1, -(-len(items) // most))
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for n in range(count):
        end = start + size + (1 if n < extra else 0)
        out.append(items[start:end])
        start = end
    return out


@dataclass
class Site:
    """The dataset plus every reverse link a page shows (who refers to whom), derived from the links
    the schemas declare."""

    data: Dataset
    options: SiteOptions = field(default_factory=SiteOptions)
    # (collection, id) -> {referring collection: [ids in page order]}
    referrers: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=lambda: defaultdict(dict))
    _sorted: dict[str, list[Record]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_day: dict[tuple[str, str, str], tuple[list[int], list[str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in NAMES:
            for record in self.sorted(name):
                for target, ref in dict.fromkeys((target, ref) for _, target, ref in record.links()):
                    self.referrers[(target, ref)].setdefault(name, []).append(record.id)

    def referring(self, collection: str, record_id: str, by: str) -> list[str]:
        """Ids of the `by` records that refer to a record, in page order."""
        return self.referrers.get((collection, record_id), {}).get(by, [])

    def nearest_in_time(self, collection: str, record_id: str, by: str, record: Record, most: int) -> list[str]:
        """Ids of the `most` `by` records referring to a record whose first day is nearest `record`'s (ties: by
        id), `record` itself left out; in date order. A search in the referrers sorted by day (sorted once per
        referred record), so a page costs the same however many records refer to the same one."""
        key = (collection, record_id, by)
        if key not in self._by_day:
            dated = sorted((date_of(self.record(by, i)).first_day.toordinal(), i)
                           for i in self.referring(collection, record_id, by))
            self._by_day[key] = ([day for day, _ in dated], [i for _, i in dated])
        days, ids = self._by_day[key]
        day = date_of(record).first_day.toordinal()
        lo = hi = bisect_left(days, day)
        found, radius = 0, 0
        while found < most and (lo > 0 or hi < len(days)):  # widen to the `most`-th nearest other record
            if hi < len(days) and (lo == 0 or days[hi] - day <= day - days[lo - 1]):
                radius, taken, hi = days[hi] - day, ids[hi], hi + 1
            else:
                radius, taken, lo = day - days[lo - 1], ids[lo - 1], lo - 1
            found += taken != record.id
        window = range(bisect_left(days, day - radius), bisect_right(days, day + radius)) if found else range(0)
        near = sorted((abs(days[n] - day), ids[n], days[n]) for n in window if ids[n] != record.id)[:most]
        return [i for _, i, _ in sorted(near, key=lambda item: (item[2], item[1]))]

    @cached_property
    def entry_tags(self) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
        """Sectors and programmes of each timeline entry (event or quote), worked out once for the filter, the
        counts and the year list; a quote inherits those of the events it names."""
        out = {}
        for record in [*self.events, *self.quotes]:
            sources = [record] + [self.record("events", e) for e in record.links_to("events")
                                  if e in self.data["events"]]
            out[(record.collection, record.id)] = (
                list(dict.fromkeys(s for r in sources for s in r.links_to("sectors"))),
                list(dict.fromkeys(p for r in sources for p in r.links_to("programmes"))))
        return out

    @cached_property
    def event_positions(self) -> dict[str, int]:
        """Each event's place in `events` (date order)."""
        return {event.id: n for n, event in enumerate(self.events)}

    def cited_by(self, source_id: str) -> dict[str, list[str]]:
        """The records citing a source, per collection."""
        return dict(sorted(self.referrers.get(("sources", source_id), {}).items()))

    def sorted(self, collection: str) -> list[Record]:
        """The collection in page order (computed once per site; a fresh list each call)."""
        if collection not in self._sorted:
            self._sorted[collection] = sorted(self.data[collection].values(), key=registry.collection(collection).order)
        return list(self._sorted[collection])

    @cached_property
    def events(self) -> list[Record]:
        return self.sorted("events")

    @cached_property
    def quotes(self) -> list[Record]:
        return self.sorted("quotes")

    @cached_property
    def programmes(self) -> list[Record]:
        return self.sorted("programmes")

    @cached_property
    def abbreviations(self) -> Abbreviations:
        """The glossary's terms and expansions, for marking them up as abbreviations."""
        return Abbreviations((str(r.data.get("term", "")), str(r.data.get("expansion", "")))
                             for r in self.sorted("glossary"))

    def abbr(self, fragment: str) -> str:
        """Rendered text from data with every glossary term marked up as `<abbr>` (see abbr.py)."""
        return self.abbreviations.mark(fragment)

    @cached_property
    def timeline_years(self) -> dict[int, list[list[Record]]]:
        """The timeline's entries (events and quotes in date order) by year, each year in its pages."""
        entries = sorted([*self.events, *self.quotes], key=lambda r: (date_of(r), r.collection, r.id))
        by_year: dict[int, list[Record]] = defaultdict(list)
        for record in entries:
            by_year[date_of(record).year].append(record)
        return {year: split_evenly(records, PART_SIZE) for year, records in sorted(by_year.items())}

    @cached_property
    def _timeline_places(self) -> dict[tuple[str, str], str]:
        return {(record.collection, record.id): timeline_part(year, number)
                for year, parts in self.timeline_years.items()
                for number, part in enumerate(parts, start=1) for record in part}

    def timeline_place(self, collection: str, record_id: str) -> str:
        """The timeline part that shows an event or a quote."""
        return self._timeline_places[(collection, record_id)]

    def permalink(self, collection: str, record_id: str) -> str:
        """The record page's absolute URL (root-relative when no site_url is configured)."""
        return self.options.url(page_of(collection, record_id))

    def record(self, collection: str, record_id: str) -> Record:
        return self.data[collection][record_id]

    def label(self, collection: str, record_id: str) -> str:
        """The human name of a record, for link texts."""
        return registry.collection(collection).title(self.data, self.data[collection][record_id])

    @property
    def version(self) -> str | None:
        """The release number in data/release.yaml (None where the data has none)."""
        return self.data.release.version

    @cached_property
    def release(self) -> PartialDate:
        """The data release date: the newest `added`/`updated` date in the data (never the clock)."""
        newest = PartialDate(1970, 1, 1)
        for records in self.data.records.values():
            for record in records.values():
                for key in ("added", "updated"):
                    if record.data.get(key):
                        newest = max(newest, date_of(record, (key,)))
        return newest


def release_label(site: Site) -> str:
    """`release 1.2.0 of 27 November 2026`, or `release of 27 November 2026` without a number."""
    number = f" {site.version}" if site.version else ""
    return f"release{number} of {site.release.human()}"


def stamp_of(record: Record) -> PartialDate | None:
    """When the record last changed in the data: `updated`, else `added`, else None."""
    for key in ("updated", "added"):
        if record.data.get(key):
            return date_of(record, (key,))
    return None
