"""Citable releases: the number in data/release.yaml, the bump the changes since the last cut release call
for, the changelog, the number in the JSON, citations and feed, and CITATION.cff (valid CFF 1.2.0)."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import MINI, edit
from natoaz.check.validate import load_valid, validate
from natoaz.model.release import bump_of, compare, next_version, snapshot
from natoaz.paths import DATA_DIR, ROOT
from natoaz.render import SiteOptions, render_site
from natoaz.tools.release import CITATION, cut, status

CFF_SCHEMA = ROOT / "tools" / "cff" / "schema-1.2.0.json"
NEW_EVENT = """
- id: 2026-02-01-new-talk
  date: 2026-02-01
  title: A later talk on the partnership
  summary: A talk added after the first release.
  sectors: [political-dialogue]
  sources: [news-speech]
  added: 2026-02-02
"""


def test_the_release_number_fits_the_changes_since_the_last_release() -> None:
    """Fails when a breaking change has no major bump or a bumped number does not fit; warns, naming the
    bump, while additions or corrections wait for the next `make release`."""
    dataset, _ = load_valid()
    found = status(dataset, DATA_DIR)
    assert found.version and found.previous, "data/release.yaml and data/releases/ must exist"
    assert found.problem() == ""
    if found.pending():
        warnings.warn(found.pending(), stacklevel=1)


def test_citation_cff_is_valid_and_names_the_release() -> None:
    citation = yaml.safe_load((ROOT / CITATION).read_text(encoding="utf-8"))
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in Draft7Validator(schema).iter_errors(citation)]
    assert errors == []
    dataset, _ = load_valid()
    newest = dataset.release.history[-1]  # CITATION.cff names the newest cut release (`make release` writes it)
    assert (citation["version"], str(citation["date-released"])) == (newest.version, newest.date)
    assert citation["license"] == "CC-BY-4.0" and citation["type"] == "dataset"


def test_the_cff_schema_rejects_a_broken_citation() -> None:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    citation = yaml.safe_load((ROOT / CITATION).read_text(encoding="utf-8"))
    del citation["authors"]
    citation["date-released"] = "30 November"
    assert len(list(Draft7Validator(schema).iter_errors(citation))) == 2


def _snap(fields: dict[str, str], records: dict[str, str]) -> dict:
    return {"fields": {"events": fields}, "records": {"events": records}}


@pytest.mark.parametrize(("after", "level"), [
    (_snap({"id": "string", "title": "string"}, {"a": "1", "b": "2"}), "none"),
    (_snap({"id": "string", "title": "string"}, {"a": "1", "b": "3"}), "patch"),
    (_snap({"id": "string", "title": "string"}, {"a": "1", "b": "2", "c": "4"}), "minor"),
    (_snap({"id": "string", "title": "string", "place": "string"}, {"a": "1", "b": "2"}), "minor"),
    (_snap({"id": "string"}, {"a": "1", "b": "2"}), "major"),  # field removed (or renamed)
    (_snap({"id": "string", "title": "array"}, {"a": "1", "b": "2"}), "major"),  # retyped
    (_snap({"id": "string", "title": "string"}, {"a": "1"}), "patch"),  # a record withdrawn
])
def test_which_bump_a_change_calls_for(after: dict, level: str) -> None:
    before = _snap({"id": "string", "title": "string"}, {"a": "1", "b": "2"})
    assert compare(before, after).level == level


def test_an_id_corrected_with_its_former_id_kept_is_a_patch() -> None:
    before = _snap({"id": "string"}, {"hugh-bailey": "1"})
    after = {**_snap({"id": "string"}, {"hugh-bayley": "2"}), "renamed": {"events": {"hugh-bailey": "hugh-bayley"}}}
    assert compare(before, after).level == "patch"
    assert compare(before, _snap({"id": "string"}, {"hugh-bayley": "2"})).level == "minor"  # one added


def test_enum_values_added_are_minor_removed_are_major() -> None:
    before = _snap({"kind": "enum:a|b"}, {})
    assert compare(before, _snap({"kind": "enum:a|b|c"}, {})).level == "minor"
    assert compare(before, _snap({"kind": "enum:a"}, {})).level == "major"


def test_version_arithmetic() -> None:
    assert [next_version("1.4.2", level) for level in ("patch", "minor", "major")] == ["1.4.3", "1.5.0", "2.0.0"]
    assert bump_of("1.4.2", "1.5.0") == "minor" and bump_of("1.4.2", "1.4.2") == "none"
    with pytest.raises(ValueError, match="1.5.0"):
        bump_of("1.4.2", "1.6.0")


def test_the_real_schemas_in_a_snapshot_list_nested_fields_and_enums() -> None:
    snap = snapshot({}, "1.0.0", "2026-01-01")
    assert snap["fields"]["people"]["roles[].title"] == "string"
    assert snap["fields"]["sources"]["quality"] == "enum:media|official|repost|weak"


@pytest.fixture
def released(tmp_path: Path) -> tuple[Path, Path]:
    """The mini data with release 1.0.0 cut; returns (project root, data folder)."""
    root = tmp_path / "project"
    shutil.copytree(MINI, root / "data")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data" / "release.yaml").write_text("# number\nversion: 1.0.0\n", encoding="utf-8")
    assert cut(root / "data", root) == "1.0.0"
    return root, root / "data"


def test_cut_then_change_then_the_due_bump_is_named(released: tuple[Path, Path]) -> None:
    root, data = released
    assert (data / "releases" / "1.0.0.json").is_file() and (root / CITATION).is_file()
    with (data / "events" / "2025.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_EVENT)
    dataset, _ = load_valid(data)
    found = status(dataset, data)
    assert found.problem() == ""  # additions may wait for the next release ...
    assert "a minor release is due (version 1.1.0)" in found.pending() and "2026-02-01-new-talk" in found.pending()
    for version, fits in (("1.0.1", False), ("1.1.0", True), ("2.0.0", True), ("1.2.0", False)):
        edit(data / "release.yaml", f"version: {dataset.release.version}", f"version: {version}")
        dataset, _ = load_valid(data)
        assert (status(dataset, data).problem() == "") is fits, version
    edit(data / "release.yaml", "version: 1.2.0", "version: 1.0.0")
    assert cut(data, root) == "1.1.0"  # cutting bumps by what is due
    assert "version: 1.1.0" in (data / "release.yaml").read_text(encoding="utf-8")
    assert "version: 1.1.0" in (root / CITATION).read_text(encoding="utf-8")
    snap = json.loads((data / "releases" / "1.1.0.json").read_text(encoding="utf-8"))
    assert snap["level"] == "minor" and any("2026-02-01-new-talk" in r for r in snap["reasons"])


def test_a_breaking_change_without_a_major_bump_fails(released: tuple[Path, Path]) -> None:
    _root, data = released
    snapshot_file = data / "releases" / "1.0.0.json"
    snap = json.loads(snapshot_file.read_text(encoding="utf-8"))
    snap["fields"]["events"]["venue"] = "string"  # as if 1.0.0 had a field `venue` that is now gone
    snapshot_file.write_text(json.dumps(snap), encoding="utf-8")
    dataset, _ = load_valid(data)
    problem = status(dataset, data).problem()
    assert "a major release is due (version 2.0.0)" in problem and "field `venue` removed or renamed" in problem


def test_changelog_json_citations_and_feed_carry_the_release(released: tuple[Path, Path]) -> None:
    _root, data = released
    with (data / "events" / "2025.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_EVENT)
    edit(data / "release.yaml", "version: 1.0.0", "version: 1.1.0")
    dataset, _ = load_valid(data)
    files = render_site(dataset, SiteOptions(site_url="https://example.org/"))
    index = files["changelog/index.md"]
    assert index.index("## Release 1.1.0 (in preparation)") < index.index("## Release 1.0.0")
    assert "[every change](1.1.0.md)" in index
    assert "A later talk on the partnership" in files["changelog/1.1.0.md"]
    assert "A later talk on the partnership" not in files["changelog/1.0.0.md"]
    assert "Liaison office head speaks" in files["changelog/1.0.0.md"]
    assert json.loads(files["downloads/nato-azerbaijan.json"])["version"] == "1.1.0"
    assert "dataset release 1.1.0" in files["events/2025-05-06-speech.md"]
    assert "version = {1.1.0}" in files["data.md"] and "[changelog](changelog/index.md)" in files["data.md"]
    feed = files["feed.xml"]
    assert "<title>Release 1.1.0 of the data</title>" in feed and "Data release 1.1.0." in feed
    assert json.loads(files["downloads/datapackage.json"])["version"] == "1.1.0"


def test_changes_after_the_newest_cut_are_listed_as_not_yet_released(released: tuple[Path, Path]) -> None:
    _root, data = released
    with (data / "events" / "2025.yaml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_EVENT)
    dataset, _ = load_valid(data)
    files = render_site(dataset)
    assert files["changelog/index.md"].index("## Not yet released") < files["changelog/index.md"].index(
        "## Release 1.0.0")
    assert "A later talk on the partnership" in files["changelog/unreleased.md"]
    assert "Release unreleased" not in files["feed.xml"]


def test_a_bad_release_file_is_a_located_problem(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "release.yaml").write_text("# number\nversion: one\nnote: x\n", encoding="utf-8")
    (data / "releases").mkdir()
    (data / "releases" / "1.0.0.json").write_text("{not json", encoding="utf-8")
    _, problems = validate(data)
    found = {(Path(p.file).name, p.line, p.field) for p in problems}
    assert ("release.yaml", 2, "version") in found and ("release.yaml", 3, "note") in found
    assert any(p.file.endswith("releases/1.0.0.json") for p in problems)
