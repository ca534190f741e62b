"""`python -m natoaz release`: which bump is due since the last release; `--cut` cuts it.

Cutting writes `data/releases/<version>.json` (the snapshot the next release is compared with), the
number in `data/release.yaml`, and `CITATION.cff`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from ..check.validate import load_valid
from ..load.dataset import Dataset
from ..model.release import (
    LEVELS,
    RELEASE_FILE,
    SNAPSHOT_DIR,
    Comparison,
    bump_of,
    compare,
    load_snapshots,
    next_version,
    snapshot,
    snapshot_json,
)
from ..paths import ROOT
from ..render.model import Site
from ..render.options import SiteOptions, options_from_mkdocs_yml

CITATION = "CITATION.cff"


@dataclass
class Status:
    version: str | None  # in data/release.yaml
    previous: dict[str, Any] | None  # the newest cut release
    current: dict[str, Any]  # the data now, as a snapshot
    changes: Comparison

    @property
    def due(self) -> str:
        """The bump the changes since the previous release call for."""
        return self.changes.level if self.previous else "none"

    def _due_message(self) -> str:
        base = str(self.previous["version"]) if self.previous else ""
        return (f"the data changed since release {base} and a {self.due} release is due "
                f"(version {next_version(base, self.due)}), but data/{RELEASE_FILE} says {self.version}: "
                "run `make release`\n  " + "\n  ".join(self.changes.summary()[:20]))

    def pending(self) -> str:
        """Unreleased additions or corrections since the last cut release (the number not bumped yet)."""
        if self.previous and self.version == self.previous["version"] and self.due in ("minor", "patch"):
            return self._due_message()
        return ""

    def problem(self) -> str:
        """Why the number in release.yaml does not fit the data, or '' if it does.

        A breaking (major) change needs its bump at once; additions and corrections may wait for the next
        `make release` (see `pending`), and a number that was bumped must fit what changed.
        """
        if self.version is None:
            return f"no {RELEASE_FILE} in the data folder"
        if not self.previous:
            return ""
        base = self.previous["version"]
        try:
            bump = bump_of(base, self.version)
        except ValueError as exc:
            return f"data/{RELEASE_FILE}: {exc}"
        if bump == "none" and self.due != "major":
            return ""
        return self._due_message() if LEVELS.index(bump) < LEVELS.index(self.due) else ""


def status(dataset: Dataset, data_dir: Path) -> Status:
    site = Site(dataset)
    records = {c: {rid: r.data for rid, r in dataset[c].items()} for c in dataset.records}
    version = dataset.release.version
    current = snapshot(records, version or "0.0.0", site.release.first_day.isoformat())
    history = load_snapshots(data_dir)
    previous = history[-1] if history else None
    changes = compare(previous, current) if previous else Comparison()
    return Status(version, previous, current, changes)


def citation_cff(options: SiteOptions, version: str, date: str) -> str:
    data = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite this release as below.",
        "type": "dataset",
        "title": f"{options.site_name}: dataset",
        "version": version,
        "date-released": date,
        "authors": [{"name": options.site_author}],
        "license": "CC-BY-4.0",
        "abstract": ("Sourced records of NATO–Azerbaijan cooperation since 1992: events, programmes, quotes, "
                     "people, sectors and sources, with every record citing its sources."),
        "keywords": ["NATO", "Azerbaijan", "Partnership for Peace", "dataset"],
    }
    if options.site_url and urlparse(options.site_url).hostname not in ("127.0.0.1", "localhost"):
        data["url"] = options.site_url  # the published address (SITE_URL), not `make serve`'s
    header = "# Written by `make release` (python -m natoaz release --cut); do not edit by hand.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _write_version(path: Path, version: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^version:.*$", f"version: {version}", text, count=1), encoding="utf-8")


def cut(data_dir: Path, root: Path = ROOT) -> str:
    """Cut the due release (or the number already in release.yaml if it is a later one); return it."""
    dataset, _ = load_valid(data_dir)
    found = status(dataset, data_dir)
    if found.version is None:
        raise SystemExit(f"no {data_dir / RELEASE_FILE}: write `version: 1.0.0` there first")
    version = found.version
    options = options_from_mkdocs_yml(root / "mkdocs.yml")
    if found.previous and found.previous["version"] == version:
        if found.due == "none":  # nothing new to cut; CITATION.cff is rewritten all the same
            (root / CITATION).write_text(citation_cff(options, version, found.previous["date"]), encoding="utf-8")
            return version
        version = next_version(version, found.due)
    elif found.problem():
        raise SystemExit(found.problem())
    snap = {**found.current, "version": version, "level": found.due if found.previous else "major",
            "reasons": found.changes.summary() if found.previous else ["first numbered release"]}
    (data_dir / SNAPSHOT_DIR).mkdir(exist_ok=True)
    (data_dir / SNAPSHOT_DIR / f"{version}.json").write_text(snapshot_json(snap), encoding="utf-8")
    _write_version(data_dir / RELEASE_FILE, version)
    (root / CITATION).write_text(citation_cff(options, version, snap["date"]), encoding="utf-8")
    return version


def report(data_dir: Path) -> int:
    dataset, _ = load_valid(data_dir)
    found = status(dataset, data_dir)
    if found.problem():
        print(found.problem())
        return 1
    if not found.previous:
        print(f"release {found.version}: no release cut yet; `make release` cuts {found.version}")
    elif found.pending():
        print(f"release {found.version}, not bumped yet: {found.pending()}")
    elif found.previous["version"] == found.version:
        print(f"release {found.version}: the data is unchanged since it was cut")
    else:
        print(f"release {found.version} ({found.due} changes since {found.previous['version']}); "
              "`make release` cuts it\n  " + "\n  ".join(found.changes.summary()[:20]))
    return 0
