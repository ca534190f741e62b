"""An edition's view of the data: each record with its translated fields in place of the English ones
(`translations: {az: …}`), and the names of the fields still in English (`Record.untranslated`), which
the pages show in English with a note. A quote's own words are never replaced: its page shows them
verbatim and any translation below them, labelled (see blocks.quote_card)."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from ..model.records import Dataset, Record
from ..model.schema import translatable_fields

VERBATIM = {("quotes", ("text",))}  # fields never replaced by a translation


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def localize_record(record: Record, language: str) -> Record:
    data = copy.deepcopy(record.data)
    paths: set[tuple] = set()
    for pattern, counted in translatable_fields(record.collection):
        if (record.collection, pattern) in VERBATIM:
            continue
        for path, value in record.values_at(pattern):
            if value in (None, "", []):
                continue
            translated = record.get(("translations", language) + path)
            if isinstance(translated, str) and translated:
                _set(data, path, translated)
            elif counted:
                paths.add(path)
    return dataclasses.replace(record, data=data, english_paths=frozenset(paths))


def localize(dataset: Dataset, language: str) -> Dataset:
    records = {collection: {rid: localize_record(r, language) for rid, r in found.items()}
               for collection, found in dataset.records.items()}
    return dataclasses.replace(dataset, records=records)
