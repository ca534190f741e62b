"""Records that remember where they came from, and the dataset of every collection."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from ..problems import Problem, field_name
from .dates import PartialDate, parse_date
from .release import ReleaseInfo
from .schema import ANY, links


@dataclass
class Record:
    collection: str
    data: dict[str, Any]
    file: str  # path relative to the project root, e.g. data/events/1994.yaml
    positions: dict[tuple, tuple[int, int]]
    key_positions: dict[tuple, tuple[int, int]]
    # In an edition in another language (render/localize.py): each value still shown in English (not
    # translated yet), by its path, e.g. ("corrections", 1, "change")
    english_paths: frozenset[tuple] = frozenset()

    def in_english(self, path: tuple) -> bool:
        """Whether the value at `path` is still shown in English in this edition (not translated yet)."""
        return path in self.english_paths

    @cached_property
    def untranslated(self) -> frozenset[str]:
        """The fields still shown in English, named as in the schema: `summary`, `roles[].title`."""
        return frozenset(schema_field(path) for path in self.english_paths)

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    def get(self, path: tuple) -> Any:
        """The value at a field path (keys and list indexes), or None where the path leads nowhere."""
        value: Any = self.data
        for part in path:
            if isinstance(value, dict):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                return None
        return value

    def values_at(self, pattern: tuple) -> Iterator[tuple[tuple, Any]]:
        """(path, value) of every value at a schema path (`ANY` for list items) that the record has."""
        return _expand(self.data, pattern, ())

    def links(self) -> Iterator[tuple[tuple, str, str]]:
        """(path, target collection, id) of every reference the record makes, as its schema declares them."""
        for pattern, target in links(self.collection):
            for path, value in _expand(self.data, pattern, ()):
                if isinstance(value, str):
                    yield path, target, value

    def links_to(self, collection: str) -> list[str]:
        """Ids the record refers to in one collection, first mention first."""
        return list(dict.fromkeys(ref for _, target, ref in self.links() if target == collection))

    @property
    def cited_sources(self) -> list[str]:
        """Ids of the sources the record cites (in `sources` and in its disagreements' readings)."""
        return self.links_to("sources")

    @property
    def line(self) -> int:
        return self.positions.get((), (1, 1))[0]

    def where(self, path: tuple = (), at_key: bool = False) -> tuple[int, int]:
        """Line and column of a field (or of the nearest enclosing value that exists)."""
        if at_key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: tuple, message: str, hint: str = "", severity: str = "error",
                at_key: bool = False) -> Problem:
        line, col = self.where(path, at_key)
        return Problem(self.file, line, col, field_name(path), message, severity=severity, hint=hint)


def schema_field(path: tuple) -> str:
    """A field as the schema names it, list positions left out: `roles[].title` for ("roles", 0, "title") or
    ("roles", ANY, "title")."""
    return ".".join("[]" if part is ANY or isinstance(part, int) else part for part in path).replace(".[]", "[]")


def _expand(value: Any, pattern: tuple, path: tuple) -> Iterator[tuple[tuple, Any]]:
    """The values at a link pattern, with their concrete paths."""
    if not pattern:
        yield path, value
        return
    step, rest = pattern[0], pattern[1:]
    if step is ANY:
        for index, item in enumerate(value if isinstance(value, list) else []):
            yield from _expand(item, rest, path + (index,))
    elif isinstance(value, dict) and value.get(step) is not None:
        yield from _expand(value[step], rest, path + (step,))


@dataclass
class Dataset:
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256 of the bytes
    lines: dict[str, list[str]] = field(default_factory=dict)  # relative path -> raw lines of a readable file
    # files that could not be read (syntax error, encoding…): collection -> {relative path: ids guessed from the text}
    unreadable: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    release: ReleaseInfo = field(default_factory=ReleaseInfo)  # data/release.yaml and the releases cut

    def __post_init__(self) -> None:
        from .registry import NAMES

        for name in NAMES:
            self.records.setdefault(name, {})

    def __getitem__(self, collection: str) -> dict[str, Record]:
        return self.records[collection]

    def get(self, collection: str, record_id: str) -> Record | None:
        return self.records[collection].get(record_id)

    def unreadable_file(self, collection: str, record_id: str) -> str:
        """The unreadable file that probably holds `record_id`, or ""."""
        for rel, ids in sorted(self.unreadable.get(collection, {}).items()):
            if record_id in ids:
                return rel
        return ""

    def counts(self) -> dict[str, int]:
        return {c: len(records) for c, records in self.records.items()}


# Pages ask for the same dates over and over (sorting, labels, lists); PartialDate is immutable.
_parse_date = lru_cache(maxsize=65536)(parse_date)


def date_of(record: Record, path: tuple = ("date",)) -> PartialDate:
    """The record's date at `path`; year 0 where it is missing or not a date."""
    try:
        return _parse_date(str(record.get(path)))
    except ValueError:
        return PartialDate(0)
