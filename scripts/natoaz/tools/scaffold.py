"""`new`: add a record skeleton to the right data file, its id following the collection's convention.

Only what the tool cannot know is asked for (title or name, date, and a source's publisher or a
quote's speaker); every other choice is written as a `TODO: …` placeholder that the checker refuses
until it is replaced. Ids: events `date-slug`, quotes `speaker-date-slug`, sources
`publisher-date-slug`, people `first-last`, programmes `name-slug`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date as _date
from pathlib import Path

from ..check.editor_checks import PLACEHOLDER, _name_key
from ..load.dataset import load_dataset
from ..model.dates import parse_date
from ..model.registry import COLLECTIONS, by_singular
from ..model.schema import expanded

SCHEMA_HEADER = "# yaml-language-server: $schema=../../schemas/{collection}.schema.json\n"
ASKED = ("date", "publisher", "speaker")  # fields `make new` takes as variables (DATE=, …) besides TITLE


def needs(kind: str) -> list[str]:
    """What the editor must give for a kind (besides the title or name): each field in ASKED that the
    schema requires and that has no stand-in value the tool writes itself (a source's `undated`)."""
    schema = expanded(by_singular(kind).name)
    return [field for field in ASKED if field in schema.get("required", [])
            and not any("const" in option for option in schema["properties"][field].get("anyOf", []))]


def kinds() -> list[str]:
    """What `make new KIND=…` can add: every collection kept as separate records (not the sector list)."""
    return [c.singular for c in COLLECTIONS if c.files != "list"]


class ScaffoldError(Exception):
    """The record cannot be created as asked; the message says why and what to do."""


def slugify(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "record"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _todo(text: str) -> str:
    return _quote(f"{PLACEHOLDER}: {text}")


def _choose(collection: str, field: str, extra: str = "") -> str:
    options = ", ".join(map(str, expanded(collection)["properties"][field]["enum"]))
    return _todo(f"choose one of {options}{extra}")


_SOURCES = f"[{_todo('source ids from data/sources/; add a new source first with make new KIND=source')}]"
_SECTORS = f"[{_todo('sector ids from data/sectors/sectors.yaml, e.g. political-dialogue')}]"
_LANGUAGE = _todo("language code, e.g. en, az, ru")


def _record_id(kind: str, title: str, when: str, publisher: str, speaker: str) -> str:
    if kind == "event":
        return slugify(f"{when}-{title}")
    if kind == "quote":
        return slugify(f"{speaker}-{when}-{' '.join(title.split()[:6])}", 90)
    if kind == "source":
        return slugify(f"{publisher}-{when if when != 'undated' else ''}-{title}", 80)
    return slugify(title)


def _fields(kind: str, record_id: str, title: str, when: str, publisher: str, speaker: str) -> list[str]:
    """YAML lines of the skeleton; commented lines are optional fields."""
    date_value = when or _todo("YYYY-MM-DD, or YYYY-MM / YYYY as precise as the source")
    return {
        "event": [f"id: {record_id}", f"date: {date_value}", "# end: YYYY-MM-DD  (last day of a multi-day event)",
                  f"title: {_quote(title)}", f"summary: {_todo('what happened, in your own words')}",
                  f"sectors: {_SECTORS}", "# programmes: [programme-id]", "# people: [person-id]",
                  "# place: City or venue", f"sources: {_SOURCES}"],
        "quote": [f"id: {record_id}", f"text: {_quote(title)}", f"speaker: {speaker}",
                  f"role: {_todo('the speaker’s role on that day, as the source gives it')}",
                  f"date: {date_value}", f"occasion: {_todo('where or when it was said, e.g. Press conference')}",
                  "# place: City", f"language: {_LANGUAGE}",
                  f"translation: {_choose('quotes', 'translation')}", "# event: event-id",
                  f"sources: {_SOURCES}"],
        "programme": [f"id: {record_id}", f"name: {_quote(title)}", f"kind: {_choose('programmes', 'kind')}",
                      f"summary: {_todo('one sentence in your own words')}", "participation:",
                      f"  start: {date_value}", f"sectors: {_SECTORS}", f"sources: {_SOURCES}"],
        "person": [f"id: {record_id}", f"name: {_quote(title)}", "roles:",
                   f"  - title: {_todo('a role relevant to the records, e.g. Secretary General')}",
                   f"    organisation: {_todo('e.g. NATO')}", "    # start: YYYY-MM  (when a source says)",
                   f"sources: {_SOURCES}"],
        "source": [f"id: {record_id}", f"title: {_quote(title)}", f"publisher: {_quote(publisher)}",
                   f"url: {_todo('the address where you read it, https://…')}", f"date: {when or 'undated'}",
                   f"language: {_LANGUAGE}",
                   f"quality: {_choose('sources', 'quality', ' (the editing guide explains each)')}"],
    }[kind]


def _existing(data_dir: Path, collection: str, record_id: str, name: str) -> str:
    """Where a record with this id (or, for people, this name) already is, or ""."""
    dataset, _ = load_dataset(data_dir)
    if collection == "people":
        for person in dataset["people"].values():
            names = [person.data.get("name")] + list(person.data.get("other_names") or [])
            if any(isinstance(n, str) and _name_key(n) == _name_key(name) for n in names):
                return f"{name} is already in the data as `{person.id}` ({person.file}:{person.line})"
    found = dataset.get(collection, record_id)
    return f"`{record_id}` already exists at {found.file}:{found.line}" if found is not None else ""


def scaffold(kind: str, title: str, when: str, data_dir: Path, today: _date | None = None,
             publisher: str = "", speaker: str = "") -> tuple[Path, str]:
    """Append a skeleton record; return its file and id. Refuses (ScaffoldError) a second copy."""
    collection = by_singular(kind).name
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("give the title (or, for a person or programme, the name): TITLE=\"…\"")
    for need, value in (("date", when), ("publisher", publisher), ("speaker", speaker)):
        if need in needs(kind) and not value.strip():
            raise ScaffoldError(f"a new {kind} needs its {need}: {need.upper()}=…")
    today = today or _date.today()
    if when and when != "undated" and parse_date(when).first_day > today:  # parse_date explains a bad date
        raise ScaffoldError(f"{when} is in the future: records are about what has happened")
    record_id = _record_id(kind, title, when, publisher, speaker)
    clash = _existing(data_dir, collection, record_id, title)
    if clash:
        raise ScaffoldError(f"{clash}: edit that record instead of adding a second one")
    if kind == "quote":
        if load_dataset(data_dir)[0].get("people", speaker) is None:
            raise ScaffoldError(f"no person `{speaker}` in data/people/: add them first (make new KIND=person)")
    lines = _fields(kind, record_id, title, when, publisher, speaker) + [f"added: {today}"]
    folder = data_dir / collection
    if by_singular(kind).files == "year":
        path = folder / f"{when[:4]}.yaml"  # one file per year, the year of the record's date
        lines = [("- " if i == 0 else "  ") + line for i, line in enumerate(lines)]
    else:
        path = folder / f"{record_id}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else SCHEMA_HEADER.format(collection=collection)
    if existing and not existing.endswith("\n"):
        existing += "\n"
    path.write_text(existing + "\n".join(lines) + "\n", encoding="utf-8")
    return path, record_id
