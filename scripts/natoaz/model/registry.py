"""The collection registry: one definition per collection, which every module loops over.

A collection's name is its folder under data/, its page folder and its schema file
(`schemas/<name>.schema.json`); its label ("Event") is the schema's title and its singular the
label in lower case. The links between collections are declared in the schemas (`"x-refers-to"`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .records import Dataset, Record, date_of
from .schema import load_schema


def surname_key(name: str) -> str:
    parts = name.lower().split()
    return " ".join(parts[-1:] + parts[:-1])


def _by_date(record: Record) -> tuple:
    return date_of(record), record.id


def _name(dataset: Dataset, record: Record) -> str:
    data = record.data
    return str(data.get("title") or data.get("name") or record.id)


def _programme_name(dataset: Dataset, record: Record) -> str:
    name = record.data.get("name", record.id)
    return f"{name} ({record.data['acronym']})" if record.data.get("acronym") else name


def first_words(text: object, count: int = 8) -> str:
    """The opening words of a quotation, in quotation marks (“We are …”), to tell quotes apart."""
    words = " ".join(str(text).split()).split(" ")
    head = " ".join(words[:count]).rstrip(",;:—–-")
    return f"“{head}…”" if len(words) > count else f"“{head}”"


def _quote_name(dataset: Dataset, record: Record) -> str:
    """A quote by its words, then who said it and when: “Azerbaijan is a …” — Jens Stoltenberg, 17 March 2024."""
    speaker = dataset["people"].get(record.data.get("speaker", ""))
    who = speaker.data.get("name") if speaker else record.data.get("speaker")
    return f"{first_words(record.data.get('text', ''))} — {who}, {date_of(record).human()}"


def _term_name(dataset: Dataset, record: Record) -> str:
    """A glossary term with its expansion: PfP (Partnership for Peace)."""
    return f"{record.data.get('term', record.id)} ({record.data.get('expansion', '')})"


@dataclass(frozen=True)
class Collection:
    name: str  # data/<name>/, pages under <name>/, schemas/<name>.schema.json
    order: Callable[[Record], Any]  # sort key of the page order
    title: Callable[[Dataset, Record], str] = _name  # a record's human name, for link texts
    files: str = "record"  # how data/<name>/ is split: one file a "record", a "year" or a "list"
    jsonld: str = ""  # schema.org type of its record pages
    search_boost: float = 0  # > 1 ranks its pages higher in the site search
    search_exclude: bool = False  # its pages are found through an index page instead

    @property
    def label(self) -> str:
        return str(load_schema(self.name)["title"])

    @property
    def singular(self) -> str:
        return self.label.lower()


# In load order: a collection comes after those it refers to.
COLLECTIONS: tuple[Collection, ...] = (
    Collection("sectors", order=lambda r: r.id, files="list", search_boost=2),
    Collection("sources", order=lambda r: (str(r.data.get("publisher", "")).lower(), str(r.data.get("date", "")),
                                           r.id), search_exclude=True),
    Collection("people", order=lambda r: (surname_key(str(r.data.get("name", ""))), r.id), jsonld="Person",
               search_boost=1.5),
    Collection("programmes", order=lambda r: (str(r.data.get("name", "")).lower(), r.id), title=_programme_name,
               search_boost=3),
    Collection("events", order=_by_date, files="year"),
    Collection("quotes", order=_by_date, title=_quote_name, files="year", jsonld="Quotation"),
    Collection("glossary", order=lambda r: (str(r.data.get("term", "")).lower(), r.id), title=_term_name,
               files="list", search_exclude=True),
)
NAMES: tuple[str, ...] = tuple(c.name for c in COLLECTIONS)
_BY_NAME = {c.name: c for c in COLLECTIONS}


def collection(name: str) -> Collection:
    return _BY_NAME[name]


def by_singular(singular: str) -> Collection:
    return next(c for c in COLLECTIONS if c.singular == singular)
