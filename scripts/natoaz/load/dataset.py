"""Load every YAML file under `data/` into records that remember where they came from."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat as stat_
from pathlib import Path

from ..model.records import Dataset, Record
from ..model.registry import NAMES
from ..model.release import RELEASE_FILE
from ..model.schema import explain, validator
from ..paths import DATA_DIR, ROOT, display_path
from ..problems import Problem
from .release import load_release
from .yaml_loader import MAX_FILE_BYTES, Located, load_yaml


def _relative(path: Path, root: Path) -> str:
    """Paths as editors see them: relative to the project (or to `root`) where possible."""
    return display_path(path, ROOT, root)


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


_ID_LINE = re.compile(r"^(?:- +)?id: *[\"']?([a-z0-9-]+)", re.M)


def _guess_ids(path: Path, rel: str) -> set[str]:
    """Ids an unreadable file seems to hold (its `id:` lines and its name), so references to them can say why."""
    raw, _ = _read(path, rel)  # the same guarded read: no FIFO hang, at most MAX_FILE_BYTES
    return set(_ID_LINE.findall((raw or b"").decode("utf-8", "replace"))) | {path.stem}


def _file_problem(rel: str, message: str, hint: str = "") -> Problem:
    return Problem(rel, 1, 1, "", message, hint=hint)


def _read(path: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file, opened without blocking (a FIFO swapped in cannot hang us)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return None, [_file_problem(rel, f"cannot read the file: {exc.strerror}", "check its permissions")]
    try:
        if not stat_.S_ISREG(os.fstat(fd).st_mode):
            return None, [_file_problem(rel, "not a regular file", "data files are plain YAML files")]
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES and (chunk := os.read(fd, 1 << 16)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), []
    except OSError as exc:
        return None, [_file_problem(rel, f"cannot read the file: {exc.strerror}", "check its permissions")]
    finally:
        os.close(fd)


_KINDS = {stat_.S_IFIFO: "a named pipe (FIFO)", stat_.S_IFSOCK: "a socket", stat_.S_IFCHR: "a device",
          stat_.S_IFBLK: "a device"}


def _entry(path: Path, rel: str, base: Path) -> tuple[str, list[Problem]]:
    """What a folder entry is: "dir", "file" or "" (skipped, with a file-level problem)."""
    try:
        info = os.lstat(path)
        if stat_.S_ISLNK(info.st_mode):
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
                what = "a symlink loop" if loop else "a symlink to nothing (its target does not exist)"
                return "", [_file_problem(rel, what, "delete the link or point it at a file in data/")]
            if not target.is_relative_to(base):
                return "", [_file_problem(rel, "a symlink leading out of data/; nothing outside data/ is read",
                                          "copy the file into data/ instead of linking to it")]
            info = os.stat(target)
            if stat_.S_ISDIR(info.st_mode):
                return "", [_file_problem(rel, "a symlinked folder; it is not followed",
                                          "move the files into data/ instead of linking the folder")]
    except OSError as exc:
        return "", [_file_problem(rel, f"cannot read it: {exc.strerror}", "check its permissions")]
    if stat_.S_ISDIR(info.st_mode):
        return "dir", []
    if not stat_.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat_.S_IFMT(info.st_mode), "not a regular file")
        return "", [_file_problem(rel, f"{kind}, not a data file", "data/ holds plain YAML files only")]
    return "file", []


def _data_files(folder: Path, base: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Every regular file under `folder` (symlinks only when they stay inside data/), with a
    file-level problem for each folder or entry that cannot be read safely. Never opens a file."""
    files: list[Path] = []
    problems: list[Problem] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            names = sorted(os.listdir(current))
        except OSError as exc:
            problems.append(_file_problem(_relative(current, root), f"cannot read the folder: {exc.strerror}",
                                          "check its permissions"))
            continue
        for name in names:
            path = current / name
            kind, found = _entry(path, _relative(path, root), base)
            problems += found
            if kind == "dir":
                pending.append(path)
            elif kind == "file":
                files.append(path)
    return sorted(files), problems


