"""Editors' tools: the guide documents every schema field, `new` scaffolds a record, schemas are wired in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TODAY, problems_of
from natoaz.model.registry import NAMES as COLLECTIONS
from natoaz.model.schema import expanded
from natoaz.paths import ROOT, SCHEMA_DIR
from natoaz.render.reference import FILE, field_reference
from natoaz.tools.scaffold import ScaffoldError, needs, scaffold, slugify


def _field_names(node: dict, prefix: str = "") -> list[str]:
    names = []
    for name, sub in node.get("properties", {}).items():
        names.append(prefix + name)
        if sub.get("type") == "object":
            names += _field_names(sub, f"{prefix}{name}.")
        if sub.get("type") == "array" and sub.get("items", {}).get("type") == "object":
            names += _field_names(sub["items"], f"{prefix}{name}[].")
    return names


def test_guide_documents_every_schema_field() -> None:
    reference = field_reference()
    missing = [f"{c}: {f}" for c in COLLECTIONS for f in _field_names(expanded(c)) if f"| `{f}` |" not in reference]
    assert not missing, f"fields missing from the field reference: {missing}"
    assert all(expanded(c)["properties"] for c in COLLECTIONS)


def test_committed_reference_is_in_step_with_the_schemas() -> None:
    assert FILE.read_text(encoding="utf-8") == field_reference(), "schemas changed: run `make reference`"


def test_every_schema_field_has_a_description() -> None:
    undocumented = [f"{c}.{name}" for c in COLLECTIONS for name, sub in expanded(c)["properties"].items()
                    if not sub.get("description")]
    assert not undocumented


def test_data_files_point_editors_at_their_schema() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema, pattern in settings["yaml.schemas"].items():
        assert (ROOT / schema).exists() and pattern.startswith("data/")
    assert {Path(s).name for s in settings["yaml.schemas"]} >= {f"{c}.schema.json" for c in COLLECTIONS[1:]}
    assert (SCHEMA_DIR / "common.schema.json").exists()


def test_new_event_is_scaffolded_with_a_fresh_id(mini: Path) -> None:
    path, record_id = scaffold("event", "Azerbaijan signs the PfP Framework Document", "1994-05-04", mini, TODAY)
    assert path == mini / "events/1994.yaml"
    assert record_id == "1994-05-04-azerbaijan-signs-the-pfp-framework-document"
    problems = [p for p in problems_of(mini) if p.severity == "error"]
    # the skeleton is valid YAML; only its placeholders (choices to make) are reported
    assert {p.field for p in problems} == {"summary", "sectors[0]", "sources[0]"}


def test_new_person_and_source_files(mini: Path) -> None:
    path, record_id = scaffold("person", "Jens Stoltenberg", "", mini, TODAY)
    assert path == mini / "people/jens-stoltenberg.yaml" and record_id == "jens-stoltenberg"
    path, _ = scaffold("source", "NATO press release", "2024-03-17", mini, TODAY, publisher="NATO")
    assert "date: 2024-03-17" in path.read_text(encoding="utf-8")


def test_what_new_asks_for_follows_the_schemas_required_fields(mini: Path) -> None:
    # A source's date may be `undated` (a stand-in the tool writes), so only its publisher is asked for.
    assert [needs(k) for k in ("event", "quote", "source", "person", "programme")] == [
        ["date"], ["date", "speaker"], ["publisher"], [], []]
    with pytest.raises(ScaffoldError, match="needs its speaker"):
        scaffold("quote", "We began in 1994.", "2025-05-06", mini, TODAY)
    path, _ = scaffold("source", "Undated page", "", mini, TODAY, publisher="NATO")
    assert "date: undated" in path.read_text(encoding="utf-8")


def test_slugify_handles_diacritics() -> None:
    assert slugify("Mircea Geoană visits Baku!") == "mircea-geoana-visits-baku"
