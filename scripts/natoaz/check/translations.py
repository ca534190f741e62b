"""Translations (`translations: {az: …}`) beyond their schema: lists in step with the English ones, a
quote not "translated" into its own language, a `by: source` source in that language; and the gaps.

The gaps are warnings only when asked (`make check-data` asks): one line per collection and language,
e.g. `120 of 166 events lack an Azerbaijani title`, or one line per record and field with `VERBOSE=1`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..model.languages import translated
from ..model.records import Dataset, Record
from ..model.schema import ANY, translatable_fields
from ..problems import WARNING, Problem, field_name
from .names import check_names

GAP = "translation gap"  # in Problem.extra: a translation not yet made (kept out of the serve banner)
LANGUAGE_NAMES = {"az": "Azerbaijani", "ru": "Russian", "tr": "Turkish", "fr": "French"}


def _lists(value: Any, translation: Any, path: tuple) -> Iterator[tuple[tuple, int, int]]:
    """(path, English length, translated length) of every translated list that is not in step."""
    if isinstance(value, dict) and isinstance(translation, dict):
        for key, inner in translation.items():
            yield from _lists(value.get(key), inner, path + (key,))
    elif isinstance(value, list) and isinstance(translation, list):
        if len(value) != len(translation):
            yield path, len(value), len(translation)
        for index, (item, inner) in enumerate(zip(value, translation, strict=False)):
            yield from _lists(item, inner, path + (index,))


def _record(record: Record, dataset: Dataset) -> Iterator[Problem]:
    translations = record.data.get("translations")
    if not isinstance(translations, dict):
        return
    for language, entry in translations.items():
        if not isinstance(entry, dict):
            continue
        base = ("translations", language)
        for path, english, given in _lists(record.data, entry, ()):
            yield record.problem(base + path, f"translates {given} item(s) of `{field_name(path)}`, which has "
                                 f"{english}", "give every item, in the same order as the English list")
        if record.collection == "quotes" and record.data.get("language") == language and "text" in entry:
            yield record.problem(base + ("text",), f"the quote is already in `{language}` (`language: {language}`)",
                                 "a quote's own words stay as they are: drop this translation of its text")
        yield from _editors(record, base, entry)
        source = dataset.get("sources", entry["source"]) if isinstance(entry.get("source"), str) else None
        if entry.get("by") == "source" and source and source.data.get("language") not in (language, None):
            yield record.problem(base + ("source",), f"source `{source.id}` is in `{source.data.get('language')}`, "
                                 f"not `{language}`", "name the source that publishes the text in this language",
                                 severity=WARNING)


def _editors(record: Record, base: tuple, entry: dict) -> Iterator[Problem]:
    """`editors` names fields of this entry, and only beside a source's text (`by: source`)."""
    named = entry.get("editors")
    if not isinstance(named, list):
        return
    if entry.get("by") != "source":
        yield record.problem(base + ("editors",), "`editors` is only for an entry whose text a source gives "
                             "(`by: source`)", "drop `editors`: with `by: editors` every field is the editors'")
    for i, name in enumerate(named):
        if name in ("by", "source", "editors") or name not in entry:
            yield record.problem(base + ("editors", i), f"`{name}` is not a translated field of this entry",
                                 "name fields given in this entry, e.g. `[role, place]`")


def check_translations(dataset: Dataset) -> list[Problem]:
    """Translations beyond their schema, and people's names spelt as their records give them (names.py)."""
    found = [p for records in dataset.records.values() for r in records.values() for p in _record(r, dataset)]
    return found + check_names(dataset)


def _already_in(record: Record, path: tuple, language: str) -> bool:
    """A quote whose words are in `language` already has nothing to translate into it (its `text`)."""
    return record.collection == "quotes" and path == ("text",) and record.data.get("language") == language


def gaps(record: Record, language: str) -> Iterator[tuple[tuple, tuple]]:
    """(English path, translated path) of every translatable value the record has and the language lacks."""
    for pattern, counted in translatable_fields(record.collection):
        if not counted:
            continue
        for path, value in record.values_at(pattern):
            if value in (None, "", []) or _already_in(record, path, language):
                continue
            target = ("translations", language) + path
            if record.get(target) in (None, ""):
                yield path, target


def coverage(dataset: Dataset) -> dict[str, dict[str, dict[str, tuple[int, int]]]]:
    """language -> collection -> field -> (translated, total), counting a list's items one by one; fields
    translated only where they differ (a person's name) count only the translations given."""
    found: dict[str, dict[str, dict[str, tuple[int, int]]]] = {}
    for language in translated():
        per: dict[str, dict[str, tuple[int, int]]] = {}
        for collection, records in dataset.records.items():
            counts = {_name(p): [0, 0] for p, _ in translatable_fields(collection)}
            for record in records.values():
                for pattern, counted in translatable_fields(collection):
                    for path, value in record.values_at(pattern):
                        done = record.get(("translations", language) + path) not in (None, "")
                        if value in (None, "", []) or not (counted or done) or _already_in(record, path, language):
                            continue
                        counts[_name(pattern)][0] += done
                        counts[_name(pattern)][1] += 1
            if counts:
                per[collection] = {name: (c[0], c[1]) for name, c in counts.items()}
        found[language] = per
    return found


def _pattern(path: tuple) -> tuple:
    return tuple(ANY if isinstance(part, int) else part for part in path)


def _name(pattern: tuple) -> str:
    """`roles[].title` for (`roles`, ANY, `title`)."""
    return ".".join("[]" if part is ANY else part for part in pattern).replace(".[]", "[]")


def missing_translations(dataset: Dataset, verbose: bool = False) -> list[Problem]:
    """Warnings for translations not yet made: one per collection and language at its first record
    lacking one (185 lines would bury every other warning), or with `verbose` one per record."""
    problems: list[Problem] = []
    for language in translated():
        words = LANGUAGE_NAMES.get(language, f"`{language}`")
        for collection, records in dataset.records.items():
            lacking: dict[str, int] = defaultdict(int)
            first: Record | None = None
            for record in records.values():
                fields = sorted({_name(_pattern(path)) for path, _ in gaps(record, language)})
                for name in fields:
                    lacking[name] += 1
                if fields and verbose:
                    problems.append(record.problem(("id",), f"no {words} translation of {', '.join(fields)}",
                                                   f"add `translations: {{{language}: …}}`", severity=WARNING))
                first = first or (record if fields else None)
            if first is not None and not verbose:
                detail = ", ".join(f"{name} in {count}" for name, count in sorted(lacking.items()))
                problems.append(first.problem(
                    ("id",), f"{words} translations missing (of {len(records)} {collection}): {detail} "
                    "(the first such record is here)", "`make check-data VERBOSE=1` lists every record",
                    severity=WARNING))
    return [dataclasses.replace(p, extra=(GAP,)) for p in problems]
