"""Checks for the slips editors make that the schema cannot see.

Placeholders left by `make new`, text cut off by a YAML comment, people entered twice, records in
another year's file. `arrange` then orders the report: unreadable files first, and no follow-on
noise at a position already explained by a placeholder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..model.records import Dataset, Record
from ..problems import ERROR, WARNING, Problem

PLACEHOLDER = "TODO"  # every value `make new` cannot know starts with this word
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")
_COMMENT_AFTER = re.compile(r"\s+#")
_YEAR_FILE = re.compile(r"/(\d{4})\.ya?ml$")


def _strings(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value with its path inside the record."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


_RAW_PLACEHOLDER = re.compile(rf"""(["']?)({PLACEHOLDER}\b[^"'\]]*)""")


def _raw_placeholders(record: Record, lines: list[str], kept: set[tuple]) -> Iterator[tuple[tuple, str]]:
    """Placeholders in values the loader set aside as invalid (a `quality: "TODO: …"` fails the schema)."""
    for path, (line, col) in record.positions.items():
        if path in kept or not 0 < line <= len(lines):
            continue
        match = _RAW_PLACEHOLDER.match(lines[line - 1], col - 1)
        if match:
            yield path, match[2].strip() if match[1] else match[2].split(" #")[0].rstrip(" ,")


def placeholders(record: Record, lines: list[str] = ()) -> Iterator[Problem]:
    """A value still holding a `TODO` placeholder from `make new` would be published as it is."""
    found = list(_strings(record.data))
    found += _raw_placeholders(record, list(lines), {path for path, _ in found})
    for path, text in found:
        if _PLACEHOLDER.search(text):
            what = text.split(":", 1)[1].strip() if text.startswith(f"{PLACEHOLDER}:") else ""
            hint = what or "replace it with the real value"
            yield record.problem(path, f"still holds the placeholder `{text}`", hint)


def cut_by_comment(record: Record, lines: list[str]) -> Iterator[Problem]:
    """`title: Visit #2 to Baku` is read as `Visit`: YAML takes ` #` and the rest as a comment."""
    for path, text in _strings(record.data):
        line, col = record.positions.get(path, (0, 0))
        if not text or not 0 < line <= len(lines):
            continue
        rest = lines[line - 1][col - 1:]
        if rest[:1] in ("'", '"') or not rest.startswith(text):
            continue  # quoted (a comment after quotes is deliberate) or spread over several lines
        after = rest[len(text):]
        if _COMMENT_AFTER.match(after):
            whole = (text + after).rstrip().replace('"', '\\"')
            yield record.problem(path, f"only `{text}` is read: YAML treats ` #` and what follows as a comment",
                                 f'if it belongs to the value, put the whole value in quotes: "{whole}"',
                                 severity=WARNING)


def _name_key(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def same_names(dataset: Dataset) -> Iterator[Problem]:
    """Two people sharing a name, or one's name among the other's `other_names`: probably one person."""
    seen: dict[str, tuple[Record, str]] = {}
    for person_id in sorted(dataset["people"]):
        person = dataset["people"][person_id]
        names = [("name", person.data.get("name"))]
        names += [(("other_names", i), n) for i, n in enumerate(person.data.get("other_names") or [])]
        reported: set[str] = set()
        for where, name in names:
            if not isinstance(name, str) or not _name_key(name):
                continue
            key = _name_key(name)
            first = seen.get(key)
            if first and first[0] is not person and first[0].id not in reported:
                reported.add(first[0].id)
                path = (where,) if isinstance(where, str) else where
                yield person.problem(path, f"`{name}` is also {first[1]} of person `{first[0].id}` "
                                           f"({first[0].file}:{first[0].line})",
                                     "if it is the same person, keep one record and cite it; if not, "
                                     "make the names distinct (e.g. a middle name)", severity=WARNING)
            seen.setdefault(key, (person, "the name" if where == "name" else "another name"))


def wrong_year_file(record: Record) -> Iterator[Problem]:
    """Events and quotes live in the file of their year: data/events/1994.yaml."""
    match = _YEAR_FILE.search(record.file)
    when = record.data.get("date")
    if not match or not isinstance(when, str) or not re.match(r"\d{4}", when) or when[:4] == match[1]:
        return
    target = record.file[: match.start(1)] + when[:4] + ".yaml"
    yield record.problem(("date",), f"dated {when[:4]} but kept in the {match[1]} file",
                         f"move the record to {target} (a new file starts with the `# yaml-language-server` line)",
                         severity=WARNING)


def check_editing(dataset: Dataset) -> list[Problem]:
    problems: list[Problem] = []
    for collection, records in dataset.records.items():
        for record in records.values():
            lines = dataset.lines.get(record.file, [])
            problems += placeholders(record, lines)
            problems += cut_by_comment(record, lines)
            if collection in ("events", "quotes"):
                problems += wrong_year_file(record)
    problems += same_names(dataset)
    return problems


def arrange(problems: list[Problem], dataset: Dataset) -> list[Problem]:
    """Sorted, files that could not be read first; at a placeholder, only the placeholder is reported."""
    held = {(p.file, p.line, p.col) for p in problems if p.message.startswith("still holds the placeholder")}
    kept = [p for p in set(problems)
            if p.message.startswith("still holds the placeholder") or (p.file, p.line, p.col) not in held
            or p.severity != ERROR]
    unreadable = {rel for files in dataset.unreadable.values() for rel in files}
    return sorted(kept, key=lambda p: (p.file not in unreadable, p))
