"""`data/release.yaml` (the release number) and the releases cut so far (`data/releases/*.json`)."""

from __future__ import annotations

import json
from pathlib import Path

from ..model.release import RELEASE_FILE, SNAPSHOT_DIR, Release, ReleaseInfo, parse_version
from ..problems import Problem
from .yaml_loader import load_yaml


def load_release(data_dir: Path, rel: str) -> tuple[ReleaseInfo, list[Problem]]:
    """Read `release.yaml` and the snapshots' headers; `rel` is release.yaml's path as editors see it."""
    info = ReleaseInfo()
    path = data_dir / RELEASE_FILE
    problems: list[Problem] = []
    if path.is_file():
        doc, problems = load_yaml(path.read_bytes(), rel)
        value = doc.value if doc else None
        if doc is not None:
            line, col = doc.positions.get(("version",), (1, 1))
            version = value.get("version") if isinstance(value, dict) else None
            extra = sorted(set(value) - {"version"}) if isinstance(value, dict) else []
            try:
                parse_version(version if isinstance(version, str) else "")
                info.version = version
            except ValueError:
                problems.append(Problem(rel, line, col, "version", f"`{version}` is not a release number",
                                        hint="write three numbers, e.g. `version: 1.2.0`"))
            for key in extra:
                line, col = doc.key_positions.get((key,), (1, 1))
                problems.append(Problem(rel, line, col, key, "unknown field", hint="release.yaml holds `version` only"))
    for snap in sorted((data_dir / SNAPSHOT_DIR).glob("*.json")):
        try:
            data = json.loads(snap.read_text(encoding="utf-8"))
            parse_version(data["version"])
            info.history.append(Release(data["version"], str(data["date"]), str(data.get("level", "none")),
                                        tuple(str(r) for r in data.get("reasons", []))))
        except (ValueError, KeyError, TypeError) as exc:
            where = f"{Path(rel).parent.as_posix()}/{SNAPSHOT_DIR}/{snap.name}"
            problems.append(Problem(where, 1, 1, "", f"not a release snapshot ({exc})",
                                    hint="snapshots are written by `make release`; restore this one from git"))
    info.history.sort(key=lambda r: parse_version(r.version))
    return info, problems
