"""Load every YAML file under `data/` into records that remember where they came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.schema import explain, validator
from ..paths import COLLECTIONS, DATA_DIR, ROOT
from ..problems import Problem
from .yaml_loader import Located, load_yaml


@dataclass
class Record:
    collection: str
    data: dict[str, Any]
    file: str  # path relative to the project root, e.g. data/events/1994.yaml
    positions: dict[tuple, tuple[int, int]]
    key_positions: dict[tuple, tuple[int, int]]

    @property
    def id(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def cited_sources(self) -> list[str]:
        """Ids of the sources the record cites: `sources`, disagreements' readings, corrections."""
        found = [s for s in self.data.get("sources") or [] if isinstance(s, str)]
        items = [i for i in self.data.get("disagreements") or [] if isinstance(i, dict)]
        cites = [r for i in items for r in i.get("readings") or [] if isinstance(r, dict)]
        cites += [c for c in self.data.get("corrections") or [] if isinstance(c, dict)]
        for cite in cites:
            found += [s for s in cite.get("sources") or [] if isinstance(s, str) and s not in found]
        return found

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
        name = ""
        for part in path:
            name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
        return Problem(self.file, line, col, name, message, severity=severity, hint=hint)


@dataclass
class Dataset:
    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {c: {} for c in COLLECTIONS})
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256 of the bytes

    def __getitem__(self, collection: str) -> dict[str, Record]:
        return self.records[collection]

    def get(self, collection: str, record_id: str) -> Record | None:
        return self.records[collection].get(record_id)

    def counts(self) -> dict[str, int]:
        return {c: len(self.records[c]) for c in COLLECTIONS}


def _relative(path: Path, root: Path) -> str:
    """Paths as editors see them: relative to the project (or to `root`) where possible."""
    for base in (ROOT, root):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _split(doc: Located, collection: str) -> list[tuple[dict, tuple]]:
    """A file holds one record (a mapping) or a list of records; return (record, path) pairs."""
    if isinstance(doc.value, dict):
        return [(doc.value, ())]
    if isinstance(doc.value, list):
        return [(item, (i,)) for i, item in enumerate(doc.value)]
    return []


def _sub(mapping: dict[tuple, tuple[int, int]], prefix: tuple) -> dict[tuple, tuple[int, int]]:
    n = len(prefix)
    return {k[n:]: v for k, v in mapping.items() if k[:n] == prefix}


# Parsed files keyed by (path, size, mtime_ns) and then by content hash, so that a rebuild
# during `serve` re-reads only the files that changed.
_CACHE: dict[str, tuple[tuple, str, Located | None, list[Problem]]] = {}


def _load_file(path: Path, rel: str) -> tuple[str, Located | None, list[Problem]]:
    stat = path.stat()
    stamp = (stat.st_size, stat.st_mtime_ns)
    where = str(path.resolve())
    cached = _CACHE.get(where)
    if cached and cached[0] == stamp:
        return cached[1], cached[2], cached[3]
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if cached and cached[1] == digest:
        _CACHE[where] = (stamp, *cached[1:])
        return cached[1], cached[2], cached[3]
    doc, problems = load_yaml(raw, rel)
    _CACHE[where] = (stamp, digest, doc, problems)
    return digest, doc, problems


# Records and schema problems of a file, keyed by (collection, path) with the content hash they
# came from: unchanged files are not re-validated on a rebuild.
_RECORDS: dict[tuple[str, str], tuple[str, list[Record], list[Problem]]] = {}


def _records_of_file(collection: str, rel: str, digest: str, doc: Located) -> tuple[list[Record], list[Problem]]:
    cached = _RECORDS.get((collection, rel))
    if cached and cached[0] == digest:
        return cached[1], cached[2]
    check = validator(collection)
    records: list[Record] = []
    problems: list[Problem] = []
    items = _split(doc, collection)
    if not items and doc.value is not None:
        problems.append(Problem(rel, 1, 1, "", "a data file holds one record or a list of records"))
    for item, prefix in items:
        record = Record(collection, item if isinstance(item, dict) else {}, rel,
                        _sub(doc.positions, prefix), _sub(doc.key_positions, prefix))
        if not isinstance(item, dict):
            problems.append(record.problem((), "each record is a group of fields (`id: …`, `title: …`)"))
            continue
        for error in check.iter_errors(item):
            for err_path, message, hint, at_key in explain(error, collection):
                problems.append(record.problem(err_path, message, hint, at_key=at_key))
        records.append(record)
    _RECORDS[(collection, rel)] = (digest, records, problems)
    return records, problems


def load_dataset(data_dir: Path = DATA_DIR, root: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """Read and schema-check every record; return the dataset and every problem found."""
    root = root or data_dir.parent
    dataset = Dataset()
    problems: list[Problem] = []
    for collection in COLLECTIONS:
        folder = data_dir / collection
        if not folder.is_dir():
            problems.append(Problem(_relative(folder, root), 1, 1, "", f"missing folder for `{collection}`"))
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                continue
            rel = _relative(path, root)
            if path.suffix not in (".yaml", ".yml"):
                problems.append(Problem(rel, 1, 1, "", "only .yaml files belong in data/", severity="warning"))
                continue
            digest, doc, file_problems = _load_file(path, rel)
            dataset.files[rel] = digest
            problems += file_problems
            if doc is None:
                continue
            records, record_problems = _records_of_file(collection, rel, digest, doc)
            problems += record_problems
            for record in records:
                item = record.data
                if not isinstance(item.get("id"), str):
                    continue
                if record.id in dataset[collection]:
                    first = dataset[collection][record.id]
                    problems.append(record.problem(("id",), f"duplicate id `{record.id}`",
                                                   f"first used at {first.file}:{first.line}; ids must be unique"))
                    continue
                dataset[collection][record.id] = record
    return dataset, problems
