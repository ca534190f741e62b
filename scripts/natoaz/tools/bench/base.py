"""The base that synthetic copies are made from: the real records, made self-consistent.

The real data may be half-written while the benchmark runs. We keep what loaded and passes the
schema, point dangling references at small stub records (so link density stays realistic), drop
records that still have errors, and, when the data has no quotes yet, derive a few from events
so every page type is exercised. Everything done is counted in the manifest.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...check.checks import check_dataset
from ...load.dataset import load_dataset
from ...model.dates import DateError, parse_date
from ...model.records import Dataset, Record
from ...model.registry import NAMES as COLLECTIONS
from ...model.schema import ANY, links, validator
from ...problems import errors

STUBBED = ("sources", "people", "programmes")  # dangling references to these get a stub record


@dataclass
class Item:
    collection: str
    file: str  # path inside the collection folder, e.g. `1994.yaml`
    as_list: bool  # the file holds a list of records
    data: dict


@dataclass
class Base:
    items: dict[str, list[Item]] = field(default_factory=lambda: {c: [] for c in COLLECTIONS})
    dropped: list[str] = field(default_factory=list)  # `collection/id: reason`
    stubs: dict[str, int] = field(default_factory=dict)
    synthesised: dict[str, int] = field(default_factory=dict)

    def ids(self, collection: str) -> set[str]:
        return {item.data["id"] for item in self.items[collection]}

    def counts(self) -> dict[str, int]:
        return {c: len(self.items[c]) for c in COLLECTIONS}

    def add(self, item: Item, tally: dict[str, int]) -> None:
        self.items[item.collection].append(item)
        tally[item.collection] = tally.get(item.collection, 0) + 1


def map_refs(collection: str, data: dict, change: Callable[[str, str], str | None]) -> None:
    """Apply `change(target_collection, id)` to every reference in a record (as the schema declares them);
    None removes the reference."""
    for pattern, target in links(collection):
        _map_at(data, pattern, lambda ref, target=target: change(target, ref))


def _map_at(value: Any, pattern: tuple, change: Callable[[str], str | None]) -> None:
    step, rest = pattern[0], pattern[1:]
    if step is ANY:
        for item in value if isinstance(value, list) and rest else []:
            _map_at(item, rest, change)
        return
    if not isinstance(value, dict) or step not in value:
        return
    if rest == (ANY,) and isinstance(value[step], list):  # a list of ids: a new list, without the removed ones
        value[step] = [new for new in (change(r) if isinstance(r, str) else r for r in value[step]) if new is not None]
    elif not rest and isinstance(value[step], str):
        new = change(value[step])
        if new is None:
            del value[step]
        else:
            value[step] = new
    elif rest:
        _map_at(value[step], rest, change)


def _file_inside(record: Record, data_dir: Path) -> str:
    path = data_dir.resolve().parent / record.file
    try:
        return path.resolve().relative_to((data_dir / record.collection).resolve()).as_posix()
    except ValueError:
        return Path(record.file).name


def _is_list_file(path: Path) -> bool:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return line.startswith("-")
    return False


def _loaded(data_dir: Path) -> Base:
    dataset, _problems = load_dataset(data_dir)
    base = Base()
    for collection in COLLECTIONS:
        check = validator(collection)
        records = sorted(dataset[collection].values(), key=lambda r: (r.file, r.line))
        per_file: dict[str, int] = {}
        for record in records:
            per_file[record.file] = per_file.get(record.file, 0) + 1
        for record in records:
            if not check.is_valid(record.data):
                base.dropped.append(f"{collection}/{record.id}: schema")
                continue
            inside = _file_inside(record, data_dir)
            as_list = per_file[record.file] > 1 or _is_list_file(data_dir / collection / inside)
            base.items[collection].append(Item(collection, inside, as_list, copy.deepcopy(record.data)))
    return base


def _stub_file(base: Base, collection: str, record_id: str) -> str:
    taken = {item.file for item in base.items[collection]}
    return f"{record_id}.yaml" if f"{record_id}.yaml" not in taken else f"bench-stub-{record_id}.yaml"


def _stub(base: Base, collection: str, record_id: str, referrer: dict) -> Item:
    words = record_id.replace("-", " ")
    sources = [s for s in referrer.get("sources") or [] if isinstance(s, str)][:1] or sorted(base.ids("sources"))[:1]
    if collection == "sources":
        data = {"id": record_id, "title": f"Source {words}", "publisher": "Unknown publisher",
                "url": f"https://example.org/bench/sources/{record_id}", "date": "undated", "language": "en",
                "quality": "weak"}
    elif collection == "people":
        data = {"id": record_id, "name": words.title(), "roles": [{"title": "Official", "organisation": "Unknown"}],
                "sources": sources}
    else:
        sectors = [s for s in referrer.get("sectors") or [] if isinstance(s, str)][:1]
        sectors = sectors or sorted(base.ids("sectors"))[:1]
        start = str(referrer.get("date") or "1994")
        data = {"id": record_id, "name": words.title(), "kind": "programme",
                "summary": f"Programme referenced as `{record_id}` in the data.",
                "participation": {"start": start if start != "undated" else "1994"}, "sectors": sectors,
                "sources": sources}
    data["added"] = str(referrer.get("added") or "2024-01-01")  # required; the referrer's day when it has one
    return Item(collection, _stub_file(base, collection, record_id), False, data)


def _repair(base: Base) -> None:
    """Unknown sectors are dropped, dangling sources/people/programmes get stubs, dangling quote events go."""
    sectors = base.ids("sectors")
    if not sectors:
        raise ValueError("the data has no valid sectors; the benchmark needs data/sectors/")
    for item in base.items["events"] + base.items["programmes"] + base.items["quotes"]:
        map_refs(item.collection, item.data, lambda target, ref: None if target == "sectors" and ref not in sectors
                 else ref)
        if not item.data.get("sectors"):
            if item.collection == "quotes":
                item.data.pop("sectors", None)
            else:
                item.data["sectors"] = [sorted(sectors)[0]]
    known = {c: base.ids(c) for c in COLLECTIONS}
    missing: dict[tuple[str, str], dict] = {}
    for collection in COLLECTIONS:
        for item in base.items[collection]:
            def note(target: str, ref: str, referrer: dict = item.data) -> str | None:
                if target in STUBBED and ref not in known[target]:
                    missing.setdefault((target, ref), referrer)
                return None if target == "events" and ref not in known["events"] else ref

            map_refs(collection, item.data, note)
    for target in STUBBED:  # sources first: the other stubs cite them
        for (collection, ref), referrer in sorted(missing.items()):
            if collection == target:
                base.add(_stub(base, collection, ref, referrer), base.stubs)


def _semantic_errors(base: Base, today: date) -> set[tuple[str, int]]:
    """(collection, index) of every record with an error from the semantic checks."""
    dataset = Dataset()
    for collection, items in base.items.items():
        for index, item in enumerate(items):
            dataset[collection][item.data["id"]] = Record(collection, item.data, f"{collection}:{index}", {}, {})
    found = set()
    for problem in errors(check_dataset(dataset, today)):
        collection, _, index = problem.file.partition(":")
        found.add((collection, int(index)))
    return found


def _settle(base: Base, today: date) -> None:
    for _ in range(8):
        _repair(base)
        bad = _semantic_errors(base, today)
        if not bad:
            return
        for collection, index in sorted(bad, reverse=True):
            item = base.items[collection].pop(index)
            base.dropped.append(f"{collection}/{item.data['id']}: semantic check")
    raise ValueError("could not make the base data consistent: " + ", ".join(base.dropped[-5:]))


def _covering_role(person: dict, when: str) -> str | None:
    """The title of a role the person held on `when` (or an undated role)."""
    try:
        said = parse_date(when)
        for role in person.get("roles") or []:
            if not role.get("start"):
                return role["title"]
            start = parse_date(role["start"])
            end = parse_date(role["end"]) if role.get("end") else None
            if said.first_day >= start.first_day and (end is None or said.last_day <= end.last_day):
                return role["title"]
    except DateError:
        return None
    return None


def _derive_quotes(base: Base) -> None:
    """No quotes yet: one per second event with people, its words taken from the event's summary."""
    people = {item.data["id"]: item.data for item in base.items["people"]}
    candidates = [item.data for item in base.items["events"] if (item.data.get("people") or [None])[0] in people]
    for event in candidates[::2]:
        speaker = event["people"][0]
        role = _covering_role(people[speaker], str(event["date"]))
        if role is None:
            continue
        words = " ".join(str(event["summary"]).split()[:40])
        data = {"id": f"{event['id'][:92].rstrip('-')}-remarks", "text": words, "speaker": speaker, "role": role,
                "date": event["date"], "occasion": f"Remarks: {event['title']}"[:120], "language": "en",
                "translation": "original", "event": event["id"], "sectors": list(event["sectors"]),
                "sources": list(event["sources"][:2])}
        if event.get("added"):
            data["added"] = event["added"]
        base.add(Item("quotes", "bench-derived.yaml", True, data), base.synthesised)


def load_base(data_dir: Path, today: date | None = None) -> Base:
    """The real data, reduced and completed so that it validates without errors on `today`."""
    today = today or date.today()
    base = _loaded(data_dir)
    _settle(base, today)
    if not base.items["quotes"]:
        _derive_quotes(base)
        _settle(base, today)
    return base
