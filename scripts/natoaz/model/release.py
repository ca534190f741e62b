"""Numbered releases of the dataset: `data/release.yaml` holds the number (semantic versioning), and
`data/releases/<version>.json` a snapshot of each release cut (its date, the shape of every field, a
digest of every record), so that the next release can say which bump is due:

- major: a field removed, renamed or retyped, or an allowed value removed (the shape consumers rely on);
- minor: a field, an allowed value or a record added;
- patch: corrections only: a record's content changed, a record withdrawn, or its id corrected (the old one
  kept in `former_ids`).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schema import expanded

RELEASE_FILE = "release.yaml"
SNAPSHOT_DIR = "releases"
LEVELS = ("none", "patch", "minor", "major")
VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


@dataclass(frozen=True)
class Release:
    """A cut release: its number, its date (the newest `added`/`updated` then), its bump and why."""

    version: str
    date: str
    level: str = "none"
    reasons: tuple[str, ...] = ()


@dataclass
class ReleaseInfo:
    version: str | None = None  # None: the data folder has no release.yaml (e.g. a test fixture)
    history: list[Release] = field(default_factory=list)  # oldest first


def parse_version(text: str) -> tuple[int, int, int]:
    match = VERSION.match(text)
    if not match:
        raise ValueError(f"`{text}` is not a release number like 1.2.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def next_version(version: str, level: str) -> str:
    major, minor, patch = parse_version(version)
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    if level == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def bump_of(old: str, new: str) -> str:
    """Which bump leads from `old` to `new` (`none` if equal); ValueError if `new` is not a next version."""
    for level in LEVELS:
        if next_version(old, level) == new:
            return level
    raise ValueError(f"{new} does not follow {old}: the next releases are "
                     + ", ".join(next_version(old, level) for level in reversed(LEVELS[1:])))


def _shape(node: dict, path: str, found: dict[str, str]) -> None:
    """`path → type` for every field, nested ones included (`roles[].title`); enums list their values."""
    kind = node.get("type") or ("enum" if "enum" in node else "any")
    if "enum" in node:
        found[path] = "enum:" + "|".join(sorted(str(v) for v in node["enum"]))
    else:
        found[path] = str(kind)
    if kind == "object":
        for name, sub in (node.get("properties") or {}).items():
            _shape(sub, f"{path}.{name}", found)
    if kind == "array" and isinstance(node.get("items"), dict):
        _shape(node["items"], f"{path}[]", found)


def field_shapes(collection: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, node in (expanded(collection).get("properties") or {}).items():
        _shape(node, name, found)
    return found


def digest(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def snapshot(records: dict[str, dict[str, Any]], version: str, date: str) -> dict[str, Any]:
    """What a release is made of: `records` maps collection → {id: record data}."""
    from .registry import NAMES as COLLECTIONS  # here: the registry imports the records, which import this
    return {
        "version": version,
        "date": date,
        "fields": {c: field_shapes(c) for c in COLLECTIONS},
        "records": {c: {rid: digest(data) for rid, data in sorted(records.get(c, {}).items())} for c in COLLECTIONS},
        "renamed": {c: {old: rid for rid, data in sorted(records.get(c, {}).items())
                        for old in data.get("former_ids") or []} for c in COLLECTIONS},
    }


@dataclass
class Comparison:
    """What changed between two snapshots, as reasons per bump level."""

    reasons: dict[str, list[str]] = field(default_factory=lambda: {"major": [], "minor": [], "patch": []})

    @property
    def level(self) -> str:
        return next((level for level in ("major", "minor", "patch") if self.reasons[level]), "none")

    def add(self, level: str, reason: str) -> None:
        self.reasons[level].append(reason)

    def summary(self) -> list[str]:
        return [f"{level}: {reason}" for level in ("major", "minor", "patch") for reason in self.reasons[level]]


def _count(items: list[str], what: str, collection: str) -> str:
    shown = ", ".join(f"`{i}`" for i in items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
    return f"{collection}: {len(items)} {what} ({shown})"


def compare(old: dict[str, Any], new: dict[str, Any]) -> Comparison:
    result = Comparison()
    for collection in sorted(set(old["fields"]) | set(new["fields"])):
        before, after = old["fields"].get(collection, {}), new["fields"].get(collection, {})
        for path in sorted(set(before) - set(after)):
            result.add("major", f"{collection}: field `{path}` removed or renamed")
        for path in sorted(set(after) - set(before)):
            result.add("minor", f"{collection}: field `{path}` added")
        for path in sorted(set(before) & set(after)):
            was, now = before[path], after[path]
            if was == now:
                continue
            if was.startswith("enum:") and now.startswith("enum:"):
                lost = set(was[5:].split("|")) - set(now[5:].split("|"))
                level = "major" if lost else "minor"
                verb = f"loses {', '.join(sorted(lost))}" if lost else "gains values"
                result.add(level, f"{collection}: field `{path}` {verb}")
            else:
                result.add("major", f"{collection}: field `{path}` retyped ({was} → {now})")
    for collection in sorted(set(old["records"]) | set(new["records"])):
        before, after = old["records"].get(collection, {}), new["records"].get(collection, {})
        renamed = {old: rid for old, rid in new.get("renamed", {}).get(collection, {}).items()
                   if old in before and old not in after and rid in after}
        removed = sorted(set(before) - set(after) - set(renamed))
        added = sorted(set(after) - set(before) - set(renamed.values()))
        changed = sorted(rid for rid in set(before) & set(after) if before[rid] != after[rid])
        if removed:
            result.add("patch", _count(removed, "records withdrawn", collection))
        if renamed:
            result.add("patch", _count(sorted(renamed), "ids corrected (the old id kept in `former_ids`)",
                                       collection))
        if added:
            result.add("minor", _count(added, "records added", collection))
        if changed:
            result.add("patch", _count(changed, "records corrected", collection))
    return result


def load_snapshots(data_dir: Path) -> list[dict[str, Any]]:
    """Every cut release in `data/releases/`, oldest first."""
    found = [json.loads(p.read_text(encoding="utf-8")) for p in (data_dir / SNAPSHOT_DIR).glob("*.json")]
    return sorted(found, key=lambda s: parse_version(s["version"]))


def snapshot_json(snap: dict[str, Any]) -> str:
    return json.dumps(snap, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
