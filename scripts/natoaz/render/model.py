"""What the pages need to know about the dataset: sorted records, paths and cross-references."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..load.dataset import Dataset, Record
from ..model.dates import PartialDate, parse_date
from .options import SiteOptions

# Page of each record, relative to the docs folder.
FOLDER = {"events": "events", "programmes": "programmes", "quotes": "quotes", "people": "people",
          "sectors": "sectors", "sources": "sources"}
TIMELINE = "timeline/index.md"


def timeline_part(year: int) -> str:
    """The timeline's page for one year (the overview is TIMELINE)."""
    return f"timeline/{year}.md"


def page_of(collection: str, record_id: str) -> str:
    return f"{FOLDER[collection]}/{record_id}.md"


def index_of(collection: str) -> str:
    return f"{FOLDER[collection]}/index.md"


# Pages ask for the same dates over and over (sorting, labels, lists); PartialDate is immutable.
_parse_date = lru_cache(maxsize=65536)(parse_date)


def date_of(record: Record, path: tuple = ("date",)) -> PartialDate:
    value = record.data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    try:
        return _parse_date(str(value))
    except ValueError:
        return PartialDate(0)


@dataclass
class Site:
    """The dataset plus every reverse link a page shows (who cites whom)."""

    data: Dataset
    options: SiteOptions = field(default_factory=SiteOptions)
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    events_of: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    quotes_of: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    programmes_of: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    _sorted: dict[str, list[Record]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for event in self.events:
            for key in ("programmes", "people", "sectors"):
                for ref in event.data.get(key) or []:
                    self.events_of[(key, ref)].append(event.id)
        for quote in self.quotes:
            refs = [("people", quote.data.get("speaker")), ("events", quote.data.get("event"))]
            refs += [("programmes", p) for p in quote.data.get("programmes") or []]
            refs += [("sectors", s) for s in quote.data.get("sectors") or []]
            for key, ref in refs:
                if ref:
                    self.quotes_of[(key, ref)].append(quote.id)
        for programme in self.programmes:
            for sector in programme.data.get("sectors") or []:
                self.programmes_of[("sectors", sector)].append(programme.id)
            if programme.data.get("parent"):
                self.programmes_of[("parent", programme.data["parent"])].append(programme.id)
        for collection in ("events", "programmes", "quotes", "people"):
            for record in self.sorted(collection):
                for source in self.sources_of(record):
                    self.cited_by[source].append((collection, record.id))

    def sorted(self, collection: str) -> list[Record]:
        """The collection in page order (computed once per site; a fresh list each call)."""
        if collection not in self._sorted:
            self._sorted[collection] = self._sort(collection)
        return list(self._sorted[collection])

    def _sort(self, collection: str) -> list[Record]:
        records = self.data[collection].values()
        if collection in ("events", "quotes"):
            return sorted(records, key=lambda r: (date_of(r), r.id))
        if collection == "programmes":
            return sorted(records, key=lambda r: (str(r.data.get("name", "")).lower(), r.id))
        if collection == "people":
            return sorted(records, key=lambda r: (surname_key(str(r.data.get("name", ""))), r.id))
        if collection == "sources":
            return sorted(records, key=lambda r: (str(r.data.get("publisher", "")).lower(),
                                                  str(r.data.get("date", "")), r.id))
        return sorted(records, key=lambda r: r.id)

    @cached_property
    def events(self) -> list[Record]:
        return self.sorted("events")

    @cached_property
    def quotes(self) -> list[Record]:
        return self.sorted("quotes")

    @cached_property
    def programmes(self) -> list[Record]:
        return self.sorted("programmes")

    def permalink(self, collection: str, record_id: str) -> str:
        """The record page's absolute URL (root-relative when no site_url is configured)."""
        return self.options.url(page_of(collection, record_id))

    def record(self, collection: str, record_id: str) -> Record:
        return self.data[collection][record_id]

    @staticmethod
    def sources_of(record: Record) -> list[str]:
        return record.cited_sources

    def label(self, collection: str, record_id: str) -> str:
        """The human name of a record, for link texts."""
        data = self.data[collection][record_id].data
        if collection == "programmes":
            name = data.get("name", record_id)
            return f"{name} ({data['acronym']})" if data.get("acronym") else name
        if collection == "quotes":
            speaker = self.data["people"].get(data.get("speaker", ""))
            who = speaker.data.get("name") if speaker else data.get("speaker")
            return f"{who}, {date_of(self.data['quotes'][record_id]).human()}"
        return str(data.get("title") or data.get("name") or record_id)

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


def stamp_of(record: Record) -> PartialDate | None:
    """When the record last changed in the data: `updated`, else `added`, else None."""
    for key in ("updated", "added"):
        if record.data.get(key):
            return date_of(record, (key,))
    return None


def surname_key(name: str) -> str:
    parts = name.lower().split()
    return " ".join(parts[-1:] + parts[:-1])
