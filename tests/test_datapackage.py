"""The Frictionless Data Package beside the CSV files: derived from the JSON Schemas, valid with
`frictionless validate` on the real data, and failing it when a reference or an enum is broken."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from natoaz.check.validate import load_valid
from natoaz.model.schema import expanded
from natoaz.render import render_site
from natoaz.render.datapackage import whole_match
from natoaz.render.datapage import FRICTIONLESS_EXAMPLE

DOWNLOADS = "downloads/"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real dataset's downloads/ folder, written from the renderer."""
    dataset, _ = load_valid()
    out = tmp_path_factory.mktemp("downloads")
    for rel, content in render_site(dataset).items():
        if rel.startswith(DOWNLOADS):
            target = out / rel.removeprefix(DOWNLOADS)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return out


def _validate(folder: Path) -> tuple[int, list[str]]:
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                            cwd=folder, capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    errors = [f"{task['name']}: {error['type']}: {error.get('note', '')}"
              for task in report["tasks"] for error in task["errors"]]
    return result.returncode, errors


def test_frictionless_validate_passes_on_the_real_data(downloads: Path) -> None:
    code, errors = _validate(downloads)
    assert (code, errors) == (0, [])


def test_table_schemas_follow_the_json_schemas(downloads: Path) -> None:
    package = json.loads((downloads / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    for collection in ("sectors", "sources", "people", "programmes", "events", "quotes"):
        resource = resources[collection]
        assert (downloads / resource["path"]).is_file()
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        header = (downloads / resource["path"]).read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        assert list(fields) == header  # the package describes the columns the CSV file has
        assert resource["schema"]["primaryKey"] == ["id"]
        schema = expanded(collection)
        for name in schema["required"]:
            if name in fields:
                assert fields[name]["constraints"]["required"] is True, (collection, name)
    quotes = {f["name"]: f for f in resources["quotes"]["schema"]["fields"]}
    assert quotes["translation"]["constraints"]["enum"] == expanded("quotes")["properties"]["translation"]["enum"]
    assert quotes["sectors"]["type"] == "list" and quotes["sectors"]["delimiter"] == ";"
    assert {"fields": "speaker", "reference": {"resource": "people", "fields": "id"}} in \
        resources["quotes"]["schema"]["foreignKeys"]
    assert {"fields": "parent", "reference": {"resource": "", "fields": "id"}} in \
        resources["programmes"]["schema"]["foreignKeys"]
    events = {f["name"]: f for f in resources["events"]["schema"]["fields"]}
    assert events["key"]["type"] == "boolean" and events["disagreements"]["type"] == "array"
    link = resources["events_sectors"]["schema"]
    assert link["primaryKey"] == ["event_id", "sector_id"]
    assert {fk["reference"]["resource"] for fk in link["foreignKeys"]} == {"events", "sectors"}


def test_link_table_rows_match_the_lists_in_the_collection_file(downloads: Path) -> None:
    with (downloads / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        pairs = {(row["id"], s) for row in csv.DictReader(handle) for s in row["sectors"].split(";")}
    with (downloads / "events_sectors.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["event_id", "sector_id"]
    assert set(map(tuple, rows[1:])) == pairs and len(rows) - 1 == len(pairs)


def test_the_frictionless_example_of_the_data_page_runs(downloads: Path) -> None:
    code = FRICTIONLESS_EXAMPLE.format(base=f"{downloads}/")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def _rewrite(path: Path, column: str, value: str) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(rows)


def test_broken_references_and_enums_fail_validation(downloads: Path, tmp_path: Path) -> None:
    broken = tmp_path / "downloads"
    shutil.copytree(downloads, broken)
    _rewrite(broken / "quotes.csv", "speaker", "nobody-at-all")
    _rewrite(broken / "sources.csv", "quality", "rumour")
    _rewrite(broken / "events_sectors.csv", "sector_id", "no-such-sector")
    code, errors = _validate(broken)
    assert code == 1
    assert any(e.startswith("quotes: foreign-key") and "nobody-at-all" in e for e in errors), errors
    assert any(e.startswith("sources: constraint-error") and "enum" in e for e in errors), errors
    assert any(e.startswith("events_sectors: foreign-key") and "no-such-sector" in e for e in errors), errors


@pytest.mark.parametrize(("pattern", "expected"), [
    ("^https?://", "(?:https?://).*"),
    ("^[a-z]{2,3}$", "(?:[a-z]{2,3})"),
    ("x", ".*(?:x).*"),
])
def test_json_schema_patterns_become_whole_cell_patterns(pattern: str, expected: str) -> None:
    assert whole_match(pattern) == expected