class Loader:
    """Reads data folders into records. It owns its caches, so that a rebuild during `serve` re-reads
    and re-validates only the files that changed: parsed files by (size, mtime) and then by content
    hash, and each file's records and schema problems by content hash."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[tuple, str, Located | None, list[Problem]]] = {}
        self.records: dict[tuple[str, str], tuple[str, list[Record], list[Problem]]] = {}

    def clear(self) -> None:
        self.files.clear()
        self.records.clear()

    def _load_file(self, path: Path, rel: str) -> tuple[str, Located | None, list[Problem]]:
        try:
            info = path.stat()
        except OSError as exc:
            return "", None, [_file_problem(rel, f"cannot read the file: {exc.strerror}")]
        stamp = (info.st_size, info.st_mtime_ns)
        where = str(path.absolute())
        cached = self.files.get(where)
        if cached and cached[0] == stamp:
            return cached[1], cached[2], cached[3]
        raw, problems = _read(path, rel)
        if raw is None:
            self.files.pop(where, None)
            return "", None, problems
        digest = hashlib.sha256(raw).hexdigest()
        if cached and cached[1] == digest:
            self.files[where] = (stamp, *cached[1:])
            return cached[1], cached[2], cached[3]
        doc, problems = load_yaml(raw, rel)
        self.files[where] = (stamp, digest, doc, problems)
        return digest, doc, problems

    def _records_of_file(self, collection: str, rel: str, digest: str,
                         doc: Located) -> tuple[list[Record], list[Problem]]:
        cached = self.records.get((collection, rel))
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
            rejected: set[str] = set()
            explained = []
            for error in check.iter_errors(item):
                explained += explain(error)
                if error.absolute_path:
                    rejected.add(str(error.absolute_path[0]))
            for err_path, message, hint, at_key in dict.fromkeys(explained):  # once each, in order
                problems.append(record.problem(err_path, message, hint, at_key=at_key))
            # later checks, stats and pages see only the fields the schema accepted
            record.data = {k: v for k, v in item.items() if k not in rejected}
            records.append(record)
        self.records[(collection, rel)] = (digest, records, problems)
        return records, problems

    def load(self, data_dir: Path = DATA_DIR, root: Path | None = None) -> tuple[Dataset, list[Problem]]:
        """Read and schema-check every record; return the dataset and every problem found."""
        root = root or data_dir.parent
        dataset = Dataset()
        problems: list[Problem] = []
        base = data_dir.resolve()
        for collection in NAMES:
            folder = data_dir / collection
            kind, found = _entry(folder, _relative(folder, root), base) if folder.is_dir() else ("", [])
            if kind != "dir":
                problems += found or [Problem(_relative(folder, root), 1, 1, "", f"missing folder for `{collection}`")]
                continue
            paths, found = _data_files(folder, base, root)
            problems += found
            for path in paths:
                rel = _relative(path, root)
                if path.suffix not in (".yaml", ".yml"):
                    problems.append(Problem(rel, 1, 1, "", "only .yaml files belong in data/", severity="warning"))
                    continue
                digest, doc, file_problems = self._load_file(path, rel)
                if digest:
                    dataset.files[rel] = digest
                problems += file_problems
                if doc is None:
                    dataset.unreadable.setdefault(collection, {})[rel] = _guess_ids(path, rel)
                    continue
                dataset.lines[rel] = doc.lines
                records, record_problems = self._records_of_file(collection, rel, digest, doc)
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
        dataset.release, release_problems = load_release(data_dir, _relative(data_dir / RELEASE_FILE, root))
        return dataset, problems + release_problems


LOADER = Loader()  # the process's loader: the CLI, the hook and the tests share its caches


def load_dataset(data_dir: Path = DATA_DIR, root: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """Read and schema-check every record; return the dataset and every problem found."""
    return LOADER.load(data_dir, root)
